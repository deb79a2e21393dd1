using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Materials.Manage;

/// <summary><c>/materials/drafts</c>: for a coordinator, the proposals waiting for review and every draft;
/// for a member, her own materials.</summary>
[Authorize(Policy = Policies.SignedIn)]
public class DraftsModel(YhdessaDb db) : PageModel
{
    public List<Material> Materials { get; private set; } = [];
    public bool IsCoordinator { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        IsCoordinator = MaterialCatalogue.IsCoordinator(User);
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var query = IsCoordinator
            ? db.Materials.Where(m => m.Status != MaterialStatus.Published)
            : db.Materials.Where(m => m.CreatedById == userId);
        Materials = (await query.AsNoTracking().OrderByDescending(m => m.UpdatedAt).Take(200).ToListAsync(cancellationToken))
            .OrderBy(m => m.Status == MaterialStatus.Proposed ? 0 : 1).ToList();
    }
}
