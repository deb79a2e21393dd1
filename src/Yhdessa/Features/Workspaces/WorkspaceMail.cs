using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Workspaces.Data;

using Yhdessa.Platform.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Jobs;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Workspaces;

/// <summary>A workspace's mail: meeting invitations with their calendar file, and reminders of actions before their
/// deadline. Each person gets her mail in her own language; mail is queued with the change that causes it.</summary>
public sealed class WorkspaceMail(YhdessaDb db, EmailOutbox outbox, WorkspaceCalendar calendar, IStringLocalizer<WorkspacesText> text,
    IOptions<PlatformOptions> options, TimeProvider clock)
{
    /// <summary>How long before its deadline an action is reminded.</summary>
    public static readonly int ReminderDays = 3;

    private string Site => options.Value.BaseUrl.TrimEnd('/');

    /// <summary>Sends every participant — of a group's meeting, every member of the group — the meeting's invitation with
    /// its calendar file (again after a change).</summary>
    public async Task<int> InviteAsync(Workspace workspace, WorkspaceMeeting meeting, CancellationToken cancellationToken)
    {
        var people = await (from p in db.WorkspaceParticipants
                            where p.WorkspaceId == workspace.Id
                                && (meeting.GroupId == null || db.WorkspaceGroupMembers.Any(m => m.GroupId == meeting.GroupId && m.UserId == p.UserId))
                            join u in db.Users on p.UserId equals u.Id
                            where !u.IsDisabled && u.Email != null
                            select new { u.Id, u.Email, u.DisplayName, u.PreferredLanguage }).AsNoTracking().ToListAsync(cancellationToken);
        var file = Encoding.UTF8.GetBytes(calendar.Meeting(workspace, meeting));
        foreach (var person in people)
        {
            using var _ = Languages.Use(person.PreferredLanguage);
            var subject = text["MailMeetingSubject", meeting.Title, HelsinkiTime.Date(meeting.StartsAt)].Value;
            var paragraphs = new List<string>
            {
                text["MailGreeting", person.DisplayName].Value,
                text["MailMeetingBody", workspace.Name, $"{HelsinkiTime.DateAndTime(meeting.StartsAt)}–{HelsinkiTime.Time(meeting.EndsAt)}"].Value,
            };
            if (meeting.Place is { } place) paragraphs.Add(text["Place"] + ": " + place);
            if (meeting.OnlineLink is { } link) paragraphs.Add(text["OnlineLink"] + ": " + link);
            if (meeting.Agenda.Count > 0)
                paragraphs.Add(text["Agenda"] + ":\n" + string.Join('\n', meeting.Agenda.OrderBy(a => a.Position).Select(a => $"{a.Position}. {a.Title}")));
            var (plain, html) = SimpleMail.Compose(subject, paragraphs,
                [(text["MailOpenMeeting"].Value, $"{Site}/workspaces/{workspace.Slug}/meetings/{meeting.Id}?culture={Languages.Current}")],
                text["MailSignature"].Value);
            outbox.Enqueue(person.Email!, subject, plain, html,
                [new EmailAttachment($"meeting-{meeting.Id}.ics", $"{WorkspaceCalendar.ContentType}; method=PUBLISH", file)], person.Id);
        }
        await db.WorkspaceMeetings.Where(m => m.Id == meeting.Id).ExecuteUpdateAsync(m => m.SetProperty(x => x.InvitedAt, clock.GetUtcNow()), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return people.Count;
    }

    /// <summary>Reminds the owners of open actions whose deadline is at most <see cref="ReminderDays"/> away, once per
    /// action: each reminder is claimed with a conditional update in the transaction that queues its mail, so two
    /// instances never both send it and a crash sends it on the next run.</summary>
    public async Task<int> RemindDueAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(HelsinkiTime.ToHelsinki(clock.GetUtcNow()).DateTime);
        var horizon = today.AddDays(ReminderDays);
        var due = await (from a in db.WorkspaceActions
                         where a.RemindedAt == null && a.DoneAt == null && a.OwnerId != null && a.DueOn <= horizon && a.DueOn >= today
                         join w in db.Workspaces on a.WorkspaceId equals w.Id
                         join u in db.Users on a.OwnerId equals u.Id
                         where !u.IsDisabled && u.Email != null
                         orderby a.DueOn
                         select new { a.Id, a.Text, a.DueOn, w.Slug, w.Name, u.Email, u.DisplayName, u.PreferredLanguage, UserId = u.Id })
            .AsNoTracking().Take(500).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var action in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow();
            if (await db.WorkspaceActions.Where(a => a.Id == action.Id && a.RemindedAt == null && a.DoneAt == null)
                    .ExecuteUpdateAsync(a => a.SetProperty(x => x.RemindedAt, now), cancellationToken) == 0) continue;
            using (Languages.Use(action.PreferredLanguage))
            {
                var subject = text["MailReminderSubject", action.Name].Value;
                var (plain, html) = SimpleMail.Compose(subject,
                    [text["MailGreeting", action.DisplayName].Value, text["MailReminderBody", action.Name, HelsinkiTime.Day(action.DueOn)].Value, action.Text],
                    [(text["MailOpenActions"].Value, $"{Site}/workspaces/actions?culture={Languages.Current}")],
                    text["MailSignature"].Value);
                outbox.Enqueue(action.Email!, subject, plain, html, userId: action.UserId);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            sent++;
        }
        return sent;
    }
}

internal sealed class ActionReminderJob(WorkspaceMail mail) : IRecurringJob
{
    public static string Name => "workspace-action-reminders";
    public TimeSpan Interval => TimeSpan.FromMinutes(30);
    public Task RunAsync(CancellationToken cancellationToken) => mail.RemindDueAsync(cancellationToken);
}
