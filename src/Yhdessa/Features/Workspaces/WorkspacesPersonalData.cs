using Microsoft.EntityFrameworkCore;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Workspaces;

/// <summary>
/// The workspaces a person takes part in (role, organisation, when she joined), the invitations to her address, her
/// attendance at meetings, the actions she owns, her sub-projects and the project reports and costs she entered. Deleting the account leaves the workspaces' records with the person
/// removed: her participation, attendance and invitations go; her actions stay in the memos without an owner, and a
/// memo she approved, the document versions she added, the project reports she sent, the costs she entered and the
/// sub-projects she led stay without her name (the database unlinks them with the account); her place in sub-project
/// teams goes with it.
/// </summary>
public sealed class WorkspacesPersonalData(YhdessaDb db) : IPersonalDataHolder
{
    public string Section => "workspaces";

    public async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var participation = await (from p in db.WorkspaceParticipants
                                   where p.UserId == userId
                                   join w in db.Workspaces on p.WorkspaceId equals w.Id
                                   orderby p.JoinedAt
                                   select new { Workspace = w.Name, Role = p.Role.ToString(), p.OrganisationId, p.JoinedAt, p.LastVisitAt })
            .AsNoTracking().ToListAsync(cancellationToken);
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.NormalizedEmail).FirstOrDefaultAsync(cancellationToken);
        var invitations = await (from i in db.WorkspaceInvitations
                                 where i.NormalizedEmail == email
                                 join w in db.Workspaces on i.WorkspaceId equals w.Id
                                 select new { Workspace = w.Name, i.Email, Role = i.Role.ToString(), i.CreatedAt, i.ExpiresAt })
            .AsNoTracking().ToListAsync(cancellationToken);
        var attended = await (from a in db.WorkspaceAttendances
                              where a.UserId == userId
                              join m in db.WorkspaceMeetings on a.MeetingId equals m.Id
                              orderby m.StartsAt
                              select new { m.Title, m.StartsAt }).AsNoTracking().ToListAsync(cancellationToken);
        var actions = await db.WorkspaceActions.AsNoTracking().Where(a => a.OwnerId == userId).OrderBy(a => a.DueOn)
            .Select(a => new { a.Text, a.DueOn, a.DoneAt, a.RemindedAt }).ToListAsync(cancellationToken);
        var documents = await (from v in db.WorkspaceDocumentVersions
                               where v.AddedById == userId
                               join d in db.WorkspaceDocuments on v.DocumentId equals d.Id
                               orderby v.AddedAt
                               select new { d.Title, v.Number, v.FileName, v.Note, v.AddedAt }).AsNoTracking().ToListAsync(cancellationToken);
        var subProjects = await (from sp in db.WorkspaceSubProjects
                                 where sp.LeadId == userId || db.WorkspaceSubProjectMembers.Any(m => m.SubProjectId == sp.Id && m.UserId == userId)
                                 join w in db.Workspaces on sp.WorkspaceId equals w.Id
                                 select new { Workspace = w.Name, SubProject = sp.Name, IsLead = sp.LeadId == userId }).AsNoTracking().ToListAsync(cancellationToken);
        var reports = await (from r in db.WorkspaceReports
                             where r.AnsweredById == userId
                             join round in db.WorkspaceReportRounds on r.RoundId equals round.Id
                             join sp in db.WorkspaceSubProjects on r.SubProjectId equals sp.Id
                             select new { SubProject = sp.Name, round.Period, r.AnsweredAt }).AsNoTracking().ToListAsync(cancellationToken);
        var costs = await (from c in db.WorkspaceCosts
                           where c.EnteredById == userId
                           join sp in db.WorkspaceSubProjects on c.SubProjectId equals sp.Id
                           select new { SubProject = sp.Name, c.Month, Category = c.Category.ToString(), c.Amount, c.Description, c.EnteredAt })
            .AsNoTracking().ToListAsync(cancellationToken);
        return participation.Count == 0 && invitations.Count == 0 && attended.Count == 0 && actions.Count == 0 && documents.Count == 0
            && subProjects.Count == 0 && reports.Count == 0 && costs.Count == 0
            ? null : new
            {
                Participation = participation, Invitations = invitations, Attended = attended, Actions = actions, DocumentVersions = documents,
                SubProjects = subProjects, ReportsSent = reports, CostsEntered = costs,
            };
    }

    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.NormalizedEmail).FirstOrDefaultAsync(cancellationToken);
        if (email is not null) await db.WorkspaceInvitations.Where(i => i.NormalizedEmail == email).ExecuteDeleteAsync(cancellationToken);
        // Participation and attendance go with the account (cascade); actions and approvals lose only the person.
        await db.WorkspaceActions.Where(a => a.OwnerId == userId).ExecuteUpdateAsync(a => a.SetProperty(x => x.OwnerId, (string?)null), cancellationToken);
    }
}
