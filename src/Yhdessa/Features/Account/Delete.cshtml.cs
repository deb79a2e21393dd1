using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Yhdessa.Platform;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Account;

/// <summary>"Delete my account": the password once more, then every feature erases or anonymises its data
/// and the account goes, all in one transaction.</summary>
[EnableRateLimiting(PlatformSetup.AccountRateLimit)]
public class DeleteModel(
    UserManager<User> users, SignInManager<User> signIn, PersonalDataService personalData, CoordinatorGuard guard,
    IStringLocalizer<AccountText> text, ILogger<DeleteModel> logger) : PageModel
{
    [BindProperty] public string? Password { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var password = AccountForms.Password(ModelState, nameof(Password), Password, text);
        if (!ModelState.IsValid) return Page();
        if (!await AccountForms.CurrentPasswordAsync(users, user, ModelState, nameof(Password), password!, text)) return Page();
        // The same rule as on the people page: the service keeps one enabled coordinator. Asked here for a clear
        // answer; the deletion checks again in its transaction.
        if (!user.IsDisabled && await users.IsInRoleAsync(user, Roles.Coordinator) && !await guard.OthersExistAsync(user.Id, cancellationToken))
        {
            ModelState.AddModelError("", text["ErrorLastCoordinatorDelete"]);
            return Page();
        }
        var result = await personalData.DeleteAsync(user, cancellationToken);
        if (result is null)
        {
            ModelState.AddModelError("", text["ErrorLastCoordinatorDelete"]);
            return Page();
        }
        if (!result.Succeeded)
        {
            ModelState.AddErrors("", result);
            return Page();
        }
        logger.LogInformation("Account {UserId} deleted by its owner", user.Id);
        await signIn.SignOutAsync();
        TempData["Notice"] = text["AccountDeleted"].Value;
        return Redirect("/");
    }
}
