using Microsoft.Extensions.Localization;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Registration;
using Yhdessa.Features.Home;
using Yhdessa.Platform.Places;

namespace Yhdessa.Features.Events;

/// <summary>
/// On the front page: the next public events, soonest first (those going on now included, as in the list), each with its
/// time on the Finnish clock, type and place, and the seats left while registration is open or about to open. Two
/// queries (the events, and the seats held of all of them at once). The cached page is
/// tagged with each event's own tag, which every change of its seats clears (<see cref="EventPageCache"/>).
/// </summary>
internal sealed class UpcomingEventsSection(EventCatalogue catalogue, Registrations registrations, Municipalities municipalities,
    IStringLocalizer<EventsText> e, TimeProvider clock) : IFrontPageSection
{
    public int Order => 10;

    public async Task<FrontPageSection?> LoadAsync(CancellationToken cancellationToken)
    {
        var next = await catalogue.NextAsync(Viewer.Anonymous, FrontPage.Items, cancellationToken);
        var now = clock.GetUtcNow();
        var counted = next.Where(ev => ev.Capacity is not null
            && RegistrationWindow.StateAt(ev, now) is RegistrationState.Open or RegistrationState.OpensSoon).Select(ev => ev.Id).ToList();
        var held = counted.Count > 0 ? await registrations.SeatsHeldAsync(counted, cancellationToken) : [];
        return new FrontPageSection(e["FrontHeading"],
            [.. next.Select(ev => new FrontPageItem(ev.Title, "/events/" + ev.Slug, $"{e.When(ev)} · {e.Facts(ev, municipalities)}",
                Language: ev.TitleFallbackLanguage)
            {
                Note = State(ev, counted.Contains(ev.Id) ? ev.SeatsLeft(held.GetValueOrDefault(ev.Id)) : null),
            })],
            new FrontPageLink(e["FrontAll"], "/events"))
        {
            Empty = e["FrontNone"],
            CacheTags = [.. next.Select(ev => EventPageCache.Tag(ev.Id))],
        };
    }

    /// <summary>"Peruttu", "Paikkoja jäljellä: 3", "Täynnä, jonoon voi ilmoittautua", or nothing to say.</summary>
    private string? State(Event ev, int? seatsLeft) => ev.Status == EventStatus.Cancelled ? e["Cancelled"].Value
        : seatsLeft switch { null => null, 0 => e["FullTag"].Value, var left => e["SeatsLeftNow", left].Value };
}
