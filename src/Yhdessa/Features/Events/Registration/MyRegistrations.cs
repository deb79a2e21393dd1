using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Features.My;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;
using System.Security.Claims;

namespace Yhdessa.Features.Events.Registration;

/// <summary>A member's own registrations, each with the link to its own page and, in a queue, its number.</summary>
public sealed class MyRegistrations(YhdessaDb db, RegistrationTokens tokens, TimeProvider clock)
{
    public sealed record Row(Event Event, EventRegistration Registration, string Link, int? Position);

    /// <summary>Upcoming ones (soonest first) and past ones (latest first).</summary>
    public async Task<(List<Row> Upcoming, List<Row> Past)> OfAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var all = await RowsAsync(userId, null, cancellationToken);
        return (all.Where(x => x.Event.EndsAt > now).OrderBy(x => x.Event.StartsAt).ToList(),
            all.Where(x => x.Event.EndsAt <= now).OrderByDescending(x => x.Event.StartsAt).ToList());
    }

    /// <summary>Only the upcoming ones, soonest first: her own page and the front page need no history.</summary>
    public async Task<List<Row>> UpcomingOfAsync(string userId, CancellationToken cancellationToken) =>
        [.. (await RowsAsync(userId, clock.GetUtcNow(), cancellationToken)).OrderBy(x => x.Event.StartsAt)];

    /// <summary>One query, her places in queues included (the rule of <see cref="Registrations.PositionAsync"/>: one more
    /// than those waiting for the same event who came before her).</summary>
    private async Task<List<Row>> RowsAsync(string userId, DateTimeOffset? endingAfter, CancellationToken cancellationToken)
    {
        var events = db.Events.AsNoTracking();
        if (endingAfter is { } after) events = events.Where(e => e.EndsAt > after);
        var rows = await (
                from r in db.EventRegistrations.AsNoTracking()
                where r.UserId == userId
                join e in events on r.EventId equals e.Id
                select new
                {
                    r, e,
                    Position = r.Status == RegistrationStatus.Waiting
                        ? 1 + db.EventRegistrations.Count(o => o.EventId == r.EventId && o.Status == RegistrationStatus.Waiting && o.Id < r.Id)
                        : (int?)null,
                })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(x => new Row(x.e, x.r, tokens.Path(x.r), x.Position))];
    }
}

/// <summary>On a person's own page: her coming registrations and places in queues.</summary>
internal sealed class MyRegistrationsPart(MyRegistrations mine, IStringLocalizer<RegistrationText> r,
    IStringLocalizer<EventsText> e) : IMyPagePart
{
    public int Order => 10;

    /// <summary>Her next events are what she comes to the site for: the front page shows them too.</summary>
    public bool OnFrontPage => true;

    public async Task<MyPagePart?> LoadAsync(ClaimsPrincipal person, CancellationToken cancellationToken)
    {
        var upcoming = await mine.UpcomingOfAsync(person.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        var live = upcoming.Where(x => x.Registration.Status is not (RegistrationStatus.Cancelled or RegistrationStatus.Declined));
        return new MyPagePart(r["MyUpcomingHeading"], [.. live.Select(x => new MyThing(x.Event.Title, x.Link,
                $"{e.When(x.Event)} · {Status(x)}", x.Event.TitleFallbackLanguage))],
            r["MyNoneUpcoming"], [new MyLink(r["MyAllLink"], "/events/my"), new MyLink(r["BrowseEvents"], "/events")]);
    }

    private string Status(MyRegistrations.Row row) => row switch
    {
        { Position: { } position } => $"{r["Status_Waiting"]} ({r["MyPosition", position]})",
        { Registration: { Status: RegistrationStatus.Offered, OfferExpiresAt: { } until } } =>
            $"{r["Status_Offered"]} ({r["MyOfferUntil", HelsinkiTime.DateAndTime(until)]})",
        _ => r["Status_" + row.Registration.Status],
    };
}
