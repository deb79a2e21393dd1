using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Account;

/// <summary>Two-step sign-in: its state, new recovery codes (shown once), and turning it off.</summary>
public class TwoFactorModel(
    UserManager<User> users, SignInManager<User> signIn, AuditLog audit, IStringLocalizer<AccountText> text) : PageModel
{
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
        audit.Record("account.2fa-recovery-codes", $"user:{user.Id}");
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        audit.Record("account.2fa-disabled", $"user:{user.Id}");
        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key, so that the old app entry cannot be reused if two-step sign-in is turned on again.
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Notice"] = text["TwoFactorDisabled"].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(User user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
    }
}
