using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.My;
using Yhdessa.Platform.Identity;
using Yhdessa.Features.Events.Data;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Events.Feedback;

public sealed record FeedbackRow(Event Event, int SurveyId, int Invited, int Responses);

/// <summary><c>/events/feedback</c>: the events with a feedback survey, newest first, for coordinators and the small
/// expert team, each linking to its results.</summary>
[Authorize(Policy = FeedbackAccess.Policy)]
public class IndexModel(YhdessaDb db, EventCatalogue catalogue) : PageModel
{
    public List<FeedbackRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var surveys = await db.Surveys.AsNoTracking().Where(s => s.OwnerKind == EventFeedback.OwnerKind)
            .Select(s => new
            {
                s.Id, s.OwnerId,
                Invited = db.SurveyInvitations.Count(i => i.SurveyId == s.Id),
                Responses = db.SurveyResponses.Count(r => r.SurveyId == s.Id),
            })
            .ToListAsync(cancellationToken);
        var byEvent = surveys.Where(s => int.TryParse(s.OwnerId, out _)).ToDictionary(s => int.Parse(s.OwnerId), s => s);
        var ids = byEvent.Keys.ToList();
        var events = await catalogue.VisibleTo(Viewer.From(User)).AsNoTracking().Where(e => ids.Contains(e.Id))
            .OrderByDescending(e => e.StartsAt).ToListAsync(cancellationToken);
        Rows = [.. events.Select(e => new FeedbackRow(e, byEvent[e.Id].Id, byEvent[e.Id].Invited, byEvent[e.Id].Responses))];
    }
}

/// <summary>On a person's own page, for coordinators and the small expert team only: the way to the feedback results.</summary>
internal sealed class MyFeedbackReadingPart(YhdessaDb db, IStringLocalizer<FeedbackText> f) : IMyPagePart
{
    public int Order => 80;

    public async Task<MyPagePart?> LoadAsync(ClaimsPrincipal person, CancellationToken cancellationToken) =>
        person.IsInRole(Roles.Coordinator)
        || person.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && await FeedbackAccess.IsSmallExpertTeamMemberAsync(db, userId, cancellationToken)
            ? new MyPagePart(f["FeedbackListTitle"], [], f["MyFeedbackReadingLead"], [new MyLink(f["FeedbackListTitle"], "/events/feedback")])
            : null;
}
