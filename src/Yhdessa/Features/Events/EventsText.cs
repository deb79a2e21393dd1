using Microsoft.Extensions.Localization;
using Yhdessa.Features.Events.Data;
using Yhdessa.Platform.Localization;

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

    /// <summary>"ti 24.11.2026 klo 9.00–15.30", with the weekday in the reader's language and the Finnish clock.</summary>
    public static string When(this IStringLocalizer<EventsText> e, Event ev)
    {
        var start = HelsinkiTime.ToHelsinki(ev.StartsAt);
        var end = HelsinkiTime.ToHelsinki(ev.EndsAt);
        var culture = Languages.FormattingCulture(Languages.Current);
        var day = start.ToString("ddd d.M.yyyy", culture);
        return start.Date == end.Date
            ? e["WhenSameDay", day, start.ToString("H.mm", culture), end.ToString("H.mm", culture)]
            : e["WhenSpan", day, start.ToString("H.mm", culture), end.ToString("ddd d.M.yyyy", culture), end.ToString("H.mm", culture)];
    }
}
