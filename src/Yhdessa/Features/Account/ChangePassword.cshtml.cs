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

/// <summary>Changes the password. The security stamp changes with it, which ends every other session of the account.</summary>
[EnableRateLimiting(PlatformSetup.AccountRateLimit)]
public class ChangePasswordModel(
    UserManager<User> users, SignInManager<User> signIn, AccountEmails emails, AuditLog audit, YhdessaDb db,
    IStringLocalizer<AccountText> text) : PageModel
{
    [BindProperty] public ChangePasswordInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var current = AccountForms.Password(ModelState, "Input.CurrentPassword", Input.CurrentPassword, text);
        var next = AccountForms.Password(ModelState, "Input.NewPassword", Input.NewPassword, text);
        if (!ModelState.IsValid) return Page();
        if (!await AccountForms.CurrentPasswordAsync(users, user, ModelState, "Input.CurrentPassword", current!, text)) return Page();
        var result = await users.ChangePasswordAsync(user, current!, next!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                    ? "Input.CurrentPassword" : "Input.NewPassword", error.Description);
            return Page();
        }
        audit.Record("account.password-changed", $"user:{user.Id}");
        emails.PasswordChanged(user);
        await db.SaveChangesAsync();
        // This session goes on with the new stamp; the others end.
        await signIn.RefreshSignInAsync(user);
        TempData["Notice"] = text["PasswordChanged"].Value;
        return RedirectToPage("/Account/Index");
    }
}

public sealed class ChangePasswordInput
{
    public string? CurrentPassword { get; set; }
    public string? NewPassword { get; set; }
}
