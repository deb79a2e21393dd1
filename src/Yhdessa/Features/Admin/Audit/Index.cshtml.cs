using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Web;

namespace Yhdessa.Features.Admin.Audit;

/// <summary>The audit log for coordinators: newest first, narrowed by action or by what it was done to.</summary>
[Authorize(Policy = Policies.Coordinator)]
public class IndexModel(YhdessaDb db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "action")] public string? ActionName { get; set; }
    [BindProperty(SupportsGet = true, Name = "subject")] public string? Subject { get; set; }
    public int PageNumber { get; private set; }

    public sealed record Row(AuditEntry Entry, string? Actor);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ActionName = ActionName?.Trim();
        Subject = Subject?.Trim();
        var query = db.Set<AuditEntry>().AsNoTracking();
        // Prefix match: "role" finds role.granted and role.removed; the index on Action keeps it fast.
        if (!string.IsNullOrEmpty(ActionName)) query = query.Where(e => e.Action.StartsWith(ActionName));
        if (!string.IsNullOrEmpty(Subject)) query = query.Where(e => e.Subject == Subject);
        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(Pager.Requested(Request), 1, PageCount);
        Rows = await query.OrderByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .GroupJoin(db.Users, e => e.ActorId, u => u.Id, (e, users) => new { e, users })
            .SelectMany(x => x.users.DefaultIfEmpty(), (x, u) => new Row(x.e, u == null ? null : u.DisplayName + " <" + u.Email + ">"))
            .ToListAsync(cancellationToken);
    }
}
