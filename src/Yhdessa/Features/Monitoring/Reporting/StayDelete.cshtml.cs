using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Monitoring.Access;
using Yhdessa.Features.Monitoring.Dashboards;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Monitoring.Rounds;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Monitoring.Reporting;

/// <summary>
/// <c>…/stays/{stayId}/delete</c>: deleting a stay reported by mistake, after a confirmation. Only a stay the report
/// may still change in full (<see cref="StayLock.Open"/>) goes: a stay that counts in a settled report of any round
/// (submitted, accepted or closed — <see cref="Rules.SettledReports"/>) is in its figures, and a locked report is
/// with the coordinator, so neither changes here — the same rule for reporters and coordinators, whose way to a
/// settled report is returning or reopening it, both recorded in its history.
/// </summary>
[Authorize(Policy = MonitoringPolicies.MicroData)]
public class StayDeleteModel(YhdessaDb db, MonitoringAccess access, RoundWorkflow workflow, AuditLog audit, DashboardCache dashboards,
    IStringLocalizer<MonitoringText> text) : PageModel
{
    public ReportContext Report { get; private set; } = null!;
    public Stay Stay { get; private set; } = null!;
    public StayLock Lock { get; private set; }
    public Rules.SettledReport? HeldBy { get; private set; }

    /// <summary>Why the stay cannot be deleted, or null when it can.</summary>
    public string? Refusal => Lock == StayLock.Open ? null : Report.LockMessage(text, HeldBy);

    public string ServiceCode => Report.Services.FirstOrDefault(s => s.Id == Stay.ServiceId)?.Code ?? "";

    public async Task<IActionResult> OnGetAsync(int roundId, int unitId, int stayId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(roundId, unitId, stayId, cancellationToken)) return NotFound();
        await access.ViewedAsync("stay", $"monitoring-stay:{stayId}", cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int roundId, int unitId, int stayId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(roundId, unitId, stayId, cancellationToken)) return NotFound();
        if (Refusal is { } refusal)
        {
            ModelState.AddModelError("", refusal);
            return Page();
        }
        db.Stays.Remove(await db.Stays.SingleAsync(s => s.Id == stayId, cancellationToken));
        workflow.Edited(Report.RoundUnit);
        // The stay's id and the report, never the resident code: the audit log outlives the stay and is read more widely.
        audit.Record("monitoring.stay-deleted", $"monitoring-stay:{stayId}", $"monitoring-unit:{unitId}/round:{roundId}");
        await db.SaveChangesAsync(cancellationToken);
        dashboards.Changed();
        TempData["Notice"] = text["StayDeleted"].Value;
        return Redirect(Report.Path);
    }

    private async Task<bool> LoadAsync(int roundId, int unitId, int stayId, CancellationToken cancellationToken)
    {
        if (await ReportContext.LoadAsync(db, access, roundId, unitId, cancellationToken) is not { } report) return false;
        Report = report;
        if (await report.FindStayAsync(db, access, stayId, cancellationToken) is not { } found) return false;
        (Stay, Lock, HeldBy) = found;
        return true;
    }
}
