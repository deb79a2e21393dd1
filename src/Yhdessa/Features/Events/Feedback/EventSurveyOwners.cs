using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Surveys;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Events.Feedback;

/// <summary>Events as the owners of surveys (their feedback surveys and any other a coordinator makes for one).</summary>
internal sealed class EventSurveyOwners(YhdessaDb db, IStringLocalizer<FeedbackText> f, TimeProvider clock) : ISurveyOwnerKind
{
    public string Kind => EventFeedback.OwnerKind;
    public string Name => f["OwnerEvents"];

    /// <summary>Events from half a year back onwards, the latest first: a survey is made for one coming or just held.</summary>
    public async Task<IReadOnlyList<SurveyOwner>> ChoicesAsync(CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().AddMonths(-6);
        var events = await db.Events.AsNoTracking().Where(e => e.StartsAt >= since && e.Status != EventStatus.Cancelled)
            .OrderByDescending(e => e.StartsAt).Take(300).ToListAsync(cancellationToken);
        return [.. events.Select(Owner)];
    }

    public async Task<IReadOnlyDictionary<string, SurveyOwner>> NamesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var numbers = ids.Select(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).Where(n => n > 0).ToList();
        var events = await db.Events.AsNoTracking().Where(e => numbers.Contains(e.Id)).ToListAsync(cancellationToken);
        return events.ToDictionary(e => e.Id.ToString(CultureInfo.InvariantCulture), Owner);
    }

    private SurveyOwner Owner(Event ev) =>
        new($"{Kind}:{ev.Id.ToString(CultureInfo.InvariantCulture)}", $"{ev.Title} ({HelsinkiTime.Date(ev.StartsAt)})", $"/events/{ev.Slug}");
}
