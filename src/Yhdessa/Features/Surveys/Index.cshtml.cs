using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Surveys.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Surveys;

/// <summary>Every survey, newest first, for coordinators (<c>/surveys</c>).</summary>
[Authorize(Policy = Policies.Coordinator)]
public class IndexModel(YhdessaDb db, SurveyOwners owners) : PageModel
{
    public sealed record Row(Survey Survey, SurveyOwner Owner, int Invited, int Responses);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var surveys = await db.Surveys.AsNoTracking().OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).ToListAsync(cancellationToken);
        var invited = await db.SurveyInvitations.GroupBy(i => i.SurveyId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var responses = await db.SurveyResponses.GroupBy(r => r.SurveyId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var owner = await owners.NamesAsync(surveys.Select(s => (s.OwnerKind, s.OwnerId)), cancellationToken);
        Rows = surveys.Select(s => new Row(s, owner(s.OwnerKind, s.OwnerId), invited.GetValueOrDefault(s.Id), responses.GetValueOrDefault(s.Id))).ToList();
    }
}
