using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Monitoring.Access;
using Yhdessa.Features.Monitoring.Dashboards;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Monitoring.Rounds;
using Yhdessa.Features.Monitoring.Rules;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Monitoring.Reporting;

/// <summary>
/// Adding a stay (<c>…/stays/new</c>) and editing or ending one (<c>…/stays/{stayId}</c>) in a unit's report;
/// StayNew.cshtml and StayEdit.cshtml share this model and _StayForm.cshtml. Every rule is
/// <see cref="StayRules"/>' (the import uses the same), plus the resident's other stays in the service for overlaps,
/// and <see cref="SettledReports"/>: no change may alter the figures of the unit's settled report in another round.
/// Nothing changes while the report is locked (submitted, accepted, or the round closed).
/// </summary>
[Authorize(Policy = MonitoringPolicies.MicroData)]
public class StayFormModel(YhdessaDb db, MonitoringAccess access, RoundWorkflow workflow, AuditLog audit, TimeProvider clock, DashboardCache dashboards,
    IStringLocalizer<MonitoringText> text) : PageModel
{
    public sealed class StayInput
    {
        public string? ServiceCode { get; set; }
        public string? ResidentCode { get; set; }
        public string? MoveIn { get; set; }
        public string? SituationBefore { get; set; }
        public string? End { get; set; }
        public string? Destination { get; set; }
    }

    [BindProperty] public StayInput Input { get; set; } = new();
    public ReportContext Report { get; private set; } = null!;
    public Stay? Existing { get; private set; }
    public StayLock Lock { get; private set; } = StayLock.Open;
    /// <summary>The settled report of another round that the stay counts in, when there is one.</summary>
    public SettledReport? HeldBy { get; private set; }

    public string Heading => Existing is null ? text["AddStay"] : text["EditStay", Existing.ResidentCode];

    public async Task<IActionResult> OnGetAsync(int roundId, int unitId, int? stayId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(roundId, unitId, stayId, cancellationToken)) return NotFound();
        if (Existing is { } stay)
        {
            Input = new StayInput
            {
                ServiceCode = Report.Services.FirstOrDefault(s => s.Id == stay.ServiceId)?.Code, ResidentCode = stay.ResidentCode,
                MoveIn = MonitoringDisplay.IsoDate(stay.MoveIn), SituationBefore = stay.SituationBefore.ToString(),
                End = MonitoringDisplay.IsoDate(stay.End), Destination = stay.Destination?.ToString(),
            };
            await access.ViewedAsync("stay", $"monitoring-stay:{stay.Id}", cancellationToken);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int roundId, int unitId, int? stayId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(roundId, unitId, stayId, cancellationToken)) return NotFound();
        ModelState.Clear();
        if (Lock == StayLock.Locked)
        {
            ModelState.AddModelError("", Report.LockMessage(text, HeldBy));
            return Page();
        }

        var errors = new List<RuleError>();
        var draft = Draft(errors);
        var checkedStay = StayRules.Check(draft, Report.ServicesByCode, MonitoringDisplay.Today(clock), errors);
        // A date that could not be read reached the rules as missing: its format is the one thing to say about it.
        var unreadable = errors.Where(e => e.Code == RuleCodes.DateFormat).Select(e => e.Field).ToHashSet();
        errors.RemoveAll(e => e.Code == RuleCodes.Required && unreadable.Contains(e.Field)
            || e.Code == RuleCodes.DestinationWithoutEnd && unreadable.Contains(nameof(StayInput.End)));
        var (before, after) = (Existing is null ? null : StayFacts.Of(Existing), checkedStay is null ? null : StayFacts.Of(checkedStay));
        if (after is not null && errors.Count == 0 && SettledReports.ChangedBy(before, after, Report.Settled) is { } settled)
            errors.Add(SettledReports.Refusal(settled, before, after));
        if (checkedStay is not null && errors.Count == 0)
        {
            var others = await access.Stays.AsNoTracking()
                .Where(s => s.UnitId == unitId && s.ServiceId == checkedStay.Service.Id && s.ResidentCode == checkedStay.ResidentCode && s.Id != (stayId ?? 0))
                .Select(s => new { s.MoveIn, s.End }).ToListAsync(cancellationToken);
            if (StayRules.FindOverlap(checkedStay.MoveIn, checkedStay.End, others.Select(o => (o.MoveIn, o.End))) is { } overlap)
                errors.Add(new RuleError(nameof(StayInput.MoveIn), RuleCodes.Overlap,
                    $"{MonitoringDisplay.Date(overlap.MoveIn)}–{MonitoringDisplay.Date(overlap.End)}"));
        }
        ModelState.AddRuleErrors(text, errors);
        if (!ModelState.IsValid) return Page();

        var s = checkedStay!;
        Stay stay;
        if (Existing is null)
        {
            stay = new Stay(unitId, s.Service.Id, s.ResidentCode, s.MoveIn, s.SituationBefore, s.End, s.Destination, roundId);
            db.Stays.Add(stay);
        }
        else
        {
            stay = await db.Stays.SingleAsync(x => x.Id == Existing.Id, cancellationToken);
            stay.Correct(s.Service.Id, s.ResidentCode, s.MoveIn, s.SituationBefore, s.End, s.Destination);
            stay.RoundId = roundId;
        }
        stay.UpdatedAt = clock.GetUtcNow();
        workflow.Edited(Report.RoundUnit);
        foreach (var held in SettledReports.Continued(before, after!, Report.Settled))
            workflow.StaysContinued(Report.RoundUnit, held, 1);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            dashboards.Changed();
        }
        catch (DbUpdateException)
        {
            // Another save of the same stay got in first (the unique key of unit, service, resident and move-in).
            ModelState.AddModelError("Input.MoveIn", text[RuleCodes.Overlap, MonitoringDisplay.Date(s.MoveIn)]);
            return Page();
        }
        await audit.RecordNowAsync(Existing is null ? "monitoring.stay-added" : "monitoring.stay-changed",
            $"monitoring-stay:{stay.Id}", $"monitoring-unit:{unitId}/round:{roundId}", cancellationToken: cancellationToken);
        TempData["Notice"] = text["StaySaved"].Value;
        return Redirect(Report.Path);
    }

    /// <summary>The stay as the form gives it. A stay held by a settled report has only its end and destination on
    /// the form and keeps the rest as reported; a value sent for the rest anyway is checked like any other change.</summary>
    private StayDraft Draft(List<RuleError> errors)
    {
        var kept = Lock == StayLock.EndOnly ? Existing : null;
        string? Or(string? sent, Func<Stay, string> reported) => kept is not null && string.IsNullOrWhiteSpace(sent) ? reported(kept) : sent;
        return new(
            Or(Input.ServiceCode, stay => Report.Services.First(x => x.Id == stay.ServiceId).Code),
            Or(Input.ResidentCode, stay => stay.ResidentCode),
            kept is not null && string.IsNullOrWhiteSpace(Input.MoveIn) ? kept.MoveIn : Date(nameof(StayInput.MoveIn), Input.MoveIn, errors),
            Or(Input.SituationBefore, stay => stay.SituationBefore.ToString()),
            Date(nameof(StayInput.End), Input.End, errors), Input.Destination);
    }

    private static DateOnly? Date(string field, string? value, List<RuleError> errors)
    {
        var date = MonitoringDisplay.ParseDate(value);
        if (date is null && !string.IsNullOrWhiteSpace(value)) errors.Add(new RuleError(field, RuleCodes.DateFormat));
        return date;
    }

    private async Task<bool> LoadAsync(int roundId, int unitId, int? stayId, CancellationToken cancellationToken)
    {
        var report = await ReportContext.LoadAsync(db, access, roundId, unitId, cancellationToken);
        if (report is null) return false;
        Report = report;
        if (stayId is { } id)
        {
            if (await report.FindStayAsync(db, access, id, cancellationToken) is not { } found) return false;
            (Existing, Lock, HeldBy) = found;
        }
        else Lock = report.Editable ? StayLock.Open : StayLock.Locked;
        return true;
    }
}
