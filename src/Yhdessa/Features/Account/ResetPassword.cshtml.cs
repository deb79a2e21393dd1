using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Yhdessa.Platform;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Account;

/// <summary>
/// Sets a new password from the emailed link. The link is bound to the security stamp, which the reset changes,
/// so it works once; it expires after an hour. Every session of the account ends.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PlatformSetup.AccountRateLimit)]
public class ResetPasswordModel(
    UserManager<User> users, AccountEmails emails, AuditLog audit, YhdessaDb db, IStringLocalizer<AccountText> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? Password { get; set; }

    public IActionResult OnGet()
    {
        if (string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Token)) ModelState.AddModelError("", text["LinkInvalid"]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var password = AccountForms.Password(ModelState, nameof(Password), Password, text);
        if (!ModelState.IsValid) return Page();
        var user = string.IsNullOrEmpty(UserId) ? null : await users.FindByIdAsync(UserId);
        if (user is null || string.IsNullOrEmpty(Token))
        {
            ModelState.AddModelError("", text["LinkInvalid"]);
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, Token, password!);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
                ModelState.AddModelError("", text["LinkInvalid"]);
            else
                ModelState.AddErrors(nameof(Password), result);
            return Page();
        }
        // The link came to the address, so the address is proven; a reset also lifts a lockout.
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            if (!await users.IsInRoleAsync(user, Roles.Member)) await users.AddToRoleAsync(user, Roles.Member);
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        audit.Record("account.password-reset", $"user:{user.Id}", actorId: user.Id);
        emails.PasswordChanged(user);
        await db.SaveChangesAsync();
        TempData["Notice"] = text["PasswordResetDone"].Value;
        return RedirectToPage("/Account/SignIn");
    }
}
