using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.My;
using Yhdessa.Features.Surveys.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Surveys;

/// <summary><c>/surveys/{id}/mine</c>: a signed-in person opens a survey she was invited to from her own page, without
/// looking for the email. Sending the form makes a fresh answer link; the page itself only leads back to her page.</summary>
[Authorize(Policy = Policies.SignedIn)]
public class MineModel(ISurveyInvitations invitations, UserManager<User> users) : PageModel
{
    public IActionResult OnGet() => Redirect("/my");

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var email = (await users.GetUserAsync(User))?.Email;
        var path = email is null ? null : await invitations.OpenOwnAsync(id, email, cancellationToken);
        return path is null ? Redirect("/my") : Redirect(path);
    }
}

/// <summary>On a person's own page: the surveys she was invited to that still take her answer (e.g. event feedback).</summary>
internal sealed class MySurveysPart(YhdessaDb db, SurveyService surveys, UserManager<User> users, IStringLocalizer<SurveyText> s)
    : IMyPagePart
{
    public int Order => 5;

    /// <summary>A survey waiting for her answer is something to do: the front page shows it too.</summary>
    public bool OnFrontPage => true;

    public async Task<MyPagePart?> LoadAsync(ClaimsPrincipal person, CancellationToken cancellationToken)
    {
        var email = (await users.GetUserAsync(person))?.Email?.ToLowerInvariant();
        if (email is null) return null;
        var waiting = (await (from i in db.SurveyInvitations.AsNoTracking()
                              where i.Email.ToLower() == email && i.AnsweredOn == null
                              join survey in db.Surveys.AsNoTracking() on i.SurveyId equals survey.Id
                              where survey.Status == SurveyStatus.Open
                              select survey).ToListAsync(cancellationToken))
            .Where(surveys.IsTakingAnswers).OrderBy(survey => survey.ClosesOn ?? DateOnly.MaxValue).ToList();
        if (waiting.Count == 0) return null;
        var language = Languages.Current;
        return new MyPagePart(s["MySurveysHeading"], [.. waiting.Select(survey => new MyThing(survey.Title(language), $"/surveys/{survey.Id}/mine",
            survey.ClosesOn is { } day ? s["MySurveyCloses", HelsinkiTime.Day(day)].Value : null, Post: s["MySurveyAnswer"]))]);
    }
}
