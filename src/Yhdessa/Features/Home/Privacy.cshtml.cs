using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Home;

/// <summary>Marker for the privacy statement's texts (PrivacyText.fi/sv/en.resx).</summary>
public sealed class PrivacyText;

/// <summary><c>/privacy</c>: what the platform keeps of a person, why, for how long, what it never does (no tracking),
/// and how she uses her rights.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPages.Policy)]
public class PrivacyModel(IOptions<PlatformOptions> options) : PageModel
{
    /// <summary>Where questions about personal data go (<c>Yhdessa:ContactEmail</c>), shown when set.</summary>
    public string? ContactEmail => options.Value.ContactEmail;

    public void OnGet() { }
}
