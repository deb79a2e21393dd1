using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform;

namespace Yhdessa.Features.Workspaces;

/// <summary>
/// <c>/workspaces/join/{token}</c>: the link of an invitation. A visitor is asked to sign in, or to sign up with the
/// invited address (the invitation then waits for her on <c>/workspaces</c>); a signed-in person with the invited
/// address joins with one press. The link alone is not enough: it may have been forwarded.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PlatformSetup.AccountRateLimit)]
public class JoinModel(WorkspacePeople people) : PageModel
{
    [FromRoute] public string Token { get; set; } = "";
    public WorkspaceInvitation? Invitation { get; private set; }
    public string WorkspaceName { get; private set; } = "";
    public bool WrongAddress { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId) return Challenge();
        if (!await LoadAsync(cancellationToken))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        var (outcome, slug) = await people.AcceptAsync(userId, Invitation!.Id, cancellationToken);
        if (outcome == PeopleOutcome.Done) return Redirect($"/workspaces/{slug}");
        WrongAddress = outcome == PeopleOutcome.OtherAddress;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await people.ByTokenAsync(Token, cancellationToken) is not { } found) return false;
        (Invitation, WorkspaceName, _) = found;
        return true;
    }
}
