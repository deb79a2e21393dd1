using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Monitoring.Access;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Monitoring.Rules;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Places;

namespace Yhdessa.Features.Monitoring.Reporting;

/// <summary>
/// <c>/monitoring/survey/{unitId}/{year}</c>: the annual survey of a municipality unit's municipality — housing
/// added to the programme in the year by type, the work forms in use, comments. A new year's form starts from
/// last year's answers; a large change from last year (over 50 % or over 20 units) asks for an explanation.
/// </summary>
[Authorize(Policy = MonitoringPolicies.MicroData)]
public class SurveyModel(YhdessaDb db, MonitoringAccess access, Municipalities municipalities, AuditLog audit, TimeProvider clock,
    IStringLocalizer<MonitoringText> text) : PageModel
{
    public sealed class SurveyInput
    {
        public Dictionary<string, string?> Added { get; set; } = [];
        public List<string> WorkForms { get; set; } = [];
        public string? Comments { get; set; }
        public string? ChangeExplanation { get; set; }
    }

    [BindProperty] public SurveyInput Input { get; set; } = new();
    public ReportingUnit Unit { get; private set; } = null!;
    public int Year { get; private set; }
    public string MunicipalityName { get; private set; } = "";
    public AnnualSurvey? Previous { get; private set; }
    public bool Prefilled { get; private set; }
    public bool AskExplanation { get; private set; }

    public async Task<IActionResult> OnGetAsync(int unitId, int year, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(unitId, year, cancellationToken)) return NotFound();
        var current = await CurrentAsync(cancellationToken);
        var source = current ?? Previous;
        Prefilled = current is null && Previous is not null;
        if (source is not null)
        {
            Input = new SurveyInput
            {
                Added = Enum.GetValues<ServiceType>().ToDictionary(t => t.ToString(), t => (string?)source.Added(t).ToString()),
                WorkForms = [.. source.WorkForms],
                Comments = current?.Comments,
                ChangeExplanation = current?.ChangeExplanation,
            };
            AskExplanation = current is not null && current.ChangeExplanation.Length > 0;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int unitId, int year, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(unitId, year, cancellationToken)) return NotFound();
        ModelState.Clear();
        var errors = new List<RuleError>();
        var answer = new AnnualSurvey { MunicipalityCode = Unit.MunicipalityCode, UnitId = Unit.Id, Year = year };
        foreach (var type in Enum.GetValues<ServiceType>())
        {
            var count = AggregateRules.ReadCount($"Added[{type}]", Input.Added.GetValueOrDefault(type.ToString()), errors) ?? 0;
            switch (type)
            {
                case ServiceType.ScatteredWithSupport: answer.AddedScatteredWithSupport = count; break;
                case ServiceType.HousingFirstCongregate: answer.AddedHousingFirstCongregate = count; break;
                case ServiceType.SupportedHousing: answer.AddedSupportedHousing = count; break;
                case ServiceType.IntensiveServiceHousing: answer.AddedIntensiveServiceHousing = count; break;
                default: answer.AddedOther = count; break;
            }
        }
        if (Input.WorkForms.Any(w => !WorkForms.All.Contains(w))) errors.Add(new RuleError("WorkForms", RuleCodes.UnknownCode));
        answer.WorkForms = WorkForms.All.Where(Input.WorkForms.Contains).ToList();
        answer.Comments = TextRules.Clean(Input.Comments);
        TextRules.Check(nameof(SurveyInput.Comments), answer.Comments, MonitoringLimits.Comment, errors);
        answer.ChangeExplanation = TextRules.Clean(Input.ChangeExplanation);
        TextRules.Check(nameof(SurveyInput.ChangeExplanation), answer.ChangeExplanation, MonitoringLimits.Comment, errors);
        if (errors.Count == 0 && SurveyRules.IsLargeChange(Previous, answer) && answer.ChangeExplanation.Length == 0)
        {
            errors.Add(new RuleError(nameof(SurveyInput.ChangeExplanation), RuleCodes.ExplanationRequired));
            AskExplanation = true;
        }
        ModelState.AddRuleErrors(text, errors);
        if (!ModelState.IsValid)
        {
            AskExplanation |= Input.ChangeExplanation is { Length: > 0 };
            return Page();
        }

        var current = await db.AnnualSurveys.SingleOrDefaultAsync(s => s.MunicipalityCode == Unit.MunicipalityCode && s.Year == year, cancellationToken);
        if (current is null) db.AnnualSurveys.Add(current = answer);
        else
        {
            current.UnitId = Unit.Id;
            current.AddedScatteredWithSupport = answer.AddedScatteredWithSupport;
            current.AddedHousingFirstCongregate = answer.AddedHousingFirstCongregate;
            current.AddedSupportedHousing = answer.AddedSupportedHousing;
            current.AddedIntensiveServiceHousing = answer.AddedIntensiveServiceHousing;
            current.AddedOther = answer.AddedOther;
            current.WorkForms = answer.WorkForms;
            current.Comments = answer.Comments;
            current.ChangeExplanation = answer.ChangeExplanation;
        }
        current.UpdatedAt = clock.GetUtcNow();
        audit.Record("monitoring.survey-saved", $"monitoring-survey:{Unit.MunicipalityCode}/{year}", $"monitoring-unit:{Unit.Id}");
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = text["SurveySaved"].Value;
        return RedirectToPage(new { unitId, year });
    }

    private Task<AnnualSurvey?> CurrentAsync(CancellationToken cancellationToken) =>
        access.AnnualSurveys.AsNoTracking().SingleOrDefaultAsync(s => s.MunicipalityCode == Unit.MunicipalityCode && s.Year == Year, cancellationToken);

    private async Task<bool> LoadAsync(int unitId, int year, CancellationToken cancellationToken)
    {
        // A year that has not begun has nothing to report; the programme's series begins in 2008.
        if (year < 2008 || year > MonitoringDisplay.Today(clock).Year) return false;
        var unit = await access.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId && u.Kind == UnitKind.Municipality, cancellationToken);
        if (unit is null) return false;
        Unit = unit;
        Year = year;
        MunicipalityName = municipalities.NameOf(unit.MunicipalityCode, Platform.Localization.Languages.Current);
        Previous = await access.AnnualSurveys.AsNoTracking()
            .SingleOrDefaultAsync(s => s.MunicipalityCode == unit.MunicipalityCode && s.Year == year - 1, cancellationToken);
        return true;
    }
}
