using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Surveys.Data;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Surveys;

/// <summary>The answer form behind a one-time link (<c>/surveys/answer/{token}</c>). Open to anyone holding the
/// link: the token is the right to answer once, and the page never asks or records who answers.</summary>
[AllowAnonymous]
public class AnswerModel(SurveyAnswering answering, IStringLocalizer<SurveyText> s) : PageModel
{
    public TokenStatus Status { get; private set; }
    public Survey? Survey { get; private set; }
    public string Language => Languages.Current;
    /// <summary>What was posted, to show it again beside the errors.</summary>
    public IReadOnlyDictionary<string, string[]> Values { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        (Status, Survey) = await answering.OpenAsync(token, cancellationToken);
        return Shown();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        var form = Request.Form.Where(f => f.Key.StartsWith('q'))
            .ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? "").ToArray());
        var (status, errors) = await answering.SubmitAsync(token, form, cancellationToken);
        if (status == TokenStatus.Valid && errors.Count == 0) return Redirect("/surveys/answer/thanks");
        (Status, Survey) = await answering.OpenAsync(token, cancellationToken);
        if (Status == TokenStatus.Valid && errors.Count == 0) Status = status; // lost a race with another submission
        Values = form;
        foreach (var error in errors)
            ModelState.AddModelError(error.Field, s[error.TextKey, error.Question.Text(Language)]);
        if (errors.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Shown();
    }

    private IActionResult Shown()
    {
        // The page speaks of the link, not the survey, when the link is not good: a guessed link learns nothing.
        Response.StatusCode = Status switch
        {
            TokenStatus.Unknown => StatusCodes.Status404NotFound,
            TokenStatus.Used or TokenStatus.Closed => StatusCodes.Status410Gone,
            _ => Response.StatusCode,
        };
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
