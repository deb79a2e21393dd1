using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Workspaces;

/// <summary><c>/workspaces/{slug}/groups</c>: a project's steering group and thematic groups, their members and meetings;
/// leads add, change and remove them.</summary>
[Authorize(Policy = Policies.SignedIn)]
public class GroupsModel(WorkspaceAccess access, WorkspaceGroups groups, WorkspacePeople people, IStringLocalizer<WorkspacesText> w) : WorkspacePage(access)
{
    [BindProperty] public int? Group { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public WorkspaceGroupKind Kind { get; set; } = WorkspaceGroupKind.Thematic;
    [BindProperty, ValidateNever] public List<string> Members { get; set; } = [];

    public List<GroupRow> Groups { get; private set; } = [];
    public List<ParticipantRow> Participants { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        if (!Viewer.CanLead) return Forbid();
        if (ModelState[nameof(Kind)]?.Errors.Count > 0 || !Enum.IsDefined(Kind))
        {
            ModelState[nameof(Kind)]?.Errors.Clear();
            ModelState.AddModelError(nameof(Kind), w["ChooseGroupKind"]);
        }
        if (string.IsNullOrWhiteSpace(Name)) ModelState.AddModelError(nameof(Name), w["GroupNameRequired"]);
        else if (Name.Trim().Length > WorkspaceLimits.Title) ModelState.AddModelError(nameof(Name), w["TooLong", w["GroupName"], WorkspaceLimits.Title]);
        if (!ModelState.IsValid) return Refused();
        var outcome = await groups.SaveAsync(Viewer, Group, Name!.Trim(), Kind, Members, cancellationToken);
        switch (outcome)
        {
            case GroupOutcome.Done:
                TempData["Notice"] = w[Group is null ? "GroupAdded" : "GroupSaved"].Value;
                return Redirect($"/workspaces/{Workspace.Slug}/groups");
            case GroupOutcome.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError(outcome == GroupOutcome.NameTaken ? nameof(Name) : nameof(Members),
                    outcome == GroupOutcome.NameTaken ? w["GroupNameTaken"] : w["MemberNotParticipant"]);
                return Refused();
        }
    }

    public async Task<IActionResult> OnPostRemoveAsync(int group, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        var outcome = await groups.RemoveAsync(Viewer, group, cancellationToken);
        if (outcome == GroupOutcome.NotAllowed) return Forbid();
        if (outcome == GroupOutcome.NotFound) return NotFound();
        TempData["Notice"] = w["GroupRemoved"].Value;
        return Redirect($"/workspaces/{Workspace.Slug}/groups");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is { } closed) return closed;
        Groups = await groups.ListAsync(Workspace.Id, cancellationToken);
        Participants = await people.ParticipantsAsync(Workspace.Id, cancellationToken);
        return null;
    }
}
