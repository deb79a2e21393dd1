using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Workspaces;

public sealed record ActivityItem(DateTimeOffset At, string Text, string Url);

/// <summary>What happened in a workspace after a moment: meetings added, decisions and actions recorded, memos approved,
/// people who joined. The workspace's page shows it from the participant's previous visit.</summary>
public sealed class WorkspaceActivity(YhdessaDb db, IStringLocalizer<WorkspacesText> w)
{
    public const int Shown = 20;

    public async Task<List<ActivityItem>> SinceAsync(int workspaceId, string slug, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var meetings = await db.WorkspaceMeetings.AsNoTracking().Where(m => m.WorkspaceId == workspaceId && (m.CreatedAt > since || m.MemoApprovedAt > since))
            .OrderByDescending(m => m.CreatedAt).Take(Shown).Select(m => new { m.Id, m.Title, m.CreatedAt, m.MemoApprovedAt }).ToListAsync(cancellationToken);
        var decisions = await (from d in db.WorkspaceDecisions
                               join m in db.WorkspaceMeetings on d.MeetingId equals m.Id
                               where m.WorkspaceId == workspaceId && d.CreatedAt > since
                               orderby d.CreatedAt descending
                               select new { d.Text, d.CreatedAt, MeetingId = m.Id }).AsNoTracking().Take(Shown).ToListAsync(cancellationToken);
        var actions = await db.WorkspaceActions.AsNoTracking().Where(a => a.WorkspaceId == workspaceId && a.CreatedAt > since)
            .OrderByDescending(a => a.CreatedAt).Take(Shown).Select(a => new { a.Text, a.CreatedAt }).ToListAsync(cancellationToken);
        var joined = await (from p in db.WorkspaceParticipants
                            where p.WorkspaceId == workspaceId && p.JoinedAt > since
                            join u in db.Users on p.UserId equals u.Id
                            orderby p.JoinedAt descending
                            select new { u.DisplayName, p.JoinedAt }).AsNoTracking().Take(Shown).ToListAsync(cancellationToken);
        var root = "/workspaces/" + slug;
        List<ActivityItem> items =
        [
            .. meetings.Where(m => m.CreatedAt > since).Select(m => new ActivityItem(m.CreatedAt, w["ActivityMeeting", m.Title], $"{root}/meetings/{m.Id}")),
            .. meetings.Where(m => m.MemoApprovedAt > since).Select(m => new ActivityItem(m.MemoApprovedAt!.Value, w["ActivityApproved", m.Title], $"{root}/meetings/{m.Id}")),
            .. decisions.Select(d => new ActivityItem(d.CreatedAt, w["ActivityDecision", Platform.Text.ShortText.Shorten(d.Text, 120)], $"{root}/meetings/{d.MeetingId}")),
            .. actions.Select(a => new ActivityItem(a.CreatedAt, w["ActivityAction", Platform.Text.ShortText.Shorten(a.Text, 120)], $"{root}/actions")),
            .. joined.Select(j => new ActivityItem(j.JoinedAt, w["ActivityJoined", j.DisplayName], $"{root}/people")),
        ];
        return [.. items.OrderByDescending(i => i.At).Take(Shown)];
    }
}
