using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Account;

/// <summary>
/// The link in the sign-up email. Opening it shows a button; only pressing it confirms, because mail scanners
/// open links on their own and would otherwise use up the single-use link before the person does.
/// </summary>
[AllowAnonymous]
public class ConfirmEmailModel(UserManager<User> users, IStringLocalizer<AccountText> text, ILogger<ConfirmEmailModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    public string? Problem { get; private set; }

    public void OnGet()
    {
        if (string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Token)) Problem = text["LinkInvalid"];
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = string.IsNullOrEmpty(UserId) ? null : await users.FindByIdAsync(UserId);
        if (user is null || string.IsNullOrEmpty(Token))
        {
            Problem = text["LinkInvalid"];
            return Page();
        }
        if (user.EmailConfirmed)
        {
            // A confirmation link works once: the second time it says so instead of confirming again.
            Problem = text["LinkAlreadyUsed"];
            return Page();
        }
        var result = await users.ConfirmEmailAsync(user, Token);
        if (!result.Succeeded)
        {
            Problem = text["LinkInvalid"];
            return Page();
        }
        if (!await users.IsInRoleAsync(user, Roles.Member)) await users.AddToRoleAsync(user, Roles.Member);
        logger.LogInformation("Account {UserId} confirmed its address", user.Id);
        TempData["Notice"] = text["EmailConfirmed"].Value;
        return RedirectToPage("/Account/SignIn");
    }
}
