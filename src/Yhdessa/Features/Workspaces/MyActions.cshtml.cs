using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Workspaces;

/// <summary><c>/workspaces/actions</c>: the signed-in person's open actions in all her workspaces, soonest deadline
/// first, each marked done here with one press.</summary>
[Authorize(Policy = Policies.SignedIn)]
public class MyActionsModel(WorkspaceMeetings meetings, WorkspaceAccess access, IStringLocalizer<WorkspacesText> w) : PageModel
{
    public List<ActionRow> Open { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Open = await meetings.ActionsOfOwnerAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, 500, cancellationToken);

    public async Task<IActionResult> OnPostAsync(string workspace, int action, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(User, workspace, cancellationToken) is not { CanRead: true } viewer) return NotFound();
        var outcome = await meetings.SetDoneAsync(viewer, action, true, cancellationToken);
        if (outcome == MemoOutcome.NotFound) return NotFound();
        if (outcome == MemoOutcome.NotAllowed) return Forbid();
        TempData["Notice"] = w["ActionDone"].Value;
        return Redirect("/workspaces/actions");
    }
}
