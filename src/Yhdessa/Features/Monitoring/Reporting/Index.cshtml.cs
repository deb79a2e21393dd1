using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Monitoring.Access;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Monitoring.Rounds;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Monitoring.Reporting;

/// <summary>
/// <c>/monitoring/report/{roundId}/{unitId}</c>: one unit's report in a round — its status and history, the stays
/// of the round's period (or the counts), and the submit button. Each view is audited: the page shows
/// pseudonymous micro-data.
/// </summary>
[Authorize(Policy = MonitoringPolicies.MicroData)]
public class IndexModel(YhdessaDb db, MonitoringAccess access, RoundWorkflow workflow, IStringLocalizer<MonitoringText> text) : PageModel
{
    /// <summary>More than this many stays in one unit's period is far beyond a small unit's form; the import serves those.</summary>
    public const int MaxShown = 1000;

    public ReportContext Report { get; private set; } = null!;
    public IReadOnlyList<Stay> Stays { get; private set; } = [];
    public int StayCount { get; private set; }
    public IReadOnlyList<RoundUnitEvent> History { get; private set; } = [];
    public int AggregateCount { get; private set; }
    public bool CanSubmit => Report.Editable;

    /// <summary>A post without a handler is no action of this page; without this Razor Pages would render the page
    /// for it without loading anything.</summary>
    public IActionResult OnPost() => NotFound();

    public async Task<IActionResult> OnGetAsync(int roundId, int unitId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(roundId, unitId, cancellationToken)) return NotFound();
        await access.ViewedAsync("report", $"monitoring-unit:{unitId}/round:{roundId}", cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(int roundId, int unitId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(roundId, unitId, cancellationToken)) return NotFound();
        if (!Report.Editable || !workflow.Submit(Report.Round, Report.RoundUnit))
        {
            ModelState.AddModelError("", text[Report.Round.Closed ? "RoundIsClosed" : "ReportLocked"]);
            return Page();
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = text["ReportSubmitted"].Value;
        return RedirectToPage(new { roundId, unitId });
    }

    private async Task<bool> LoadAsync(int roundId, int unitId, CancellationToken cancellationToken)
    {
        var report = await ReportContext.LoadAsync(db, access, roundId, unitId, cancellationToken);
        if (report is null) return false;
        Report = report;
        var (start, end) = (report.Round.Start, report.Round.End);
        var inPeriod = access.Stays.Where(s => s.UnitId == unitId && s.MoveIn <= end && (s.End == null || s.End >= start));
        StayCount = await inPeriod.CountAsync(cancellationToken);
        Stays = await inPeriod.AsNoTracking().OrderBy(s => s.ServiceId).ThenBy(s => s.ResidentCode).ThenBy(s => s.MoveIn)
            .Take(MaxShown).ToListAsync(cancellationToken);
        AggregateCount = await access.AggregateValues.CountAsync(v => v.RoundId == roundId && v.UnitId == unitId, cancellationToken);
        History = await access.RoundUnitEvents.AsNoTracking().Where(e => e.RoundId == roundId && e.UnitId == unitId)
            .OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return true;
    }

    public string ServiceCode(int serviceId) => Report.Services.FirstOrDefault(s => s.Id == serviceId)?.Code ?? "";
}
