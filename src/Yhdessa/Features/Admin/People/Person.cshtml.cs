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
public class PersonModel(UserManager<User> users, AuditLog audit, CoordinatorGuard guard, IStringLocalizer<AccountText> text) : PageModel
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
        if (Roles.Any(r => !Platform.Identity.Roles.All.Contains(r)))
        {
            ModelState.AddModelError(nameof(Roles), text["ErrorUnknownRole"]);
            return Page();
        }
        var wanted = Roles.ToHashSet();
        if (CurrentRoles.Contains(Platform.Identity.Roles.Coordinator) && !wanted.Contains(Platform.Identity.Roles.Coordinator)
            && !await guard.OthersExistAsync(Person.Id))
            return await LastCoordinatorAsync(id, nameof(Roles));
        var result = await guard.ChangeAsync(async () =>
        {
            // Loaded again inside the transaction: the change may run again after a simultaneous one.
            var person = await users.FindByIdAsync(id);
            if (person is null) return IdentityResult.Failed();
            var current = await users.GetRolesAsync(person);
            foreach (var role in wanted.Except(current))
            {
                audit.Record("role.granted", $"user:{person.Id}", role);
                var added = await users.AddToRoleAsync(person, role);
                if (!added.Succeeded) return added;
            }
            foreach (var role in current.Except(wanted).ToList())
            {
                audit.Record("role.removed", $"user:{person.Id}", role);
                var removed = await users.RemoveFromRoleAsync(person, role);
                if (!removed.Succeeded) return removed;
            }
            return IdentityResult.Success;
        });
        if (result is null) return await LastCoordinatorAsync(id, nameof(Roles));
        if (!result.Succeeded) return await FailedAsync(id, result);
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
        if (disabled && CurrentRoles.Contains(Platform.Identity.Roles.Coordinator) && !await guard.OthersExistAsync(Person.Id))
            return await LastCoordinatorAsync(id, "");
        if (Person.IsDisabled != disabled)
        {
            var result = await guard.ChangeAsync(async () =>
            {
                var person = await users.FindByIdAsync(id);
                if (person is null) return IdentityResult.Failed();
                person.IsDisabled = disabled;
                audit.Record(disabled ? "account.disabled" : "account.enabled", $"user:{person.Id}");
                // A new security stamp ends the person's open sessions.
                return await users.UpdateSecurityStampAsync(person);
            });
            if (result is null) return await LastCoordinatorAsync(id, "");
            if (!result.Succeeded) return await FailedAsync(id, result);
        }
        TempData["Notice"] = text[disabled ? "AccountDisabled" : "AccountEnabled"].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>The page again as the account now is, with the reason the change was refused.</summary>
    private async Task<IActionResult> LastCoordinatorAsync(string id, string key)
    {
        if (!await LoadAsync(id)) return NotFound();
        ModelState.AddModelError(key, text["ErrorLastCoordinator"]);
        return Page();
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

    private async Task<IActionResult> FailedAsync(string id, IdentityResult result)
    {
        if (!await LoadAsync(id)) return NotFound();
        ModelState.AddErrors("", result);
        return Page();
    }
}
