using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Workspaces;

public sealed record ActionRow(int Id, int WorkspaceId, string WorkspaceSlug, string WorkspaceName, int? MeetingId, string Text, string? OwnerId,
    string? OwnerName, DateOnly DueOn, DateTimeOffset? DoneAt);

public enum MemoOutcome { Done, NotAllowed, NotFound, Approved, Stale, NotParticipant, PastDeadline, NotLater, NotHeld }

/// <summary>
/// Meetings of a workspace and their memos. Everything is looked up by its id and the workspace's id together, so a
/// record of another workspace is "not found". Once the memo is approved nothing of it changes: its agenda, notes,
/// attendance, decisions and the actions recorded in it are read-only (an action can still be marked done).
/// </summary>
public sealed class WorkspaceMeetings(YhdessaDb db, AuditLog audit, TimeProvider clock, IOutputCacheStore cache)
{
    public Task<List<WorkspaceMeeting>> ListAsync(int workspaceId, CancellationToken cancellationToken) =>
        db.WorkspaceMeetings.AsNoTracking().Where(m => m.WorkspaceId == workspaceId).OrderByDescending(m => m.StartsAt).ToListAsync(cancellationToken);

    /// <summary>The next meetings that have not ended, soonest first.</summary>
    public Task<List<WorkspaceMeeting>> UpcomingAsync(int workspaceId, DateTimeOffset now, int count, CancellationToken cancellationToken) =>
        db.WorkspaceMeetings.AsNoTracking().Where(m => m.WorkspaceId == workspaceId && m.EndsAt >= now).OrderBy(m => m.StartsAt).Take(count)
            .ToListAsync(cancellationToken);

    public Task<WorkspaceMeeting?> FindAsync(int workspaceId, int meetingId, CancellationToken cancellationToken) =>
        db.WorkspaceMeetings.AsNoTracking().Include(m => m.Agenda.OrderBy(a => a.Position)).Include(m => m.Decisions.OrderBy(d => d.Id))
            .AsSplitQuery().FirstOrDefaultAsync(m => m.Id == meetingId && m.WorkspaceId == workspaceId, cancellationToken);

    public Task<List<string>> AttendeesAsync(int meetingId, CancellationToken cancellationToken) =>
        db.WorkspaceAttendances.Where(a => a.MeetingId == meetingId).Select(a => a.UserId).ToListAsync(cancellationToken);

    /// <summary>Adds a meeting or changes its time, place and title (refused once its memo is approved).</summary>
    public async Task<(MemoOutcome Outcome, WorkspaceMeeting? Saved)> SaveAsync(WorkspaceViewer viewer, int? meetingId, int revision, string title,
        DateTimeOffset startsAt, DateTimeOffset endsAt, string? place, string? onlineLink, IReadOnlyList<string> agenda, CancellationToken cancellationToken,
        int? groupId = null)
    {
        if (!viewer.CanContribute) return (MemoOutcome.NotAllowed, null);
        if (groupId is { } group && !await db.WorkspaceGroups.AnyAsync(g => g.Id == group && g.WorkspaceId == viewer.Workspace.Id, cancellationToken))
            return (MemoOutcome.NotFound, null);
        var now = clock.GetUtcNow();
        WorkspaceMeeting meeting;
        if (meetingId is { } id)
        {
            var found = await db.WorkspaceMeetings.FirstOrDefaultAsync(m => m.Id == id && m.WorkspaceId == viewer.Workspace.Id, cancellationToken);
            if (found is null) return (MemoOutcome.NotFound, null);
            if (found.MemoApprovedAt is not null) return (MemoOutcome.Approved, null);
            if (found.Revision != revision) return (MemoOutcome.Stale, null);
            meeting = found;
            meeting.Revision++;
        }
        else
        {
            meeting = new WorkspaceMeeting { WorkspaceId = viewer.Workspace.Id, GroupId = groupId, CreatedAt = now };
            meeting.Agenda = [.. agenda.Select((item, i) => new WorkspaceAgendaItem { Position = i + 1, Title = item })];
            db.WorkspaceMeetings.Add(meeting);
        }
        meeting.Title = title;
        meeting.StartsAt = startsAt;
        meeting.EndsAt = endsAt;
        meeting.Place = place;
        meeting.OnlineLink = onlineLink;
        audit.Record(meetingId is null ? "workspace.meeting-added" : "workspace.meeting-changed", "workspace:" + viewer.Workspace.Id);
        var outcome = await SaveAsync(cancellationToken);
        if (outcome == MemoOutcome.Done) await WorkspaceYear.ChangedAsync(cache, viewer.Workspace.Id);
        return (outcome, meeting);
    }

