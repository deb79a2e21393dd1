using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Account;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Admin.People;

/// <summary>
/// One account, for coordinators: its roles and whether it may sign in. Every change is audited. The service
/// always keeps one enabled coordinator, and nobody disables their own account.
/// </summary>
[Authorize(Policy = Policies.Coordinator)]
public class PersonModel(UserManager<User> users, AuditLog audit, IStringLocalizer<AccountText> text) : PageModel
{
    public User Person { get; private set; } = null!;
    public IList<string> CurrentRoles { get; private set; } = [];
    public bool IsSelf { get; private set; }

    /// <summary>The roles ticked in the form.</summary>
    [BindProperty] public List<string> Roles { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRolesAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var wanted = Roles.Where(Platform.Identity.Roles.All.Contains).ToHashSet();
        if (Roles.Any(r => !Platform.Identity.Roles.All.Contains(r)))
        {
            ModelState.AddModelError(nameof(Roles), text["ErrorUnknownRole"]);
            return Page();
        }
        if (CurrentRoles.Contains(Platform.Identity.Roles.Coordinator) && !wanted.Contains(Platform.Identity.Roles.Coordinator)
            && await IsLastCoordinatorAsync())
        {
            ModelState.AddModelError(nameof(Roles), text["ErrorLastCoordinator"]);
            return Page();
        }
        foreach (var role in wanted.Except(CurrentRoles))
        {
            audit.Record("role.granted", $"user:{Person.Id}", role);
            var result = await users.AddToRoleAsync(Person, role);
            if (!result.Succeeded) return Failed(result);
        }
        foreach (var role in CurrentRoles.Except(wanted).ToList())
        {
            audit.Record("role.removed", $"user:{Person.Id}", role);
            var result = await users.RemoveFromRoleAsync(Person, role);
            if (!result.Succeeded) return Failed(result);
        }
        // No new security stamp: the person stays signed in, and their sessions pick up the new roles at the next
        // security check (SecurityStampValidatorOptions.ValidationInterval), which rebuilds the session's claims.
        TempData["Notice"] = text["RolesSaved"].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDisableAsync(string id) => await SetDisabledAsync(id, true);
    public async Task<IActionResult> OnPostEnableAsync(string id) => await SetDisabledAsync(id, false);

    private async Task<IActionResult> SetDisabledAsync(string id, bool disabled)
    {
        if (!await LoadAsync(id)) return NotFound();
        // The roles form on the page shown again must hold the roles as they are, or saving it would strip them.
        Roles = CurrentRoles.ToList();
        if (disabled && IsSelf)
        {
            ModelState.AddModelError("", text["ErrorDisableSelf"]);
            return Page();
        }
        if (disabled && CurrentRoles.Contains(Platform.Identity.Roles.Coordinator) && await IsLastCoordinatorAsync())
        {
            ModelState.AddModelError("", text["ErrorLastCoordinator"]);
            return Page();
        }
        if (Person.IsDisabled != disabled)
        {
            Person.IsDisabled = disabled;
            audit.Record(disabled ? "account.disabled" : "account.enabled", $"user:{Person.Id}");
            // A new security stamp ends the person's open sessions.
            var result = await users.UpdateSecurityStampAsync(Person);
            if (!result.Succeeded) return Failed(result);
        }
        TempData["Notice"] = text[disabled ? "AccountDisabled" : "AccountEnabled"].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(string id)
    {
        var person = await users.FindByIdAsync(id);
        if (person is null) return false;
        Person = person;
        CurrentRoles = await users.GetRolesAsync(person);
        IsSelf = users.GetUserId(User) == person.Id;
        if (Request.Method == HttpMethods.Get) Roles = CurrentRoles.ToList();
        return true;
    }

    private async Task<bool> IsLastCoordinatorAsync()
    {
        var coordinators = await users.GetUsersInRoleAsync(Platform.Identity.Roles.Coordinator);
        return coordinators.Count(u => !u.IsDisabled && u.Id != Person.Id) == 0;
    }

    private PageResult Failed(IdentityResult result)
    {
        ModelState.AddErrors("", result);
        return Page();
    }
}
