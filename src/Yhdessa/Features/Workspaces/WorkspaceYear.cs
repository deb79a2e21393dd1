using System.Security.Cryptography;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Events;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Workspaces;

/// <summary>One date of the year clock: a milestone's occurrence, a meeting of the workspace or a network event.</summary>
public sealed record YearDate(DateOnly On, DateOnly? Until, string Title, string Kind, string? Url, int? MilestoneId);

/// <summary>
/// The year clock (vuosikello): the workspace's milestones — once, or every year, quarter or month — with its meetings
/// and, when the workspace wants them, the network's public events, for one calendar year; and its calendar feed at a
/// secret address that a lead can replace (revoking the old one) or turn off. The feed is kept in the output cache like
/// the events' feed (calendar programs poll it often, and building it costs fifty times a plain answer), tagged with its
/// workspace: every change of what it shows — milestones, meetings, the name, the address, network events — clears it.
/// </summary>
public sealed class WorkspaceYear(YhdessaDb db, EventCatalogue events, AuditLog audit, TimeProvider clock, IOptions<PlatformOptions> options,
    IOutputCacheStore cache)
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>The output cache's tag of a workspace's feed.</summary>
    public static string FeedTag(int workspaceId) => "workspace-calendar:" + workspaceId;

    /// <summary>Clears the workspace's cached feed after a change of what it shows.</summary>
    public static Task ChangedAsync(IOutputCacheStore cache, int workspaceId) =>
        cache.EvictByTagAsync(FeedTag(workspaceId), CancellationToken.None).AsTask();

    public Task<List<WorkspaceMilestone>> MilestonesAsync(int workspaceId, CancellationToken cancellationToken) =>
        db.WorkspaceMilestones.AsNoTracking().Where(m => m.WorkspaceId == workspaceId).OrderBy(m => m.StartsOn).ThenBy(m => m.Id).ToListAsync(cancellationToken);

    /// <summary>Everything on the clock in <paramref name="year"/>, by date.</summary>
    public async Task<List<YearDate>> DatesAsync(Workspace workspace, int year, CancellationToken cancellationToken)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var dates = new List<YearDate>();
        foreach (var milestone in await MilestonesAsync(workspace.Id, cancellationToken))
            dates.AddRange(Occurrences(milestone, first, last).Select(on => new YearDate(on,
                milestone.EndsOn is { } ends ? on.AddDays(ends.DayNumber - milestone.StartsOn.DayNumber) : null,
                milestone.Title, milestone.Kind.ToString(), null, milestone.Id)));
        var from = HelsinkiTime.StartOfYear(year);
        var to = HelsinkiTime.StartOfYear(year + 1);
        dates.AddRange((await db.WorkspaceMeetings.AsNoTracking().Where(m => m.WorkspaceId == workspace.Id && m.StartsAt >= from && m.StartsAt < to)
                .Select(m => new { m.Id, m.Title, m.StartsAt }).ToListAsync(cancellationToken))
            .Select(m => new YearDate(Day(m.StartsAt), null, m.Title, "Meeting", $"/workspaces/{workspace.Slug}/meetings/{m.Id}", null)));
        if (workspace.ShowsNetworkEvents)
            dates.AddRange((await events.VisibleTo(Viewer.Anonymous).Where(e => e.StartsAt >= from && e.StartsAt < to).OrderBy(e => e.StartsAt).Take(200)
                    .AsNoTracking().ToListAsync(cancellationToken))
                .Select(e => new YearDate(Day(e.StartsAt), null, e.Title, "NetworkEvent", "/events/" + e.Slug, null)));
        return [.. dates.OrderBy(d => d.On).ThenBy(d => d.Title, StringComparer.Ordinal)];
    }

    /// <summary>The days a milestone falls on between <paramref name="first"/> and <paramref name="last"/>; a date that a
    /// month lacks (the 31st, 29 February) falls on the month's last day.</summary>
    public static IEnumerable<DateOnly> Occurrences(WorkspaceMilestone milestone, DateOnly first, DateOnly last)
    {
        var step = milestone.Repeat switch { MilestoneRepeat.Yearly => 12, MilestoneRepeat.Quarterly => 3, MilestoneRepeat.Monthly => 1, _ => 0 };
        if (step == 0)
        {
            if (milestone.StartsOn >= first && milestone.StartsOn <= last) yield return milestone.StartsOn;
            yield break;
        }
        var start = milestone.StartsOn;
        for (var months = 0; ; months += step)
        {
            var month = new DateOnly(start.Year, start.Month, 1).AddMonths(months);
            if (month > last) yield break;
            var on = new DateOnly(month.Year, month.Month, Math.Min(start.Day, DateTime.DaysInMonth(month.Year, month.Month)));
            if (on >= first) yield return on;
        }
    }

    public async Task AddAsync(WorkspaceViewer viewer, string title, MilestoneKind kind, MilestoneRepeat repeat, DateOnly startsOn, DateOnly? endsOn,
        CancellationToken cancellationToken)
    {
        db.WorkspaceMilestones.Add(new WorkspaceMilestone
        {
            WorkspaceId = viewer.Workspace.Id, Title = title, Kind = kind, Repeat = repeat, StartsOn = startsOn, EndsOn = endsOn, CreatedAt = clock.GetUtcNow(),
        });
        audit.Record("workspace.milestone-added", "workspace:" + viewer.Workspace.Id);
        await db.SaveChangesAsync(cancellationToken);
        await ChangedAsync(cache, viewer.Workspace.Id);
    }

    public Task<int> CountAsync(int workspaceId, CancellationToken cancellationToken) =>
        db.WorkspaceMilestones.CountAsync(m => m.WorkspaceId == workspaceId, cancellationToken);

    public async Task<bool> RemoveAsync(WorkspaceViewer viewer, int milestoneId, CancellationToken cancellationToken)
    {
        var removed = await db.WorkspaceMilestones.Where(m => m.Id == milestoneId && m.WorkspaceId == viewer.Workspace.Id).ExecuteDeleteAsync(cancellationToken);
        if (removed > 0) await audit.RecordNowAsync("workspace.milestone-removed", "workspace:" + viewer.Workspace.Id, cancellationToken: cancellationToken);
        await ChangedAsync(cache, viewer.Workspace.Id);
        return removed > 0;
    }

    /// <summary>A new secret address for the feed (the old one stops working at once), or none.</summary>
    public async Task SetFeedAsync(WorkspaceViewer viewer, bool on, CancellationToken cancellationToken)
    {
        string? token = on ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)) : null;
        await db.Workspaces.Where(w => w.Id == viewer.Workspace.Id).ExecuteUpdateAsync(w => w.SetProperty(x => x.CalendarToken, token), cancellationToken);
        await audit.RecordNowAsync(on ? "workspace.calendar-feed-renewed" : "workspace.calendar-feed-off", "workspace:" + viewer.Workspace.Id,
            cancellationToken: cancellationToken);
        await ChangedAsync(cache, viewer.Workspace.Id);
    }

    public async Task SetNetworkEventsAsync(WorkspaceViewer viewer, bool shown, CancellationToken cancellationToken)
    {
        await db.Workspaces.Where(w => w.Id == viewer.Workspace.Id).ExecuteUpdateAsync(w => w.SetProperty(x => x.ShowsNetworkEvents, shown), cancellationToken);
        await ChangedAsync(cache, viewer.Workspace.Id);
    }

    /// <summary>The feed of the workspace whose secret is <paramref name="token"/>: its milestones (a recurring one with its
    /// rule, so calendars repeat it), its meetings of the last and next year, and the network events it shows; null when no
    /// workspace has that secret.</summary>
    public async Task<(int WorkspaceId, string Text)?> FeedAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length != 48) return null;
        var workspace = await db.Workspaces.AsNoTracking().FirstOrDefaultAsync(w => w.CalendarToken == token, cancellationToken);
        if (workspace is null) return null;
        var host = new Uri(options.Value.BaseUrl).Host;
        var calendar = new Calendar { Method = "PUBLISH", ProductId = "-//Yhdessa//Workspaces//FI" };
        calendar.AddProperty("X-WR-CALNAME", workspace.Name);
        calendar.AddProperty("X-WR-TIMEZONE", CalendarFiles.Zone);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(CalendarFiles.Zone));
        var stamp = new CalDateTime(DateTime.SpecifyKind(clock.GetUtcNow().UtcDateTime, DateTimeKind.Utc), "UTC");
        foreach (var milestone in await MilestonesAsync(workspace.Id, cancellationToken))
        {
            var entry = new CalendarEvent
            {
                Uid = $"workspace-milestone-{milestone.Id}@{host}", Summary = milestone.Title, DtStamp = stamp,
                // All-day entries: the end is the day after the last one (RFC 5545).
                DtStart = CalendarFiles.Day(milestone.StartsOn), DtEnd = CalendarFiles.Day((milestone.EndsOn ?? milestone.StartsOn).AddDays(1)),
            };
            if (milestone.Repeat != MilestoneRepeat.Once)
                entry.RecurrenceRules.Add(new RecurrencePattern(milestone.Repeat == MilestoneRepeat.Yearly ? FrequencyType.Yearly : FrequencyType.Monthly,
                    milestone.Repeat == MilestoneRepeat.Quarterly ? 3 : 1));
            calendar.Events.Add(entry);
        }
        var from = clock.GetUtcNow().AddYears(-1);
        var to = clock.GetUtcNow().AddYears(1);
        foreach (var meeting in await db.WorkspaceMeetings.AsNoTracking().Where(m => m.WorkspaceId == workspace.Id && m.StartsAt >= from && m.StartsAt < to)
                     .OrderBy(m => m.StartsAt).ToListAsync(cancellationToken))
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"workspace-meeting-{meeting.Id}@{host}", Sequence = meeting.Revision, Summary = meeting.Title, Location = meeting.Place ?? meeting.OnlineLink,
                DtStamp = stamp, DtStart = CalendarFiles.Local(meeting.StartsAt), DtEnd = CalendarFiles.Local(meeting.EndsAt),
            });
        if (workspace.ShowsNetworkEvents)
            foreach (var e in await events.VisibleTo(Viewer.Anonymous).Where(e => e.StartsAt >= from && e.StartsAt < to).OrderBy(e => e.StartsAt).Take(200)
                         .AsNoTracking().ToListAsync(cancellationToken))
                calendar.Events.Add(new CalendarEvent
                {
                    Uid = $"event-{e.Id}@{host}", Sequence = e.Revision, Summary = e.Title, DtStamp = stamp, DtStart = CalendarFiles.Local(e.StartsAt), DtEnd = CalendarFiles.Local(e.EndsAt),
                    Url = new Uri(new Uri(options.Value.BaseUrl), "/events/" + e.Slug),
                });
        return (workspace.Id, CalendarFiles.Write(calendar));
    }

    private static DateOnly Day(DateTimeOffset moment) => DateOnly.FromDateTime(HelsinkiTime.ToHelsinki(moment).DateTime);

}
