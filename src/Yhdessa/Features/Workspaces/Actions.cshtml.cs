using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Workspaces;

/// <summary><c>/workspaces/{slug}/actions</c>: the workspace's open actions by deadline and the latest done ones; an
/// action can be added here too, outside a meeting.</summary>
[Authorize(Policy = Policies.SignedIn)]
public class ActionsModel(WorkspaceAccess access, WorkspaceMeetings meetings, WorkspacePeople people, IStringLocalizer<WorkspacesText> w)
    : WorkspacePage(access), IActionForm
{
    public const int Shown = 200;

    [BindProperty] public string? ActionText { get; set; }
    [BindProperty] public string? ActionOwner { get; set; }
    [BindProperty] public DateOnly? ActionDue { get; set; }
    public List<ParticipantRow> Participants { get; private set; } = [];
    public List<ActionRow> Open { get; private set; } = [];
    public List<ActionRow> Done { get; private set; } = [];
    public string ActionPostUrl => $"/workspaces/{Workspace.Slug}/actions";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        if (!Viewer.CanContribute) return Forbid();
        if (ActionForm.Check(ModelState, ActionText, ActionOwner, ActionDue, w) is not { } due) return Refused();
        var outcome = await meetings.AddActionAsync(Viewer, null, ActionText!.Trim(), ActionOwner!, due, cancellationToken);
        if (outcome == MemoOutcome.Done)
        {
            TempData["Notice"] = w["ActionAdded"].Value;
            return Redirect(ActionPostUrl);
        }
        if (outcome == MemoOutcome.NotParticipant) ModelState.AddModelError(nameof(ActionOwner), w["OwnerNotParticipant"]);
        else ModelState.AddModelError(nameof(ActionDue), w["DeadlinePassed"]);
        return Refused();
    }

    public async Task<IActionResult> OnPostDoneAsync(int action, bool done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        var outcome = await meetings.SetDoneAsync(Viewer, action, done, cancellationToken);
        if (outcome == MemoOutcome.NotFound) return NotFound();
        if (outcome == MemoOutcome.NotAllowed) return Forbid();
        TempData["Notice"] = w[done ? "ActionDone" : "ActionReopened"].Value;
        return Redirect(ActionPostUrl);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is { } closed) return closed;
        Participants = await people.ParticipantsAsync(Workspace.Id, cancellationToken);
        Open = await meetings.ActionsOfWorkspaceAsync(Workspace.Id, done: false, Shown, cancellationToken);
        Done = await meetings.ActionsOfWorkspaceAsync(Workspace.Id, done: true, 50, cancellationToken);
        return null;
    }
}
