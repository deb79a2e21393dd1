using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Materials.Manage;

/// <summary><c>/materials/drafts</c>: for a coordinator, the proposals waiting for review (oldest first, with who sent
/// them) and every draft; for a member, her own materials.</summary>
[Authorize(Policy = Policies.SignedIn)]
public class DraftsModel(YhdessaDb db) : PageModel
{
    /// <param name="ProposedBy">The display name of the account that created it; null when the account is gone.</param>
    public sealed record Row(Material Material, string? ProposedBy);

    public List<Row> Materials { get; private set; } = [];
    public bool IsCoordinator { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        IsCoordinator = MaterialCatalogue.IsCoordinator(User);
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var query = IsCoordinator
            ? db.Materials.Where(m => m.Status != MaterialStatus.Published)
            : db.Materials.Where(m => m.CreatedById == userId);
        var rows = await (from m in query.AsNoTracking()
                          join u in db.Users on m.CreatedById equals u.Id into creators
                          from u in creators.DefaultIfEmpty()
                          orderby m.UpdatedAt descending
                          select new { Material = m, ProposedBy = u == null ? null : u.DisplayName })
            .Take(200).ToListAsync(cancellationToken);
        // Proposals first, the one waiting longest at the top: that is the coordinators' queue.
        Materials = rows.Select(r => new Row(r.Material, r.ProposedBy))
            .OrderBy(r => r.Material.Status == MaterialStatus.Proposed ? 0 : 1)
            .ThenBy(r => r.Material.Status == MaterialStatus.Proposed ? r.Material.ProposedAt ?? r.Material.UpdatedAt : DateTimeOffset.MinValue)
            .ToList();
    }
}
