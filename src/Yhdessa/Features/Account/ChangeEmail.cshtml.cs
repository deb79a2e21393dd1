using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Yhdessa.Platform;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Account;

/// <summary>
/// Asks to move the account to a new address. Nothing changes until the link sent to the new address is used;
/// an address that belongs to another account gets the same answer and no mail, so the form reveals nothing.
/// </summary>
[EnableRateLimiting(PlatformSetup.AccountRateLimit)]
public class ChangeEmailModel(UserManager<User> users, AccountEmails emails, YhdessaDb db, IStringLocalizer<AccountText> text) : PageModel
{
    [BindProperty] public ChangeEmailInput Input { get; set; } = new();
    public string CurrentEmail { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        CurrentEmail = user.Email!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        CurrentEmail = user.Email!;
        var email = AccountForms.Email(ModelState, "Input.NewEmail", Input.NewEmail, text);
        var password = AccountForms.Password(ModelState, "Input.Password", Input.Password, text);
        if (!ModelState.IsValid) return Page();
        if (!await AccountForms.CurrentPasswordAsync(users, user, ModelState, "Input.Password", password!, text)) return Page();
        if (users.NormalizeEmail(email) == user.NormalizedEmail)
        {
            ModelState.AddModelError("Input.NewEmail", text["ErrorSameEmail"]);
            return Page();
        }
        if (await users.FindByEmailAsync(email!) is null)
        {
            var token = await users.GenerateChangeEmailTokenAsync(user, email!);
            emails.ConfirmNewAddress(user, email!, emails.EmailChangeLink(user, email!, token));
            await db.SaveChangesAsync();
        }
        TempData["Notice"] = text["ChangeEmailSent", email!].Value;
        return RedirectToPage("/Account/Index");
    }
}

public sealed class ChangeEmailInput
{
    public string? NewEmail { get; set; }
    public string? Password { get; set; }
}
