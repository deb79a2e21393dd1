using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Account;

/// <summary>Changes the name shown to others and the language of email.</summary>
public class ProfileModel(UserManager<User> users, IOutputCacheStore cache, IStringLocalizer<AccountText> text) : PageModel
{
    [BindProperty] public ProfileInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Input = new ProfileInput { DisplayName = user.DisplayName, PreferredLanguage = user.PreferredLanguage };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var name = AccountForms.Name(ModelState, "Input.DisplayName", Input.DisplayName, text);
        var language = AccountForms.Language(ModelState, "Input.PreferredLanguage", Input.PreferredLanguage, text);
        if (!ModelState.IsValid) return Page();
        var renamed = user.DisplayName != name;
        user.DisplayName = name!;
        user.PreferredLanguage = language!;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            ModelState.AddErrors("", result);
            return Page();
        }
        // Cached public pages may show the old name: they are built anew.
        if (renamed) await cache.EvictByTagAsync(PublicPages.Tag, cancellationToken);
        TempData["Notice"] = text["ProfileSaved"].Value;
        return RedirectToPage("/Account/Index");
    }
}

public sealed class ProfileInput
{
    public string? DisplayName { get; set; }
    public string? PreferredLanguage { get; set; }
}
