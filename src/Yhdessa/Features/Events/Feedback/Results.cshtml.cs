using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Surveys;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Events.Feedback;

/// <summary><c>/events/{key}/feedback</c>: an event's feedback results for coordinators and the small expert team, from
/// the survey engine: response count and rate, who has not answered, distributions as charts and tables, comments,
/// wished topics, and the comparison with the other events of the series (or of the same type) over time.</summary>
[Authorize(Policy = FeedbackAccess.Policy)]
public class ResultsModel(EventCatalogue catalogue, EventFeedback feedback, SurveyResults results, AuditLog audit,
    IStringLocalizer<SurveyText> s) : PageModel
{
    public Event Event { get; private set; } = null!;
    public SurveySummary? Summary { get; private set; }
    public Comparison? Comparison { get; private set; }
    public bool IsCoordinator => User.IsInRole(Roles.Coordinator);
    public string Language => Languages.Current;

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        if (await catalogue.FindAsync(Viewer.From(User), key, cancellationToken) is not { } ev) return NotFound();
        Event = ev;
        if (await feedback.FindSurveyAsync(ev.Id, cancellationToken) is not { } survey) return Page();
        Summary = await results.SummaryAsync(survey.Id, Language, cancellationToken);
        var series = await results.SeriesAsync(survey, cancellationToken);
        if (series.Count > 1) Comparison = await results.CompareAsync(series, Language, cancellationToken);
        return Page();
    }

    /// <summary>The summary as CSV, audited with who exported it.</summary>
    public async Task<IActionResult> OnGetExportAsync(string key, CancellationToken cancellationToken)
    {
        if (await catalogue.FindAsync(Viewer.From(User), key, cancellationToken) is not { } ev) return NotFound();
        if (await feedback.FindSurveyAsync(ev.Id, cancellationToken) is not { } survey) return NotFound();
        var summary = (await results.SummaryAsync(survey.Id, Language, cancellationToken))!;
        await audit.RecordNowAsync("events.feedback.exported", "event:" + ev.Slug, "csv", cancellationToken: cancellationToken);
        return File(SurveyResults.Csv(summary, Language, k => s[k]), "text/csv; charset=utf-8", $"{ev.Slug}-feedback.csv");
    }
}
