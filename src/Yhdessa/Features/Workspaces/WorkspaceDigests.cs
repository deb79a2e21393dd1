using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Jobs;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Workspaces;

/// <summary>
/// The weekly digest: on Monday morning (Helsinki time) each participant gets one mail of what happened in her workspaces
/// during the week and her actions due in the next two weeks, in her language. A workspace she has left out
/// (<see cref="WorkspaceParticipant.DigestOff"/>) is not in it; a week with nothing for her sends nothing. Each person's
/// digest is claimed with a conditional write in the transaction that queues its mail, so instances never send it twice.
/// </summary>
public sealed class WorkspaceDigests(YhdessaDb db, WorkspaceActivity activity, WorkspaceMeetings meetings, EmailOutbox outbox,
    IStringLocalizer<WorkspacesText> text, IOptions<PlatformOptions> options, TimeProvider clock)
{
    /// <summary>Digests are made from this hour on Monday, Helsinki time.</summary>
    public const int Hour = 7;

    /// <summary>The start of this week's digest: Monday at <see cref="Hour"/>, Helsinki time; null before it on a Monday.</summary>
    public static DateTimeOffset WeekStart(DateTimeOffset now)
    {
        var local = HelsinkiTime.ToHelsinki(now);
        var monday = DateOnly.FromDateTime(local.DateTime).AddDays(-(((int)local.DayOfWeek + 6) % 7));
        var start = HelsinkiTime.StartOfDay(monday).AddHours(Hour);
        return now >= start ? start : start.AddDays(-7);
    }

    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var week = WeekStart(now);
        var due = await (from p in db.WorkspaceParticipants
                         where !p.DigestOff
                         join u in db.Users on p.UserId equals u.Id
                         where !u.IsDisabled && u.Email != null && !db.WorkspaceDigests.Any(d => d.UserId == u.Id && d.SentAt >= week)
                         select u.Id).Distinct().Take(500).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var userId in due)
            if (await SendAsync(userId, week, cancellationToken)) sent++;
        return sent;
    }

    private async Task<bool> SendAsync(string userId, DateTimeOffset week, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The claim: a row for a first digest, or this week's mark on an earlier one; whoever writes it first sends.
        var claimed = await db.WorkspaceDigests.Where(d => d.UserId == userId && d.SentAt < week)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.SentAt, week), cancellationToken) == 1;
        if (!claimed)
        {
            if (await db.WorkspaceDigests.AnyAsync(d => d.UserId == userId, cancellationToken)) return false;
            db.WorkspaceDigests.Add(new WorkspaceDigest { UserId = userId, SentAt = week });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
                return false;
            }
        }
        var person = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.DisplayName, u.PreferredLanguage })
            .SingleAsync(cancellationToken);
        var workspaces = await (from p in db.WorkspaceParticipants
                                where p.UserId == userId && !p.DigestOff
                                join w in db.Workspaces on p.WorkspaceId equals w.Id
                                orderby w.Name
                                select new { w.Id, w.Slug, w.Name }).AsNoTracking().ToListAsync(cancellationToken);
        var site = options.Value.BaseUrl.TrimEnd('/');
        using (Languages.Use(person.PreferredLanguage))
        {
            var paragraphs = new List<string>();
            var links = new List<(string, string)>();
            foreach (var workspace in workspaces)
            {
                var items = await activity.SinceAsync(workspace.Id, workspace.Slug, week.AddDays(-7), cancellationToken);
                if (items.Count == 0) continue;
                paragraphs.Add(workspace.Name + ":\n" + string.Join('\n', items.Select(i => "– " + i.Text)));
                links.Add((text["DigestOpen", workspace.Name].Value, $"{site}/workspaces/{workspace.Slug}?culture={Languages.Current}"));
            }
            var horizon = DateOnly.FromDateTime(HelsinkiTime.ToHelsinki(week).DateTime).AddDays(14);
            var actions = (await meetings.ActionsOfOwnerAsync(userId, 20, cancellationToken)).Where(a => a.DueOn <= horizon).ToList();
            if (actions.Count > 0)
            {
                paragraphs.Add(text["DigestActions"] + "\n" + string.Join('\n', actions.Select(a => $"– {a.Text} ({a.WorkspaceName}, {text["DueOn", HelsinkiTime.Day(a.DueOn)]})")));
                links.Add((text["MailOpenActions"].Value, $"{site}/workspaces/actions?culture={Languages.Current}"));
            }
            if (paragraphs.Count > 0)
            {
                var subject = text["DigestSubject", HelsinkiTime.Date(week)].Value;
                paragraphs.Insert(0, text["MailGreeting", person.DisplayName].Value);
                paragraphs.Add(text["DigestHowToStop"].Value);
                var (plain, html) = SimpleMail.Compose(subject, paragraphs, links, text["MailSignature"].Value);
                outbox.Enqueue(person.Email!, subject, plain, html, userId: userId);
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Leaves the workspace out of her digest, or takes it back in.</summary>
    public Task SetAsync(int workspaceId, string userId, bool off, CancellationToken cancellationToken) =>
        db.WorkspaceParticipants.Where(p => p.WorkspaceId == workspaceId && p.UserId == userId)
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.DigestOff, off), cancellationToken);
}

internal sealed class WeeklyDigestJob(WorkspaceDigests digests) : IRecurringJob
{
    public static string Name => "workspace-weekly-digest";
    public TimeSpan Interval => TimeSpan.FromMinutes(30);
    public Task RunAsync(CancellationToken cancellationToken) => digests.SendDueAsync(cancellationToken);
}
