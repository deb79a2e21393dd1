using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Workspaces;

/// <summary>
/// What one person may do in one workspace. Every page, file and feed of a workspace starts here, and every record
/// below the workspace (a meeting, an action, a document) is then looked up by its id <em>and</em> this workspace's id,
/// so that an id of another workspace is not found, whatever the address says.
/// </summary>
public sealed record WorkspaceViewer(Workspace Workspace, string? UserId, WorkspaceRole? Role, bool IsCoordinator)
{
    /// <summary>Participants and coordinators see everything of the workspace.</summary>
    public bool CanRead => Role is not null || IsCoordinator;
    /// <summary>Leads and members write memos, add meetings, actions and documents; observers only read.</summary>
    public bool CanContribute => Role is WorkspaceRole.Lead or WorkspaceRole.Member || IsCoordinator;
    /// <summary>Leads and coordinators manage people and settings and approve memos.</summary>
    public bool CanLead => Role is WorkspaceRole.Lead || IsCoordinator;
}

public sealed class WorkspaceAccess(YhdessaDb db)
{
    /// <summary>The workspace by slug (or id) as <paramref name="user"/> sees it; null when there is no such workspace.
    /// A person who is neither a participant nor a coordinator gets a viewer that cannot read: the page then shows the
    /// public page if there is one, and otherwise "not found", so that a private workspace's existence is not told.</summary>
    public async Task<WorkspaceViewer?> FindAsync(ClaimsPrincipal user, string key, CancellationToken cancellationToken)
    {
        var workspace = await db.Workspaces.AsNoTracking().FindByKeyAsync(key, cancellationToken);
        if (workspace is null) return null;
        var userId = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        var role = userId is null ? null : await db.WorkspaceParticipants
            .Where(p => p.WorkspaceId == workspace.Id && p.UserId == userId).Select(p => (WorkspaceRole?)p.Role).FirstOrDefaultAsync(cancellationToken);
        return new WorkspaceViewer(workspace, userId, role, user.IsInRole(Roles.Coordinator));
    }
}
