using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Yhdessa.Platform;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Account;

/// <summary>
/// Sign in. Every failure — wrong password, unknown address, unconfirmed, disabled or locked account — gets one
/// and the same answer, so the page tells nobody which addresses have accounts. Each wrong password counts
/// towards the lockout.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PlatformSetup.AccountRateLimit)]
public class SignInModel(
    SignInManager<User> signIn, UserManager<User> users, IStringLocalizer<AccountText> text, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty] public SignInInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var email = InputRules.CleanEmail(Input.Email ?? "");
        if (email.Length == 0) ModelState.AddModelError("Input.Email", text["ErrorEmailRequired"]);
        AccountForms.Password(ModelState, "Input.Password", Input.Password, text);
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByEmailAsync(email);
        // Identity refuses an unconfirmed, disabled or locked account before it checks the password; checking one
        // in vain here makes every refusal as slow as a wrong password.
        if (user is null || await users.IsLockedOutAsync(user) || !await signIn.CanSignInAsync(user))
        {
            AccountForms.VerifyInVain(users, Input.Password!);
            logger.LogInformation("Sign-in refused before the password check");
            return Failed();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: true);
        var target = AccountForms.LocalOr(ReturnUrl, "/account");
        if (result.Succeeded) return LocalRedirect(target);
        if (result.RequiresTwoFactor) return RedirectToPage("/Account/SignInTwoFactor", new { returnUrl = target });
        logger.LogInformation("Sign-in failed (locked out: {LockedOut}, not allowed: {NotAllowed})", result.IsLockedOut, result.IsNotAllowed);
        return Failed();
    }

    private PageResult Failed()
    {
        ModelState.AddModelError("", text["SignInFailed"]);
        return Page();
    }
}

public sealed class SignInInput
{
    public string? Email { get; set; }
    public string? Password { get; set; }
}
