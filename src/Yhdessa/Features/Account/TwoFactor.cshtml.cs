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

/// <summary>Two-step sign-in: its state, new recovery codes (shown once), and turning it off. Both changes ask
/// for the password again, so that a session left open is not enough; the page is never stored by a cache.</summary>
[EnableRateLimiting(PlatformSetup.AccountRateLimit)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class TwoFactorModel(
    UserManager<User> users, SignInManager<User> signIn, AuditLog audit, AccountEmails emails, YhdessaDb db,
    IStringLocalizer<AccountText> text) : PageModel
{
    [BindProperty] public string? Password { get; set; }

    public const int RecoveryCodeCount = 10;

    public bool Enabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    /// <summary>Set only in the response that created them: the codes are never shown again.</summary>
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!await users.GetTwoFactorEnabledAsync(user)) return RedirectToPage();
        if (!await PasswordAsync(user, "codes")) return Page();
        audit.Record("account.2fa-recovery-codes", $"user:{user.Id}");
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!await users.GetTwoFactorEnabledAsync(user)) return RedirectToPage();
        if (!await PasswordAsync(user, "disable")) return Page();
        audit.Record("account.2fa-disabled", $"user:{user.Id}");
        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key, so that the old app entry cannot be reused if two-step sign-in is turned on again.
        await users.ResetAuthenticatorKeyAsync(user);
        // The owner hears of it, so that a session someone else took over cannot quietly weaken the account.
        emails.TwoFactorDisabled(user);
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(user);
        TempData["Notice"] = text["TwoFactorDisabled"].Value;
        return RedirectToPage();
    }

    private async Task<bool> PasswordAsync(User user, string form)
    {
        var key = $"Password-{form}";
        var password = AccountForms.Password(ModelState, key, Password, text);
        if (password is not null && await AccountForms.CurrentPasswordAsync(users, user, ModelState, key, password, text)) return true;
        await LoadAsync(user);
        return false;
    }

    private async Task LoadAsync(User user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
    }
}
