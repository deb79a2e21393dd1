using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Yhdessa.Features.Network.Data;
using Yhdessa.Features.Workspaces.Data;

namespace Yhdessa.Features.Workspaces;

/// <summary>
/// <c>/workspaces/{slug}</c>: for its participants and coordinators the workspace itself (purpose, tools, the next
/// meetings, open actions, what changed since the previous visit); for anyone else its public page when it has one
/// (purpose, organisations, status, outputs, the needs it answers) and "not found" when it has none.
/// </summary>
[AllowAnonymous]
public class HomeModel(WorkspaceAccess access, WorkspaceCatalogue catalogue, WorkspaceMeetings meetings, WorkspaceActivity activity,
    WorkspaceDigests digests, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<WorkspacesText> w) : WorkspacePage(access)
{
    /// <summary>The public page, also for a participant who asks for it (<c>?view=public</c>) to see what others see.</summary>
    public bool ShowsPublicPage { get; private set; }
    public List<Organisation> Organisations { get; private set; } = [];
    public List<string> ThemeNames { get; private set; } = [];
    public List<(int Id, string Title)> Needs { get; private set; } = [];
    public List<WorkspaceMeeting> Upcoming { get; private set; } = [];
    public List<ActionRow> OpenActions { get; private set; } = [];
    public DateTimeOffset? PreviousVisit { get; private set; }
    public List<ActivityItem> Changes { get; private set; } = [];
    /// <summary>Whether the participant has left this workspace out of her weekly digest.</summary>
    public bool DigestOff { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? view, CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is { } closed && Viewer is null) return closed;
        var viewer = Viewer;
        ShowsPublicPage = !viewer.CanRead || view == "public";
        if (ShowsPublicPage && !viewer.Workspace.IsPublic) return viewer.CanRead ? Redirect($"/workspaces/{viewer.Workspace.Slug}") : Closed();
        var id = viewer.Workspace.Id;
        Organisations = await catalogue.OrganisationsAsync(id, cancellationToken);
        ThemeNames = await catalogue.ThemeNamesAsync(id, cancellationToken);
        Needs = await catalogue.NeedsAsync(id, cancellationToken);
        if (ShowsPublicPage) return Page();
        var now = clock.GetUtcNow();
        Upcoming = await meetings.UpcomingAsync(id, now, 3, cancellationToken);
        OpenActions = await meetings.ActionsOfWorkspaceAsync(id, done: false, 10, cancellationToken);
        if (viewer.Role is not null)
        {
            (PreviousVisit, DigestOff) = await catalogue.VisitAsync(id, viewer.UserId!, cancellationToken);
            if (PreviousVisit is { } since) Changes = await activity.SinceAsync(id, viewer.Workspace.Slug, since, cancellationToken);
        }
        return Page();
    }

    /// <summary>Leaves the workspace out of the participant's weekly digest, or takes it back in.</summary>
    public async Task<IActionResult> OnPostDigestAsync(bool off, CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is { } closed) return closed;
        // A coordinator who does not take part has no digest of the workspace to change.
        if (Viewer.Role is not null)
        {
            await digests.SetAsync(Workspace.Id, Viewer.UserId!, off, cancellationToken);
            TempData["Notice"] = w[off ? "DigestTurnedOff" : "DigestTurnedOn"].Value;
        }
        return Redirect($"/workspaces/{Workspace.Slug}#digest-title");
    }
}
