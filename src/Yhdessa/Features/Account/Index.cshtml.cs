using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Account;

/// <summary>The person's own page: what the account holds and where to change it. Signed-out visitors are sent to sign in.</summary>
public class IndexModel(UserManager<User> users) : PageModel
{
    public User Account { get; private set; } = null!;
    public IList<string> Roles { get; private set; } = [];
    public bool TwoFactorEnabled { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Account = user;
        Roles = await users.GetRolesAsync(user);
        TwoFactorEnabled = await users.GetTwoFactorEnabledAsync(user);
        return Page();
    }
}
