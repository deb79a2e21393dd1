using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Account;

/// <summary>Signing out is a POST (the button in the header), so that no link or image can sign anyone out.</summary>
[AllowAnonymous]
public class SignOutModel(SignInManager<User> signIn, IStringLocalizer<AccountText> text) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        TempData["Notice"] = text["SignedOut"].Value;
        return Redirect("/");
    }
}
