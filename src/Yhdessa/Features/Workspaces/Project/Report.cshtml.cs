using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Surveys;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Workspaces.Project;

/// <summary><c>/workspaces/{slug}/reports/{round}/{subproject}</c>: a sub-project's report of one round — its form for the
/// sub-project's people until it is sent, then what was answered, by whom, for everyone in the project.</summary>
[Authorize(Policy = Policies.SignedIn)]
public class ReportModel(WorkspaceAccess access, Reports reports, IStringLocalizer<WorkspacesText> w, IStringLocalizer<SurveyText> s) : WorkspacePage(access)
{
    public ReportForm Form { get; private set; } = null!;
    public IReadOnlyDictionary<string, string[]> Values { get; private set; } = new Dictionary<string, string[]>();
    public string Language => Languages.Current;
    public bool MayAnswer => Form.Report.ResponseId is null && SubProjects.CanWorkOn(Viewer, Form.SubProject);

    public async Task<IActionResult> OnGetAsync(int round, int subproject, CancellationToken cancellationToken) =>
        await LoadAsync(round, subproject, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int round, int subproject, CancellationToken cancellationToken)
    {
        if (await LoadAsync(round, subproject, cancellationToken) is { } refused) return refused;
        if (!SubProjects.CanWorkOn(Viewer, Form.SubProject)) return Forbid();
        Values = Request.Form.Where(f => f.Key.StartsWith('q')).ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? "").ToArray());
        var (outcome, errors) = await reports.SubmitAsync(Viewer, Form, Values, cancellationToken);
        switch (outcome)
        {
            case ReportOutcome.Done:
                TempData["Notice"] = w["ReportThanks", Form.SubProject.Name].Value;
                return Redirect($"/workspaces/{Workspace.Slug}/reports/{round}/{subproject}");
            case ReportOutcome.AlreadyAnswered:
                ModelState.AddModelError("", w["Report_AlreadyAnswered"]);
                await LoadAsync(round, subproject, cancellationToken);
                return Refused();
            default:
                foreach (var error in errors) ModelState.AddModelError(error.Field, s[error.TextKey, error.Question.Text(Language)]);
                return Refused();
        }
    }

    private async Task<IActionResult?> LoadAsync(int round, int subproject, CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is { } closed) return closed;
        if (await reports.FormAsync(Workspace.Id, round, subproject, cancellationToken) is not { } form) return NotFound();
        Form = form;
        return null;
    }

    /// <summary>An answer as the reader reads it.</summary>
    public string Answer(Surveys.Data.SurveyQuestion question)
    {
        var answer = Form.Answers.FirstOrDefault(a => a.QuestionId == question.Id);
        if (answer is null) return "–";
        if (answer.Number is { } n) return Money.Number(n, Language);
        if (answer.Choices is not null)
        {
            var options = question.Options(Language);
            return string.Join(", ", answer.ChosenOptions().Where(i => i < options.Count).Select(i => options[i]));
        }
        return answer.Rating?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? answer.Text ?? "–";
    }
}
