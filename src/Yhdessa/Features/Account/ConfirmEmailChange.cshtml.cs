using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Account;

/// <summary>The link sent to a new address. Like the sign-up link it asks for a button press, and works once:
/// the change renews the security stamp that the link is bound to.</summary>
[AllowAnonymous]
public class ConfirmEmailChangeModel(
    UserManager<User> users, SignInManager<User> signIn, AccountEmails emails, AuditLog audit,
    IStringLocalizer<AccountText> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? UserId { get; set; }
    /// <summary>The new address, encrypted (see <see cref="AccountEmails.EmailChangeLink"/>).</summary>
    [BindProperty(SupportsGet = true)] public string? Address { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    public string? Problem { get; private set; }
    public string? Email { get; private set; }

    public void OnGet()
    {
        Email = string.IsNullOrEmpty(Address) ? null : emails.NewAddressIn(Address);
        if (string.IsNullOrEmpty(UserId) || Email is null || string.IsNullOrEmpty(Token)) Problem = text["LinkInvalid"];
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = string.IsNullOrEmpty(UserId) ? null : await users.FindByIdAsync(UserId);
        Email = string.IsNullOrEmpty(Address) ? null : emails.NewAddressIn(Address);
        if (user is null || Email is null || string.IsNullOrEmpty(Token))
        {
            Problem = text["LinkInvalid"];
            return Page();
        }
        var email = InputRules.CleanEmail(Email);
        // The audit entry and the notice to the old address are saved with the change, in the one update that
        // ChangeEmailAsync makes; the sign-in name follows the address in it too.
        emails.EmailChanged(user, user.Email!);
        user.UserName = email;
        audit.Record("account.email-changed", $"user:{user.Id}", actorId: user.Id);
        var result = await users.ChangeEmailAsync(user, email, Token);
        if (!result.Succeeded)
        {
            Problem = text["LinkInvalid"];
            return Page();
        }
        if (signIn.IsSignedIn(User) && users.GetUserId(User) == user.Id) await signIn.RefreshSignInAsync(user);
        TempData["Notice"] = text["EmailChanged"].Value;
        return signIn.IsSignedIn(User) ? RedirectToPage("/Account/Index") : RedirectToPage("/Account/SignIn");
    }
}
