using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Home;

[AllowAnonymous]
[OutputCache(PolicyName = PublicPages.Policy)]
public class AccessibilityModel(IOptions<PlatformOptions> options) : PageModel
{
    /// <summary>Where feedback can also be sent by email (<c>Yhdessa:ContactEmail</c>), shown when set.</summary>
    public string? ContactEmail => options.Value.ContactEmail;

    public void OnGet() { }
}
