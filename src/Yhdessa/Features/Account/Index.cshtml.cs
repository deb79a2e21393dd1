using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.My;
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

/// <summary>On a person's own page, last: the way to the account's details and settings.</summary>
internal sealed class MyAccountPart(IStringLocalizer<AccountText> a) : IMyPagePart
{
    public int Order => 100;

    public Task<MyPagePart?> LoadAsync(ClaimsPrincipal person, CancellationToken cancellationToken) =>
        Task.FromResult<MyPagePart?>(new MyPagePart(a["AccountTitle"], [], a["MyAccountLead"], [new MyLink(a["MyAccountLink"], "/account")]));
}
