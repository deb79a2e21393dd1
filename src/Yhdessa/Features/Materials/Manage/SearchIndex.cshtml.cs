using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Features.Materials.Search;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Materials.Manage;

/// <summary><c>/admin/search-index</c>: for coordinators, whether the material search index agrees with the database,
/// and a button that rebuilds it (audited). The index heals itself (<see cref="MaterialIndexJob"/>); this is for when
/// someone wants to be sure now.</summary>
[Authorize(Policy = Policies.Coordinator)]
public class SearchIndexModel(MaterialIndex index, FinnishMorphology finnish, YhdessaDb db, AuditLog audit,
    IStringLocalizer<MaterialsText> m) : PageModel
{
    public int Indexed { get; private set; }
    public int Published { get; private set; }
    public bool UsesVoikko => finnish.UsesVoikko;
    public IndexCheck? LastCheck => index.LastCheck;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Indexed = await index.CountAsync(cancellationToken);
        Published = await db.Materials.CountAsync(x => x.Status == MaterialStatus.Published, cancellationToken);
    }

    public async Task<IActionResult> OnPostRebuildAsync()
    {
        // Not cancelled with the request: a rebuild left half-way would only be finished by the next check.
        var count = await index.RebuildAsync(CancellationToken.None);
        audit.Record("materials.search-index-rebuilt", "search-index", count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(CancellationToken.None);
        TempData["Notice"] = m["IndexRebuilt", count].Value;
        return Redirect("/admin/search-index");
    }
}
