using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Workspaces;

public sealed record GroupRow(int Id, string Name, WorkspaceGroupKind Kind, List<string> MemberIds);

public enum GroupOutcome { Done, NotAllowed, NotFound, NameTaken, NotParticipant }

/// <summary>A project's steering group and thematic groups: each has members among the project's participants and its
/// own meetings (<see cref="WorkspaceMeeting.GroupId"/>), whose invitations go to its members only.</summary>
public sealed class WorkspaceGroups(YhdessaDb db, AuditLog audit, TimeProvider clock)
{
    public async Task<List<GroupRow>> ListAsync(int workspaceId, CancellationToken cancellationToken)
    {
        var groups = await db.WorkspaceGroups.AsNoTracking().Where(g => g.WorkspaceId == workspaceId).OrderBy(g => g.Kind).ThenBy(g => g.Name)
            .ToListAsync(cancellationToken);
        var ids = groups.Select(g => g.Id).ToList();
        var members = await db.WorkspaceGroupMembers.AsNoTracking().Where(m => ids.Contains(m.GroupId)).ToListAsync(cancellationToken);
        return [.. groups.Select(g => new GroupRow(g.Id, g.Name, g.Kind, [.. members.Where(m => m.GroupId == g.Id).Select(m => m.UserId)]))];
    }

    /// <summary>Adds a group (<paramref name="groupId"/> null) or changes one: its name (unique in the workspace), kind and
    /// members, who must take part in the workspace.</summary>
    public async Task<GroupOutcome> SaveAsync(WorkspaceViewer viewer, int? groupId, string name, WorkspaceGroupKind kind, IReadOnlyCollection<string> memberIds,
        CancellationToken cancellationToken)
    {
        if (!viewer.CanLead) return GroupOutcome.NotAllowed;
        var workspaceId = viewer.Workspace.Id;
        var participants = await db.WorkspaceParticipants.Where(p => p.WorkspaceId == workspaceId && memberIds.Contains(p.UserId))
            .Select(p => p.UserId).ToListAsync(cancellationToken);
        if (participants.Count != memberIds.Distinct().Count()) return GroupOutcome.NotParticipant;
        if (await db.WorkspaceGroups.AnyAsync(g => g.WorkspaceId == workspaceId && g.Name == name && g.Id != groupId, cancellationToken))
            return GroupOutcome.NameTaken;
        WorkspaceGroup group;
        if (groupId is { } id)
        {
            var found = await db.WorkspaceGroups.FirstOrDefaultAsync(g => g.Id == id && g.WorkspaceId == workspaceId, cancellationToken);
            if (found is null) return GroupOutcome.NotFound;
            group = found;
        }
        else
        {
            group = new WorkspaceGroup { WorkspaceId = workspaceId, CreatedAt = clock.GetUtcNow() };
            db.WorkspaceGroups.Add(group);
        }
        group.Name = name;
        group.Kind = kind;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return GroupOutcome.NameTaken;
        }
        await db.WorkspaceGroupMembers.Where(m => m.GroupId == group.Id).ExecuteDeleteAsync(cancellationToken);
        db.WorkspaceGroupMembers.AddRange(participants.Select(p => new WorkspaceGroupMember { GroupId = group.Id, UserId = p }));
        audit.Record(groupId is null ? "workspace.group-added" : "workspace.group-changed", "workspace:" + workspaceId, "group:" + group.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return GroupOutcome.Done;
    }

    /// <summary>Removes a group; its meetings stay as the whole workspace's.</summary>
    public async Task<GroupOutcome> RemoveAsync(WorkspaceViewer viewer, int groupId, CancellationToken cancellationToken)
    {
        if (!viewer.CanLead) return GroupOutcome.NotAllowed;
        var removed = await db.WorkspaceGroups.Where(g => g.Id == groupId && g.WorkspaceId == viewer.Workspace.Id).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0) return GroupOutcome.NotFound;
        await audit.RecordNowAsync("workspace.group-removed", "workspace:" + viewer.Workspace.Id, "group:" + groupId, cancellationToken: cancellationToken);
        return GroupOutcome.Done;
    }
}
