using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Monitoring.Access;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Platform.Places;

namespace Yhdessa.Features.Monitoring.Units;

/// <summary><c>/monitoring/units</c>: the reporting units the reader may see (all for coordinators).</summary>
[Authorize(Policy = MonitoringPolicies.MicroData)]
public class IndexModel(MonitoringAccess access, Municipalities municipalities) : PageModel
{
    public sealed record Row(ReportingUnit Unit, int Services);

    public bool IsCoordinator => access.IsCoordinator;
    public Municipalities Municipalities => municipalities;
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Rows = (await access.Units.OrderBy(u => u.Name)
                .Select(u => new
                {
                    Unit = u,
                    Services = access.Services.Count(s => s.UnitId == u.Id),
                })
                .ToListAsync(cancellationToken))
            .Select(x => new Row(x.Unit, x.Services)).ToList();
    }
}
