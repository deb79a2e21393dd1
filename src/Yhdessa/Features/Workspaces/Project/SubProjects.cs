using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Workspaces.Project;

public sealed record SubProjectRow(int Id, string Name, int OrganisationId, string OrganisationName, string? LeadId, List<string> TeamIds)
{
    public bool HasPerson(string? userId) => userId is not null && (LeadId == userId || TeamIds.Contains(userId));
}

public enum SubProjectOutcome { Done, NotAllowed, NotFound, NameTaken, NotParticipant, UnknownOrganisation, InUse }

/// <summary>A project's sub-projects: each owned by one organisation of the directory, with a lead and a team among the
/// project's participants. The project's leads manage them; a sub-project's own people report on it and enter its costs.</summary>
public sealed class SubProjects(YhdessaDb db, AuditLog audit, TimeProvider clock)
{
    public async Task<List<SubProjectRow>> ListAsync(int workspaceId, CancellationToken cancellationToken)
    {
        var rows = await (from s in db.WorkspaceSubProjects
                          where s.WorkspaceId == workspaceId
                          join o in db.Organisations on s.OrganisationId equals o.Id
                          orderby s.Name
                          select new { s.Id, s.Name, s.OrganisationId, o.NameFi, s.LeadId }).AsNoTracking().ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var team = await db.WorkspaceSubProjectMembers.AsNoTracking().Where(m => ids.Contains(m.SubProjectId)).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new SubProjectRow(r.Id, r.Name, r.OrganisationId, r.NameFi, r.LeadId,
            [.. team.Where(m => m.SubProjectId == r.Id).Select(m => m.UserId)]))];
    }

    /// <summary>Whether the viewer may report on and enter the costs of a sub-project: its lead and team, and the
    /// project's leads.</summary>
    public static bool CanWorkOn(WorkspaceViewer viewer, SubProjectRow subProject) =>
        viewer.CanLead || viewer.CanContribute && subProject.HasPerson(viewer.UserId);

    public async Task<SubProjectOutcome> SaveAsync(WorkspaceViewer viewer, int? id, string name, int organisationId, string? leadId,
        IReadOnlyCollection<string> team, CancellationToken cancellationToken)
    {
        if (!viewer.CanLead) return SubProjectOutcome.NotAllowed;
        var workspaceId = viewer.Workspace.Id;
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken)) return SubProjectOutcome.UnknownOrganisation;
        var people = team.Append(leadId).OfType<string>().Distinct().ToList();
        var participants = await db.WorkspaceParticipants.CountAsync(p => p.WorkspaceId == workspaceId && people.Contains(p.UserId), cancellationToken);
        if (participants != people.Count) return SubProjectOutcome.NotParticipant;
        if (await db.WorkspaceSubProjects.AnyAsync(s => s.WorkspaceId == workspaceId && s.Name == name && s.Id != id, cancellationToken))
            return SubProjectOutcome.NameTaken;
        WorkspaceSubProject subProject;
        if (id is { } existing)
        {
            var found = await db.WorkspaceSubProjects.FirstOrDefaultAsync(s => s.Id == existing && s.WorkspaceId == workspaceId, cancellationToken);
            if (found is null) return SubProjectOutcome.NotFound;
            subProject = found;
        }
        else
        {
            subProject = new WorkspaceSubProject { WorkspaceId = workspaceId, CreatedAt = clock.GetUtcNow() };
            db.WorkspaceSubProjects.Add(subProject);
        }
        subProject.Name = name;
        subProject.OrganisationId = organisationId;
        subProject.LeadId = leadId;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return SubProjectOutcome.NameTaken;
        }
        await db.WorkspaceSubProjectMembers.Where(m => m.SubProjectId == subProject.Id).ExecuteDeleteAsync(cancellationToken);
        db.WorkspaceSubProjectMembers.AddRange(team.Distinct().Select(u => new WorkspaceSubProjectMember { SubProjectId = subProject.Id, UserId = u }));
        audit.Record(id is null ? "workspace.subproject-added" : "workspace.subproject-changed", "workspace:" + workspaceId, "subproject:" + subProject.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return SubProjectOutcome.Done;
    }

    /// <summary>Removes a sub-project that has nothing of its own yet: one with goals, budgets, costs or reports stays,
    /// since removing it would take them along.</summary>
    public async Task<SubProjectOutcome> RemoveAsync(WorkspaceViewer viewer, int id, CancellationToken cancellationToken)
    {
        if (!viewer.CanLead) return SubProjectOutcome.NotAllowed;
        var workspaceId = viewer.Workspace.Id;
        if (!await db.WorkspaceSubProjects.AnyAsync(s => s.Id == id && s.WorkspaceId == workspaceId, cancellationToken)) return SubProjectOutcome.NotFound;
        if (await db.WorkspaceGoals.AnyAsync(g => g.SubProjectId == id, cancellationToken)
            || await db.WorkspaceBudgets.AnyAsync(b => b.SubProjectId == id, cancellationToken)
            || await db.WorkspaceCosts.AnyAsync(c => c.SubProjectId == id, cancellationToken)
            || await db.WorkspaceReports.AnyAsync(r => r.SubProjectId == id && r.ResponseId != null, cancellationToken))
            return SubProjectOutcome.InUse;
        await db.WorkspaceSubProjects.Where(s => s.Id == id && s.WorkspaceId == workspaceId).ExecuteDeleteAsync(cancellationToken);
        await audit.RecordNowAsync("workspace.subproject-removed", "workspace:" + workspaceId, "subproject:" + id, cancellationToken: cancellationToken);
        return SubProjectOutcome.Done;
    }
}
