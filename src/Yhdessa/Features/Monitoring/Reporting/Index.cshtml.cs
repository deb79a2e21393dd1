using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Monitoring.Access;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Monitoring.Rounds;
using Yhdessa.Features.Monitoring.Rules;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Web;

namespace Yhdessa.Features.Monitoring.Reporting;

/// <summary>
/// <c>/monitoring/report/{roundId}/{unitId}</c>: one unit's report in a round — its status and history, the stays
/// of the round's period (or the counts), and the submit button. The stays come a page at a time, filtered by
/// ongoing or ended, service and a part of the resident code, so that a unit with tens of thousands of stays finds
/// any one. Each view is audited: the page shows pseudonymous micro-data.
/// </summary>
[Authorize(Policy = MonitoringPolicies.MicroData)]
public class IndexModel(YhdessaDb db, MonitoringAccess access, RoundWorkflow workflow, IStringLocalizer<MonitoringText> text,
    TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Ongoing or ended stays ("" for all). Filters are in the query string, so a page of results can be
    /// linked to and the pager keeps them.</summary>
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    /// <summary>A service code of the unit, or empty for all services.</summary>
    [BindProperty(SupportsGet = true)] public string? Service { get; set; }
    /// <summary>A part of the resident code, matched without regard to case.</summary>
    [BindProperty(SupportsGet = true)] public string? Resident { get; set; }

    public ReportContext Report { get; private set; } = null!;
    public IReadOnlyList<Stay> Stays { get; private set; } = [];
    /// <summary>All stays of the unit in the round's period, filtered or not.</summary>
    public int StayCount { get; private set; }
    /// <summary>The stays that pass the filters.</summary>
    public int MatchCount { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    public bool Filtered { get; private set; }
    /// <summary>The report's status changes, and the notes that stays counted in it and in another round's settled
    /// report were ended after that report's period (written by the later round, shown in both).</summary>
    public IReadOnlyList<RoundUnitEvent> History { get; private set; } = [];
    private Dictionary<int, string> roundNames = [];
    public int AggregateCount { get; private set; }
    public bool CanSubmit => Report.Editable;
    public bool Late => RoundFlow.IsLate(Report.Round, Report.RoundUnit.Status, MonitoringDisplay.Today(clock));

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
        var matching = Filter(inPeriod);
        MatchCount = Filtered ? await matching.CountAsync(cancellationToken) : StayCount;
        PageCount = Math.Max(1, (MatchCount + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(Pager.Requested(Request), 1, PageCount);
        Stays = await matching.AsNoTracking().OrderBy(s => s.ServiceId).ThenBy(s => s.ResidentCode).ThenBy(s => s.MoveIn).ThenBy(s => s.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        AggregateCount = await access.AggregateValues.CountAsync(v => v.RoundId == roundId && v.UnitId == unitId, cancellationToken);
        History = await access.RoundUnitEvents.AsNoTracking().Where(e => e.UnitId == unitId && (e.RoundId == roundId || e.SettledRoundId == roundId))
            .OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var otherRounds = History.Select(e => e.RoundId == roundId ? e.SettledRoundId : e.RoundId).OfType<int>().Distinct().ToList();
        roundNames = await db.CollectionRounds.AsNoTracking().Where(r => otherRounds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        return true;
    }

    /// <summary>Applies the filters that are valid; one that is not gets a message on its field and is left out,
    /// so the list never silently shows something else than asked. "Ongoing" is ongoing at the period's end.</summary>
    private IQueryable<Stay> Filter(IQueryable<Stay> stays)
    {
        var periodEnd = Report.Round.End;
        switch ((Show ?? "").Trim().ToLowerInvariant())
        {
            case "": break;
            case "ongoing": stays = stays.Where(s => s.End == null || s.End > periodEnd); Filtered = true; break;
            case "ended": stays = stays.Where(s => s.End != null && s.End <= periodEnd); Filtered = true; break;
            default: ModelState.AddModelError(nameof(Show), text[RuleCodes.UnknownCode]); break;
        }

        var code = (Service ?? "").Trim();
        if (code.Length > 0)
        {
            if (Report.ServicesByCode.GetValueOrDefault(code) is { } service)
            {
                stays = stays.Where(s => s.ServiceId == service.Id);
                Filtered = true;
            }
            else ModelState.AddModelError(nameof(Service), text[RuleCodes.UnknownService]);
        }

        var resident = (Resident ?? "").Trim();
        if (resident.Length > MonitoringLimits.ResidentCode)
            ModelState.AddModelError(nameof(Resident), text[RuleCodes.TooLong, MonitoringLimits.ResidentCode]);
        // No stored code is an identifier (the guard refuses them on entry), so a search for one could only find
        // nothing; the reporter is told why, as in every other field, rather than shown an empty list.
        else if (IdentifierGuard.FindInCode(resident) is { } kind)
            ModelState.AddModelError(nameof(Resident), text[RuleCodes.Of(kind)]);
        else if (resident.Length > 0)
        {
            // Resident codes are ASCII letters, digits, '-' and '_' (TextRules), so upper-casing in SQL matches alike on both engines.
            var upper = resident.ToUpperInvariant();
            stays = stays.Where(s => s.ResidentCode.ToUpper().Contains(upper));
            Filtered = true;
        }
        return stays;
    }

    /// <summary>A history row as the reader sees it: the status moved to (with the comment), or the note about stays
    /// continued from a settled report — in the later round's words or in the settled report's.</summary>
    public string Describe(RoundUnitEvent e)
    {
        if (e.SettledRoundId is not { } settledRound)
            return text.Name(e.Status) + (e.Comment is null ? "" : " — " + e.Comment);
        return e.RoundId == Report.Round.Id
            ? text["HistoryStaysContinuedFrom", roundNames.GetValueOrDefault(settledRound, ""), e.StayCount ?? 0]
            : text["HistoryStaysContinuedIn", roundNames.GetValueOrDefault(e.RoundId, ""), e.StayCount ?? 0];
    }

    public string ServiceCode(int serviceId) => Report.Services.FirstOrDefault(s => s.Id == serviceId)?.Code ?? "";
}
