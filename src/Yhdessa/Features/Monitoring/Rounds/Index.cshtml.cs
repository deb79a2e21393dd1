using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Monitoring.Rounds;

/// <summary><c>/monitoring/rounds</c>: every collection round with its reporting rate.</summary>
[Authorize(Policy = MonitoringPolicies.Manage)]
public class IndexModel(YhdessaDb db) : PageModel
{
    public sealed record Row(CollectionRound Round, int Units, int Reported);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rounds = await db.CollectionRounds.AsNoTracking().OrderByDescending(r => r.Start).ThenByDescending(r => r.Id)
            .ToListAsync(cancellationToken);
        var counts = await db.RoundUnits.GroupBy(u => u.RoundId)
            .Select(g => new
            {
                RoundId = g.Key,
                Units = g.Count(),
                Reported = g.Count(u => u.Status == RoundStatus.Submitted || u.Status == RoundStatus.Resubmitted || u.Status == RoundStatus.Accepted),
            })
            .ToDictionaryAsync(x => x.RoundId, cancellationToken);
        Rows = rounds.Select(r => counts.TryGetValue(r.Id, out var c) ? new Row(r, c.Units, c.Reported) : new Row(r, 0, 0)).ToList();
    }
}
