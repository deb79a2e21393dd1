using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Yhdessa.Platform;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Account;

/// <summary>The second step of signing in: a code from the authenticator app. A wrong code counts towards the lockout.</summary>
[AllowAnonymous]
[EnableRateLimiting(PlatformSetup.AccountRateLimit)]
public class SignInTwoFactorModel(SignInManager<User> signIn, IStringLocalizer<AccountText> text) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("/Account/SignIn");
        var code = TwoFactorCodes.Clean(Code);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), text["ErrorCodeRequired"]);
            return Page();
        }
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded) return LocalRedirect(AccountForms.LocalOr(ReturnUrl, "/account"));
        ModelState.AddModelError(nameof(Code), text[result.IsLockedOut ? "SignInFailed" : "ErrorCodeWrong"]);
        return Page();
    }
}
