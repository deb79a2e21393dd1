using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Monitoring.Access;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Monitoring.Rules;

namespace Yhdessa.Features.Monitoring;

/// <summary><c>/monitoring</c>: for coordinators the rounds, units and dashboards; for reporters their units and
/// their open rounds. Shows only names and statuses, no micro-data, so it opens before two-step sign-in is on
/// and tells the person to turn it on, or to sign in again with it.</summary>
[Authorize(Policy = MonitoringPolicies.Participant)]
public class IndexModel(MonitoringAccess access, TwoStepSignIn twoStep, TimeProvider clock) : PageModel
{
    public sealed record OpenReport(CollectionRound Round, ReportingUnit Unit, RoundUnit Status, bool Late);

    public bool IsCoordinator => access.IsCoordinator;
    public TwoStepState TwoStep { get; private set; }
    public IReadOnlyList<ReportingUnit> Units { get; private set; } = [];
    public IReadOnlyList<OpenReport> Reports { get; private set; } = [];
    public IReadOnlyList<CollectionRound> OpenRounds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        TwoStep = await twoStep.StateAsync(User);
        if (IsCoordinator)
        {
            OpenRounds = await access.Rounds.Where(r => !r.Closed).OrderBy(r => r.Deadline).ToListAsync(cancellationToken);
            return;
        }
        Units = await access.Units.OrderBy(u => u.Name).ToListAsync(cancellationToken);
        Reports = (await (from s in access.RoundUnits
                          join r in access.Rounds on s.RoundId equals r.Id
                          join u in access.Units on s.UnitId equals u.Id
                          where !r.Closed
                          select new { r, u, s }).ToListAsync(cancellationToken))
            .Select(x => new OpenReport(x.r, x.u, x.s, RoundFlow.IsLate(x.r, x.s.Status, MonitoringDisplay.Today(clock)))).OrderBy(x => x.Round.Deadline).ThenBy(x => x.Unit.Name).ToList();
    }
}
