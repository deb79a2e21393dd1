using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Workspaces;

/// <summary>
/// iCalendar (RFC 5545) files of a workspace's meetings. The UID is made of the meeting's id and the site's host and
/// SEQUENCE is its revision, so an invitation sent again after a change replaces the entry in the calendar. The
/// description holds the agenda and the meeting's private address (the participants' own link), never the memo.
/// </summary>
public sealed class WorkspaceCalendar(IOptions<PlatformOptions> options)
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public string Meeting(Workspace workspace, WorkspaceMeeting meeting)
    {
        var calendar = new Calendar { Method = "PUBLISH", ProductId = "-//Yhdessa//Workspaces//FI" };
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(CalendarFiles.Zone));
        var site = new Uri(options.Value.BaseUrl);
        var url = new Uri(site, $"/workspaces/{workspace.Slug}/meetings/{meeting.Id}");
        var agenda = string.Join('\n', meeting.Agenda.OrderBy(a => a.Position).Select(a => $"{a.Position}. {a.Title}"));
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"workspace-meeting-{meeting.Id}@{site.Host}",
            Sequence = meeting.Revision,
            Summary = $"{meeting.Title} ({workspace.Name})",
            Description = (agenda.Length > 0 ? agenda + "\n\n" : "") + (meeting.OnlineLink is { } link ? link + "\n\n" : "") + url,
            Location = meeting.Place ?? meeting.OnlineLink,
            Url = url,
            DtStart = CalendarFiles.Local(meeting.StartsAt),
            DtEnd = CalendarFiles.Local(meeting.EndsAt),
            DtStamp = new CalDateTime(DateTime.SpecifyKind(DateTime.UtcNow, DateTimeKind.Utc), "UTC"),
            Status = "CONFIRMED",
        });
        return CalendarFiles.Write(calendar);
    }

}