    /// <summary>Saves the memo: the notes of each agenda item, new agenda items, and who attended. Refused when the memo
    /// is approved, and when someone saved it after this form was opened (nothing is lost: the page shows what was sent).</summary>
    public async Task<MemoOutcome> SaveMemoAsync(WorkspaceViewer viewer, int meetingId, int revision, IReadOnlyDictionary<int, string?> notes,
        IReadOnlyCollection<string> attended, IReadOnlyList<string> newItems, CancellationToken cancellationToken)
    {
        if (!viewer.CanContribute) return MemoOutcome.NotAllowed;
        var meeting = await db.WorkspaceMeetings.Include(m => m.Agenda)
            .FirstOrDefaultAsync(m => m.Id == meetingId && m.WorkspaceId == viewer.Workspace.Id, cancellationToken);
        if (meeting is null) return MemoOutcome.NotFound;
        if (meeting.MemoApprovedAt is not null) return MemoOutcome.Approved;
        if (meeting.Revision != revision) return MemoOutcome.Stale;
        foreach (var item in meeting.Agenda)
            if (notes.TryGetValue(item.Id, out var note)) item.Notes = TextInput.TrimToNull(note);
        var next = meeting.Agenda.Count == 0 ? 1 : meeting.Agenda.Max(a => a.Position) + 1;
        foreach (var title in newItems) meeting.Agenda.Add(new WorkspaceAgendaItem { Position = next++, Title = title });
        // Only the workspace's participants can be marked present.
        var participants = await db.WorkspaceParticipants.Where(p => p.WorkspaceId == viewer.Workspace.Id && attended.Contains(p.UserId))
            .Select(p => p.UserId).ToListAsync(cancellationToken);
        // The attendance is replaced in the transaction of the memo's save, so a stale save leaves it as it was.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.WorkspaceAttendances.Where(a => a.MeetingId == meeting.Id).ExecuteDeleteAsync(cancellationToken);
        db.WorkspaceAttendances.AddRange(participants.Select(p => new WorkspaceAttendance { MeetingId = meeting.Id, UserId = p }));
        meeting.Revision++;
        audit.Record("workspace.memo-saved", "workspace:" + viewer.Workspace.Id, "meeting:" + meeting.Id);
        var outcome = await SaveAsync(cancellationToken);
        if (outcome == MemoOutcome.Done) await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    public async Task<MemoOutcome> AddDecisionAsync(WorkspaceViewer viewer, int meetingId, int? agendaItemId, string text, CancellationToken cancellationToken)
    {
        var (outcome, meeting) = await OpenMemoAsync(viewer, meetingId, cancellationToken);
        if (outcome != MemoOutcome.Done) return outcome;
        if (agendaItemId is { } item && !await db.WorkspaceAgendaItems.AnyAsync(a => a.Id == item && a.MeetingId == meeting!.Id, cancellationToken))
            return MemoOutcome.NotFound;
        db.WorkspaceDecisions.Add(new WorkspaceDecision { MeetingId = meeting!.Id, AgendaItemId = agendaItemId, Text = text, CreatedAt = clock.GetUtcNow() });
        meeting.Revision++;
        return await SaveAsync(cancellationToken);
    }

    public async Task<MemoOutcome> RemoveDecisionAsync(WorkspaceViewer viewer, int meetingId, int decisionId, CancellationToken cancellationToken)
    {
        var (outcome, meeting) = await OpenMemoAsync(viewer, meetingId, cancellationToken);
        if (outcome != MemoOutcome.Done) return outcome;
        if (await db.WorkspaceDecisions.Where(d => d.Id == decisionId && d.MeetingId == meeting!.Id).ExecuteDeleteAsync(cancellationToken) == 0)
            return MemoOutcome.NotFound;
        meeting!.Revision++;
        return await SaveAsync(cancellationToken);
    }

    /// <summary>An action: its owner must take part in the workspace and its deadline must not have passed (Helsinki
    /// date). Recorded in a meeting's memo (refused once it is approved) or straight in the workspace.</summary>
    public async Task<MemoOutcome> AddActionAsync(WorkspaceViewer viewer, int? meetingId, string text, string ownerId, DateOnly dueOn,
        CancellationToken cancellationToken)
    {
        if (!viewer.CanContribute) return MemoOutcome.NotAllowed;
        WorkspaceMeeting? meeting = null;
        if (meetingId is { } id)
        {
            MemoOutcome outcome;
            (outcome, meeting) = await OpenMemoAsync(viewer, id, cancellationToken);
            if (outcome != MemoOutcome.Done) return outcome;
        }
        if (!await db.WorkspaceParticipants.AnyAsync(p => p.WorkspaceId == viewer.Workspace.Id && p.UserId == ownerId, cancellationToken))
            return MemoOutcome.NotParticipant;
        if (dueOn < Today()) return MemoOutcome.PastDeadline;
        db.WorkspaceActions.Add(new WorkspaceAction
        {
            WorkspaceId = viewer.Workspace.Id, MeetingId = meeting?.Id, Text = text, OwnerId = ownerId, DueOn = dueOn, CreatedAt = clock.GetUtcNow(),
        });
        if (meeting is not null) meeting.Revision++;
        audit.Record("workspace.action-added", "workspace:" + viewer.Workspace.Id);
        return await SaveAsync(cancellationToken);
    }

    /// <summary>Marks an action done (or not done after all): its owner, or anyone who contributes to the workspace.</summary>
    public async Task<MemoOutcome> SetDoneAsync(WorkspaceViewer viewer, int actionId, bool done, CancellationToken cancellationToken)
    {
        var action = await db.WorkspaceActions.FirstOrDefaultAsync(a => a.Id == actionId && a.WorkspaceId == viewer.Workspace.Id, cancellationToken);
        if (action is null) return MemoOutcome.NotFound;
        if (!viewer.CanContribute && action.OwnerId != viewer.UserId) return MemoOutcome.NotAllowed;
        action.DoneAt = done ? action.DoneAt ?? clock.GetUtcNow() : null;
        return await SaveAsync(cancellationToken);
    }

    /// <summary>Approves the memo of a meeting that has begun, by the lead alone or at a later meeting of the same
    /// workspace; then it is read-only.</summary>
    public async Task<MemoOutcome> ApproveAsync(WorkspaceViewer viewer, int meetingId, int revision, int? atMeetingId, CancellationToken cancellationToken)
    {
        if (!viewer.CanLead) return MemoOutcome.NotAllowed;
        var meeting = await db.WorkspaceMeetings.FirstOrDefaultAsync(m => m.Id == meetingId && m.WorkspaceId == viewer.Workspace.Id, cancellationToken);
        if (meeting is null) return MemoOutcome.NotFound;
        if (meeting.MemoApprovedAt is not null) return MemoOutcome.Approved;
        if (meeting.StartsAt > clock.GetUtcNow()) return MemoOutcome.NotHeld;
        if (meeting.Revision != revision) return MemoOutcome.Stale;
        if (atMeetingId is { } at && !await db.WorkspaceMeetings.AnyAsync(m => m.Id == at && m.WorkspaceId == viewer.Workspace.Id
                && m.StartsAt > meeting.StartsAt, cancellationToken))
            return MemoOutcome.NotLater;
        meeting.MemoApprovedAt = clock.GetUtcNow();
        meeting.MemoApprovedById = viewer.UserId;
        meeting.MemoApprovedAtMeetingId = atMeetingId;
        meeting.Revision++;
        audit.Record("workspace.memo-approved", "workspace:" + viewer.Workspace.Id, "meeting:" + meeting.Id);
        return await SaveAsync(cancellationToken);
    }

    public Task<List<ActionRow>> ActionsOfMeetingAsync(int workspaceId, int meetingId, CancellationToken cancellationToken) =>
        ActionsAsync(a => a.WorkspaceId == workspaceId && a.MeetingId == meetingId, doneFirst: false, WorkspaceLimits.AgendaItems * 20, cancellationToken);

    /// <summary>The workspace's actions: open ones by deadline, or the done ones, latest first.</summary>
    public Task<List<ActionRow>> ActionsOfWorkspaceAsync(int workspaceId, bool done, int count, CancellationToken cancellationToken) =>
        done ? ActionsAsync(a => a.WorkspaceId == workspaceId && a.DoneAt != null, doneFirst: true, count, cancellationToken)
             : ActionsAsync(a => a.WorkspaceId == workspaceId && a.DoneAt == null, doneFirst: false, count, cancellationToken);

    /// <summary>A person's open actions in all her workspaces, by deadline.</summary>
    public Task<List<ActionRow>> ActionsOfOwnerAsync(string userId, int count, CancellationToken cancellationToken) =>
        ActionsAsync(a => a.OwnerId == userId && a.DoneAt == null, doneFirst: false, count, cancellationToken);

    private async Task<List<ActionRow>> ActionsAsync(System.Linq.Expressions.Expression<Func<WorkspaceAction, bool>> which, bool doneFirst, int count,
        CancellationToken cancellationToken)
    {
        var rows = from a in db.WorkspaceActions.Where(which)
                   join w in db.Workspaces on a.WorkspaceId equals w.Id
                   join u in db.Users on a.OwnerId equals u.Id into owners
                   from u in owners.DefaultIfEmpty()
                   select new { Action = a, w.Slug, w.Name, Owner = u != null ? u.DisplayName : null };
        rows = doneFirst ? rows.OrderByDescending(r => r.Action.DoneAt).ThenByDescending(r => r.Action.Id)
                         : rows.OrderBy(r => r.Action.DueOn).ThenBy(r => r.Action.Id);
        return [.. (await rows.Take(count).AsNoTracking().ToListAsync(cancellationToken)).Select(r => new ActionRow(r.Action.Id, r.Action.WorkspaceId, r.Slug,
            r.Name, r.Action.MeetingId, r.Action.Text, r.Action.OwnerId, r.Owner, r.Action.DueOn, r.Action.DoneAt))];
    }

    private async Task<(MemoOutcome, WorkspaceMeeting?)> OpenMemoAsync(WorkspaceViewer viewer, int meetingId, CancellationToken cancellationToken)
    {
        if (!viewer.CanContribute) return (MemoOutcome.NotAllowed, null);
        var meeting = await db.WorkspaceMeetings.FirstOrDefaultAsync(m => m.Id == meetingId && m.WorkspaceId == viewer.Workspace.Id, cancellationToken);
        if (meeting is null) return (MemoOutcome.NotFound, null);
        return meeting.MemoApprovedAt is null ? (MemoOutcome.Done, meeting) : (MemoOutcome.Approved, null);
    }

    /// <summary>Saves; a meeting saved by someone else meanwhile (its revision changed) makes this save stale.</summary>
    private async Task<MemoOutcome> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return MemoOutcome.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return MemoOutcome.Stale;
        }
    }

    private DateOnly Today() => DateOnly.FromDateTime(HelsinkiTime.ToHelsinki(clock.GetUtcNow()).DateTime);
}
