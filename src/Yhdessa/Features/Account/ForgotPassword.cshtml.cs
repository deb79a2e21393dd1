using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Yhdessa.Platform;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Account;

/// <summary>Asks for a reset link. Known and unknown addresses get the same answer; only a known one gets mail.</summary>
[AllowAnonymous]
[EnableRateLimiting(PlatformSetup.AccountRateLimit)]
public class ForgotPasswordModel(UserManager<User> users, AccountEmails emails, YhdessaDb db, IStringLocalizer<AccountText> text) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty(SupportsGet = true)] public bool Sent { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var email = AccountForms.Email(ModelState, nameof(Email), Email, text);
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByEmailAsync(email!);
        if (user is not null)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            emails.ResetPassword(user, emails.ResetLink(user, token));
            await db.SaveChangesAsync();
        }
        return RedirectToPage(new { sent = true });
    }
}
