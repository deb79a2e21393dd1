using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Network.Organisations;
using Yhdessa.Features.Network.Data;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Workspaces;

/// <summary><c>/workspaces/{slug}/people</c>: the workspace's people by organisation; leads invite by email, change
/// roles and organisations, remove people and cancel invitations; anyone may leave (but the last lead).</summary>
[Authorize(Policy = Policies.SignedIn)]
public class PeopleModel(WorkspaceAccess access, WorkspacePeople people, OrganisationDirectory organisations, IStringLocalizer<WorkspacesText> w)
    : WorkspacePage(access)
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public WorkspaceRole Role { get; set; } = WorkspaceRole.Member;
    [BindProperty] public int? Organisation { get; set; }

    public List<ParticipantRow> Participants { get; private set; } = [];
    public List<InvitationRow> Invitations { get; private set; } = [];
    public List<Organisation> OrganisationChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is { } closed) return closed;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is { } closed) return closed;
        if (!Viewer.CanLead) return Forbid();
        // A value the form never offers arrives as a binding error in English: said here in the reader's language.
        var badRole = ModelState[nameof(Role)]?.Errors.Count > 0;
        if (badRole) ModelState[nameof(Role)]!.Errors.Clear();
        if (ModelState[nameof(Organisation)]?.Errors.Count > 0)
        {
            ModelState[nameof(Organisation)]!.Errors.Clear();
            ModelState.AddModelError(nameof(Organisation), w["UnknownOrganisation"]);
        }
        if (badRole || !Enum.IsDefined(Role)) ModelState.AddModelError(nameof(Role), w["ChooseRole"]);
        if (Organisation is { } chosen && !await organisations.ExistsAsync(chosen, cancellationToken)) ModelState.AddModelError(nameof(Organisation), w["UnknownOrganisation"]);
        if (ModelState.IsValid)
        {
            var outcome = await people.InviteAsync(Viewer, Email, Role, Organisation, cancellationToken);
            if (outcome == PeopleOutcome.Done)
            {
                TempData["Notice"] = w["Invited", Email!.Trim()].Value;
                return Redirect($"/workspaces/{Workspace.Slug}/people");
            }
            ModelState.AddModelError(nameof(Email), outcome switch
            {
                PeopleOutcome.AlreadyParticipant => w["AlreadyParticipant"],
                PeopleOutcome.AlreadyInvited => w["AlreadyInvited"],
                _ => w["BadEmail"],
            });
        }
        await LoadAsync(cancellationToken);
        return Refused();
    }

    public async Task<IActionResult> OnPostChangeAsync(int participant, int revision, WorkspaceRole role, int? organisation, CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is { } closed) return closed;
        if (!Viewer.CanLead) return Forbid();
        if (organisation is { } chosen && !await organisations.ExistsAsync(chosen, cancellationToken)) return await RefuseAsync(w["UnknownOrganisation"], cancellationToken);
        if (!Enum.IsDefined(role)) return await RefuseAsync(w["ChooseRole"], cancellationToken);
        return await AfterAsync(await people.ChangeAsync(Viewer, participant, revision, role, organisation, cancellationToken), "RoleChanged", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int participant, CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is { } closed) return closed;
        var leaving = (await people.ParticipantsAsync(Workspace.Id, cancellationToken)).Any(p => p.Id == participant && p.UserId == Viewer.UserId);
        var outcome = await people.RemoveAsync(Viewer, participant, cancellationToken);
        if (outcome == PeopleOutcome.Done && leaving && !Viewer.IsCoordinator)
        {
            TempData["Notice"] = w["YouLeft", Workspace.Name].Value;
            return Redirect("/workspaces");
        }
        return await AfterAsync(outcome, "Removed", cancellationToken);
    }

    public async Task<IActionResult> OnPostCancelAsync(int invitation, CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is { } closed) return closed;
        return await AfterAsync(await people.CancelInvitationAsync(Viewer, invitation, cancellationToken), "InvitationCancelled", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(PeopleOutcome outcome, string done, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case PeopleOutcome.Done:
                TempData["Notice"] = w[done].Value;
                return Redirect($"/workspaces/{Workspace.Slug}/people");
            case PeopleOutcome.NotAllowed:
                return Forbid();
            case PeopleOutcome.NotFound:
                return NotFound();
            default:
                return await RefuseAsync(outcome == PeopleOutcome.LastLead ? w["LastLead"] : w["StalePeople"], cancellationToken);
        }
    }

    private async Task<IActionResult> RefuseAsync(string message, CancellationToken cancellationToken)
    {
        ModelState.AddModelError("", message);
        await LoadAsync(cancellationToken);
        return Refused();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Participants = await people.ParticipantsAsync(Workspace.Id, cancellationToken);
        if (Viewer.CanLead)
        {
            Invitations = await people.InvitationsAsync(Workspace.Id, cancellationToken);
            OrganisationChoices = await organisations.ChoicesAsync(cancellationToken);
        }
    }
}
