using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Workspaces;

/// <summary><c>/workspaces</c>: the signed-in person's workspaces and the invitations waiting for her, every workspace
/// for coordinators, and the published workspaces for everyone.</summary>
[AllowAnonymous]
public class IndexModel(WorkspaceCatalogue catalogue, WorkspacePeople people, IStringLocalizer<WorkspacesText> w) : PageModel
{
    public List<WorkspaceCard> Mine { get; private set; } = [];
    public List<WorkspaceCard> All { get; private set; } = [];
    public List<WorkspaceCard> Published { get; private set; } = [];
    public List<WaitingInvitation> Waiting { get; private set; } = [];
    public bool IsCoordinator => User.IsInRole(Roles.Coordinator);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            Mine = await catalogue.MineAsync(userId, cancellationToken);
            Waiting = await people.WaitingForAsync(userId, cancellationToken);
        }
        if (IsCoordinator) All = await catalogue.AllAsync(cancellationToken);
        Published = await catalogue.PublicAsync(cancellationToken);
    }

    /// <summary>Accepts an invitation from the list: it must be addressed to her confirmed address.</summary>
    public async Task<IActionResult> OnPostAcceptAsync(int invitation, CancellationToken cancellationToken)
    {
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId) return Challenge();
        var (outcome, slug) = await people.AcceptAsync(userId, invitation, cancellationToken);
        if (outcome == PeopleOutcome.Done) return Redirect($"/workspaces/{slug}");
        TempData["Notice"] = w["InvitationNotValid"].Value;
        return Redirect("/workspaces");
    }
}
