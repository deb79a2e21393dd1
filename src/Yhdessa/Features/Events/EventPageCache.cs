using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace Yhdessa.Features.Events;

/// <summary>
/// The event page and the list say how many seats are left, which changes with every registration, not only when a
/// coordinator saves the event. Their cached answers are therefore also tagged per event, and
/// <see cref="Registration.Registrations"/> clears an event's tag after every change of its seats, so a visitor is
/// never told of free seats that are gone (nor sent away from a seat that is free).
/// </summary>
public static class EventPageCache
{
    public static string Tag(int eventId) => "event-" + eventId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Tags the answer being built (when the output cache stores it) with the events it shows.</summary>
    public static void Shows(HttpContext context, IEnumerable<int> eventIds)
    {
        if (context.Features.Get<IOutputCacheFeature>() is not { } cache) return;
        foreach (var id in eventIds) cache.Context.Tags.Add(Tag(id));
    }
}
