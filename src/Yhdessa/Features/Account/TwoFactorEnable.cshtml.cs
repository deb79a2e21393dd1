using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using QRCoder;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Account;

/// <summary>
/// Turns on two-step sign-in: the key as a QR code (a PNG data URI: the CSP allows images from data:, and no
/// script is needed) and as text to type by hand; a code from the app proves the key was saved.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class TwoFactorEnableModel(
    UserManager<User> users, SignInManager<User> signIn, AuditLog audit, IStringLocalizer<AccountText> text) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    public string Key { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (await users.GetTwoFactorEnabledAsync(user)) return RedirectToPage("/Account/TwoFactor");
        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (await users.GetTwoFactorEnabledAsync(user)) return RedirectToPage("/Account/TwoFactor");
        var code = TwoFactorCodes.Clean(Code);
        if (code.Length == 0) ModelState.AddModelError(nameof(Code), text["ErrorCodeRequired"]);
        else if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            ModelState.AddModelError(nameof(Code), text["ErrorCodeWrong"]);
        if (!ModelState.IsValid)
        {
            await LoadKeyAsync(user);
            return Page();
        }
        audit.Record("account.2fa-enabled", $"user:{user.Id}");
        await users.SetTwoFactorEnabledAsync(user, true);
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactorModel.RecoveryCodeCount))?.ToList();
        await signIn.RefreshSignInAsync(user);
        return Page();
    }

    private async Task LoadKeyAsync(User user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
            // A new key renews the security stamp; this session carries on with the new one.
            await signIn.RefreshSignInAsync(user);
        }
        Key = TwoFactorCodes.Format(key!);
        var uri = $"otpauth://totp/{Uri.EscapeDataString("Yhdessä:" + user.Email)}?secret={key}&issuer={Uri.EscapeDataString("Yhdessä")}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
