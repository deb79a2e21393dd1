using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Monitoring.Rules;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Monitoring.Rounds;

/// <summary><c>/monitoring/rounds/new</c>: a coordinator opens a round — its name, period, deadline, and for each
/// unit whether it takes part and how it reports (stays or counts). The units' reporters get an email.</summary>
[Authorize(Policy = MonitoringPolicies.Manage)]
public class NewModel(YhdessaDb db, RoundWorkflow workflow, IStringLocalizer<MonitoringText> text) : PageModel
{
    /// <summary>The choice for a unit: not in the round, or its reporting method.</summary>
    public const string NotIncluded = "";

    public sealed class RoundInput
    {
        public string? Name { get; set; }
        public string? Period { get; set; }
        public string? Deadline { get; set; }
        /// <summary>Unit id → "" (not in the round), "Stays" or "Aggregate".</summary>
        public Dictionary<string, string?> Units { get; set; } = [];
    }

    [BindProperty] public RoundInput Input { get; set; } = new();
    public IReadOnlyList<ReportingUnit> AllUnits { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        // By default every unit takes part the way it reported last time, or with stays.
        var last = await db.RoundUnits.AsNoTracking().GroupBy(u => u.UnitId)
            .Select(g => g.OrderByDescending(u => u.RoundId).First()).ToListAsync(cancellationToken);
        foreach (var unit in AllUnits)
            Input.Units[unit.Id.ToString()] = (last.FirstOrDefault(l => l.UnitId == unit.Id)?.Method ?? ReportingMethod.Stays).ToString();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        ModelState.Clear();
        var errors = new List<RuleError>();
        var name = TextRules.Clean(Input.Name);
        if (name.Length == 0) errors.Add(new RuleError(nameof(RoundInput.Name), RuleCodes.Required));
        else TextRules.Check(nameof(RoundInput.Name), name, MonitoringLimits.Name, errors);
        var period = ReportingPeriod.Parse(Input.Period);
        if (period is null)
            errors.Add(new RuleError(nameof(RoundInput.Period), string.IsNullOrWhiteSpace(Input.Period) ? RuleCodes.Required : RuleCodes.PeriodFormat));
        var deadline = MonitoringDisplay.ParseDate(Input.Deadline);
        if (deadline is null)
            errors.Add(new RuleError(nameof(RoundInput.Deadline), string.IsNullOrWhiteSpace(Input.Deadline) ? RuleCodes.Required : RuleCodes.DateFormat));
        var chosen = new Dictionary<int, ReportingMethod>();
        foreach (var unit in AllUnits)
        {
            var value = Input.Units.GetValueOrDefault(unit.Id.ToString());
            if (string.IsNullOrEmpty(value)) continue;
            if (Codes.TryParse<ReportingMethod>(value, out var method)) chosen[unit.Id] = method;
            else errors.Add(new RuleError($"Units[{unit.Id}]", RuleCodes.UnknownCode));
        }
        ModelState.AddRuleErrors(text, errors);
        if (period is not null && deadline is { } d && d < period.Start)
            ModelState.AddModelError("Input.Deadline", text["DeadlineBeforePeriod"]);
        if (chosen.Count == 0) ModelState.AddModelError("Input.Units", text["ChooseUnits"]);
        if (!ModelState.IsValid) return Page();

        var round = await workflow.OpenAsync(name, period!, deadline!.Value, chosen, cancellationToken);
        TempData["Notice"] = text["RoundOpened"].Value;
        return Redirect($"/monitoring/rounds/{round.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        AllUnits = await db.ReportingUnits.AsNoTracking().OrderBy(u => u.Name).ToListAsync(cancellationToken);
}
