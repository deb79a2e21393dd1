using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Surveys;

/// <summary>A survey's results for coordinators (<c>/surveys/{id}/results</c>): figures, charts, comments, wished
/// topics, who has not answered (for a reminder), the CSV export and the comparison with the rest of its series.</summary>
[Authorize(Policy = Policies.Coordinator)]
public class ResultsModel(SurveyResults results, SurveyService surveys, ISurveyInvitations invitations, AuditLog audit,
    IStringLocalizer<SurveyText> s) : PageModel
{
    public SurveySummary Summary { get; private set; } = null!;
    /// <summary>A reminder makes sense only while the survey takes answers.</summary>
    public bool CanRemind { get; private set; }
    public Comparison? Comparison { get; private set; }
    public string Language => Languages.Current;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await results.SummaryAsync(id, Language, cancellationToken) is not { } summary) return NotFound();
        Summary = summary;
        CanRemind = surveys.IsTakingAnswers(summary.Survey);
        var series = await results.SeriesAsync(summary.Survey, cancellationToken);
        if (series.Count > 1) Comparison = await results.CompareAsync(series, Language, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(int id, CancellationToken cancellationToken)
    {
        if (await results.SummaryAsync(id, Language, cancellationToken) is not { } summary) return NotFound();
        await audit.RecordNowAsync("survey.results.exported", "survey:" + id, "csv", cancellationToken: cancellationToken);
        var csv = SurveyResults.Csv(summary, Language, key => s[key]);
        return File(csv, "text/csv; charset=utf-8", $"survey-{id}-results.csv");
    }

    public async Task<IActionResult> OnPostRemindAsync(int id, CancellationToken cancellationToken)
    {
        if (await surveys.FindAsync(id, cancellationToken) is not { } survey) return NotFound();
        if (!surveys.IsTakingAnswers(survey))
        {
            TempData["Notice"] = (string)s["ReminderClosed"];
            return Redirect($"/surveys/{id}/results");
        }
        var count = await invitations.RemindAsync(id, cancellationToken);
        await audit.RecordNowAsync("survey.reminded", "survey:" + id, $"{count} reminded", cancellationToken: cancellationToken);
        TempData["Notice"] = (string)s["Reminded", count];
        return Redirect($"/surveys/{id}/results");
    }
}
