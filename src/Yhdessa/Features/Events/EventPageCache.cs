using System.Globalization;

namespace Yhdessa.Features.Events;

/// <summary>
/// The event page and the list say how many seats are left, which changes with every registration, not only when a
/// coordinator saves the event. Their cached answers are therefore also tagged per event, and
/// <see cref="Registration.Registrations"/> clears an event's tag after every change of its seats, so a visitor is
/// never told of free seats that are gone (nor sent away from a seat that is free). The front page's section of
/// upcoming events gives the same tags (<see cref="UpcomingEventsSection"/>).
/// </summary>
public static class EventPageCache
{
    public static string Tag(int eventId) => "event-" + eventId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Tags the answer being built (when the output cache stores it) with the events it shows.</summary>
    public static void Shows(HttpContext context, IEnumerable<int> eventIds) => PublicPages.AlsoTag(context, eventIds.Select(Tag));
}
