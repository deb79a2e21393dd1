using Microsoft.Extensions.Localization;
using Yhdessa.Features.Events.Data;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Places;

namespace Yhdessa.Features.Events;

/// <summary>Marker for the events' texts (EventsText.fi/sv/en.resx).</summary>
public sealed class EventsText;

/// <summary>One card of the event list: the event, and whether registering now only queues.</summary>
public sealed record EventCard(Event Event, bool Full);

/// <summary>Texts and formats the event pages share.</summary>
public static class EventsDisplay
{
    public static string TypeName(this IStringLocalizer<EventsText> e, EventType type) => e[$"Type_{type}"];
    public static string VisibilityName(this IStringLocalizer<EventsText> e, EventVisibility visibility) => e[$"Visibility_{visibility}"];

    /// <summary>"Koulutus · Helsinki · verkossa": the type, the municipality and whether one can take part online.</summary>
    public static string Facts(this IStringLocalizer<EventsText> e, Event ev, Municipalities municipalities) =>
        string.Join(" · ", new[] { e.TypeName(ev.Type), municipalities.Find(ev.MunicipalityCode)?.Name(Languages.Current),
            ev.IsOnline ? e["Online"].Value : null }.Where(part => part is not null));

    /// <summary>"ti 24.11.2026 klo 9.00–15.30" (Tue 24 Nov 2026, 09:00–15:30), on the Finnish clock, written the
    /// reader's way.</summary>
    public static string When(this IStringLocalizer<EventsText> e, Event ev)
    {
        var day = HelsinkiTime.Date(ev.StartsAt, weekday: true);
        return HelsinkiTime.ToHelsinki(ev.StartsAt).Date == HelsinkiTime.ToHelsinki(ev.EndsAt).Date
            ? e["WhenSameDay", day, HelsinkiTime.Time(ev.StartsAt), HelsinkiTime.Time(ev.EndsAt)]
            : e["WhenSpan", day, HelsinkiTime.Time(ev.StartsAt), HelsinkiTime.Date(ev.EndsAt, weekday: true), HelsinkiTime.Time(ev.EndsAt)];
    }
}
