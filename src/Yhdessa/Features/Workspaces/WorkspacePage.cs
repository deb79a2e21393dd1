using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Yhdessa.Features.Workspaces.Data;

namespace Yhdessa.Features.Workspaces;

/// <summary>A page inside one workspace (<c>/workspaces/{slug}/…</c>): it opens only for the workspace's participants
/// and coordinators. Anyone else signed in gets "not found", as for a workspace that does not exist; a visitor is asked
/// to sign in.</summary>
public abstract class WorkspacePage(WorkspaceAccess access) : PageModel
{
    [FromRoute] public string Slug { get; set; } = "";
    public WorkspaceViewer Viewer { get; protected set; } = null!;
    public Workspace Workspace => Viewer.Workspace;

    /// <summary>Null when the viewer may read the workspace; otherwise the answer to give instead.</summary>
    protected async Task<IActionResult?> OpenAsync(CancellationToken cancellationToken)
    {
        var viewer = await access.FindAsync(User, Slug, cancellationToken);
        if (viewer is null) return NotFound();
        Viewer = viewer;
        return viewer.CanRead ? null : Closed();
    }

    /// <summary>The answer to someone who may not read the workspace.</summary>
    protected IActionResult Closed() => User.Identity?.IsAuthenticated == true ? NotFound() : Challenge();

    /// <summary>A form refused: the page again with status 400 and the form as it was sent.</summary>
    protected IActionResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
