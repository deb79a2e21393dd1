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
/// <c>/monitoring/report/{roundId}/{unitId}/counts</c>: the counts of a unit that reports aggregates — for each
/// service type the unit has, moves in by situation before, stays ended by destination, and the stays ongoing at
/// the period's start and end. Saving replaces the unit's values for the round; an empty field is "not reported".
/// </summary>
[Authorize(Policy = MonitoringPolicies.MicroData)]
public class CountsModel(YhdessaDb db, MonitoringAccess access, RoundWorkflow workflow, AuditLog audit, DashboardCache dashboards,
    IStringLocalizer<MonitoringText> text) : PageModel
{
    [BindProperty] public Dictionary<string, string?> Counts { get; set; } = [];
    public ReportContext Report { get; private set; } = null!;
    public IReadOnlyList<ServiceType> Types { get; private set; } = [];

    public static IEnumerable<Measure> Measures => Enum.GetValues<Measure>();

    public async Task<IActionResult> OnGetAsync(int roundId, int unitId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(roundId, unitId, cancellationToken)) return NotFound();
        var values = await access.AggregateValues.AsNoTracking().Where(v => v.RoundId == roundId && v.UnitId == unitId)
            .ToListAsync(cancellationToken);
        Counts = values.ToDictionary(v => AggregateRules.Key(v.ServiceType, v.Measure, v.Category), v => (string?)v.Count.ToString());
        await access.ViewedAsync("counts", $"monitoring-unit:{unitId}/round:{roundId}", cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int roundId, int unitId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(roundId, unitId, cancellationToken)) return NotFound();
        ModelState.Clear();
        if (!Report.Editable)
        {
            ModelState.AddModelError("", text[Report.Round.Closed ? "RoundIsClosed" : "ReportLocked"]);
            return Page();
        }
        var errors = new List<RuleError>();
        var values = new List<AggregateValue>();
        foreach (var type in Types)
        {
            int? Total(Measure measure) => values.Where(v => v.ServiceType == type && v.Measure == measure) is var cells && cells.Any()
                ? cells.Sum(v => v.Count) : null;
            foreach (var measure in Measures)
                foreach (var category in Codes.CategoriesOf(measure))
                {
                    var key = AggregateRules.Key(type, measure, category);
                    if (AggregateRules.ReadCount($"[{key}]", Counts.GetValueOrDefault(key), errors) is { } count)
                        values.Add(new AggregateValue { RoundId = roundId, UnitId = unitId, ServiceType = type, Measure = measure, Category = category, Count = count });
                }
            if (AggregateRules.BalanceMismatch(Total(Measure.OngoingAtStart), Total(Measure.MovesIn), Total(Measure.StaysEnded),
                    Total(Measure.OngoingAtEnd)) is { } expected)
                errors.Add(new RuleError($"[{AggregateRules.Key(type, Measure.OngoingAtEnd, "")}]", AggregateRules.BalanceCode, expected));
        }
        ModelState.AddRuleErrors(text, errors, prefix: "Counts");
        if (!ModelState.IsValid) return Page();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.AggregateValues.Where(v => v.RoundId == roundId && v.UnitId == unitId).ExecuteDeleteAsync(cancellationToken);
        db.AggregateValues.AddRange(values);
        workflow.Edited(Report.RoundUnit);
        audit.Record("monitoring.counts-saved", $"monitoring-unit:{unitId}/round:{roundId}", $"{values.Count} values");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        dashboards.Changed();
        TempData["Notice"] = text["CountsSaved"].Value;
        return Redirect(Report.Path);
    }

    private async Task<bool> LoadAsync(int roundId, int unitId, CancellationToken cancellationToken)
    {
        var report = await ReportContext.LoadAsync(db, access, roundId, unitId, cancellationToken);
        if (report is null) return false;
        Report = report;
        // The types of the unit's services; a unit without services yet reports under "other".
        Types = report.Services.Select(s => s.Type).Distinct().Order().ToList() is { Count: > 0 } types ? types : [ServiceType.Other];
        return true;
    }
}
