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
    UserManager<User> users, SignInManager<User> signIn, PersonalDataService personalData,
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
        var result = await personalData.DeleteAsync(user, cancellationToken);
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
