using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Events.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Places;
using Yhdessa.Platform.Text;
using EventStatus = Yhdessa.Features.Events.Data.EventStatus;

namespace Yhdessa.Features.Events;

/// <summary>
/// iCalendar (RFC 5545) files of events for Outlook, Google and Apple calendars. The UID is made of the event's
/// id and the site's host, so it stays the same across edits; SEQUENCE is the event's revision counter, so a
/// calendar that already has the event replaces it with the newer version.
/// </summary>
public sealed class EventCalendar(IOptions<PlatformOptions> options, Municipalities municipalities)
{
    public const string ContentType = "text/calendar; charset=utf-8";

    private Uri BaseUrl => new(options.Value.BaseUrl);

    public string Uid(Event e) => $"event-{e.Id}@{BaseUrl.Host}";

    public string Feed(IEnumerable<Event> events, string name) => Serialize(events, name, method: "PUBLISH");

    /// <summary>One event; a cancelled one as METHOD:CANCEL so calendars remove it.</summary>
    public string Single(Event e) => Serialize([e], e.Title, Method(e));

    /// <summary>The iCalendar METHOD of <see cref="Single"/>, also named in an email attachment's content type.</summary>
    public string Method(Event e) => e.Status == EventStatus.Cancelled ? "CANCEL" : "PUBLISH";

    private string Serialize(IEnumerable<Event> events, string name, string method)
    {
        var calendar = new Calendar { Method = method, ProductId = "-//Yhdessa//Events//FI" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", CalendarFiles.Zone);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(CalendarFiles.Zone));
        foreach (var e in events) calendar.Events.Add(ToCalendarEvent(e));
        return CalendarFiles.Write(calendar);
    }

    private CalendarEvent ToCalendarEvent(Event e)
    {
        var url = new Uri(BaseUrl, "/events/" + e.Slug);
        var place = string.Join(", ", new[] { e.Address, municipalities.Find(e.MunicipalityCode)?.Name(Languages.Current) }
            .Where(p => !string.IsNullOrWhiteSpace(p)));
        return new CalendarEvent
        {
            Uid = Uid(e),
            Sequence = e.Revision,
            Summary = e.Title,
            Description = SafeMarkdown.ToPlainText(e.Description) + "\n\n" + url,
            Location = place.Length > 0 ? place : null,
            Url = url,
            DtStart = CalendarFiles.Local(e.StartsAt),
            DtEnd = CalendarFiles.Local(e.EndsAt),
            DtStamp = new CalDateTime(e.UpdatedAt.UtcDateTime, "UTC"),
            Status = e.Status == EventStatus.Cancelled ? "CANCELLED" : "CONFIRMED",
        };
    }

}
