using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Yhdessa.Platform;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Account;

/// <summary>Signing in with a one-time recovery code when the authenticator app is lost.</summary>
[AllowAnonymous]
[EnableRateLimiting(PlatformSetup.AccountRateLimit)]
public class SignInRecoveryCodeModel(SignInManager<User> signIn, UserManager<User> users, IStringLocalizer<AccountText> text) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("/Account/SignIn");
        var code = TwoFactorCodes.CleanRecoveryCode(Code);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), text["ErrorCodeRequired"]);
            return Page();
        }
        if (await users.IsLockedOutAsync(user))
        {
            ModelState.AddModelError(nameof(Code), text["SignInFailed"]);
            return Page();
        }
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded) return LocalRedirect(AccountForms.LocalOr(ReturnUrl, "/account"));
        // Identity does not count wrong recovery codes; every failure counts towards the lockout here.
        await users.AccessFailedAsync(user);
        ModelState.AddModelError(nameof(Code), text["ErrorRecoveryCode"]);
        return Page();
    }
}
