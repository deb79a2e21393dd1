using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.My;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Workspaces;

/// <summary>On a person's own page and the front page: invitations waiting for her and her open actions, soonest
/// deadline first. Nothing for someone who takes part in no workspace.</summary>
internal sealed class MyWorkspacesPart(WorkspacePeople people, WorkspaceMeetings meetings, IStringLocalizer<WorkspacesText> w) : IMyPagePart
{
    public int Order => 15;
    public bool OnFrontPage => true;

    public async Task<MyPagePart?> LoadAsync(ClaimsPrincipal person, CancellationToken cancellationToken)
    {
        var userId = person.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var invitations = await people.WaitingForAsync(userId, cancellationToken);
        var actions = await meetings.ActionsOfOwnerAsync(userId, 5, cancellationToken);
        if (invitations.Count == 0 && actions.Count == 0) return null;
        List<MyThing> things =
        [
            .. invitations.Select(i => new MyThing(w["InvitationTo", i.WorkspaceName], "/workspaces", w.RoleName(i.Role))),
            .. actions.Select(a => new MyThing(a.Text, $"/workspaces/{a.WorkspaceSlug}/actions",
                w["DueOn", HelsinkiTime.Day(a.DueOn)] + " · " + a.WorkspaceName)),
        ];
        return new MyPagePart(w["MyActionsTitle"], things, null, [new MyLink(w["AllMyActions"], "/workspaces/actions"), new MyLink(w["MyWorkspaces"], "/workspaces")]);
    }
}
