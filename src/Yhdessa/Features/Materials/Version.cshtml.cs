using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Materials;

/// <summary><c>/materials/{slug}/versions/{number}</c>: an earlier published version as it was.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPages.Policy)]
public class VersionModel(MaterialCatalogue catalogue) : PageModel
{
    public Material Material { get; private set; } = null!;
    public MaterialVersion Shown { get; private set; } = null!;
    public string BodyHtml { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, int number, CancellationToken cancellationToken)
    {
        if (await catalogue.FindAsync(slug, cancellationToken) is not { } found || !MaterialCatalogue.MaySee(User, found)) return NotFound();
        if (found.Versions.FirstOrDefault(v => v.Number == number) is not { } version) return NotFound();
        Material = found;
        Shown = version;
        BodyHtml = SafeMarkdown.ToHtml(version.Body);
        return Page();
    }
}
