using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Workspaces.Project;

/// <summary><c>/workspaces/{slug}/subprojects</c>: the project's sub-projects, each with its organisation, lead and team;
/// the project's leads add, change and remove them.</summary>
[Authorize(Policy = Policies.SignedIn)]
public class SubProjectsModel(WorkspaceAccess access, SubProjects subProjects, WorkspacePeople people, IStringLocalizer<WorkspacesText> w)
    : WorkspacePage(access)
{
    [BindProperty] public int? SubProject { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public int? Organisation { get; set; }
    [BindProperty] public string? Lead { get; set; }
    [BindProperty, ValidateNever] public List<string> Team { get; set; } = [];

    public List<SubProjectRow> SubProjects { get; private set; } = [];
    public List<ParticipantRow> Participants { get; private set; } = [];
    /// <summary>The organisations the project's people take part for: a sub-project belongs to one of them.</summary>
    public List<(int Id, string Name)> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        if (!Viewer.CanLead) return Forbid();
        if (string.IsNullOrWhiteSpace(Name)) ModelState.AddModelError(nameof(Name), w["SubProjectNameRequired"]);
        else if (Name.Trim().Length > WorkspaceLimits.Title) ModelState.AddModelError(nameof(Name), w["TooLong", w["SubProjectName"], WorkspaceLimits.Title]);
        if (Organisation is null)
        {
            ModelState.Remove(nameof(Organisation));
            ModelState.AddModelError(nameof(Organisation), w["SubProjectOrganisationRequired"]);
        }
        if (!ModelState.IsValid) return Refused();
        var lead = string.IsNullOrWhiteSpace(Lead) ? null : Lead;
        var outcome = await subProjects.SaveAsync(Viewer, SubProject, Name!.Trim(), Organisation!.Value, lead, Team, cancellationToken);
        switch (outcome)
        {
            case SubProjectOutcome.Done:
                TempData["Notice"] = w[SubProject is null ? "SubProjectAdded" : "SubProjectSaved"].Value;
                return Redirect($"/workspaces/{Workspace.Slug}/subprojects");
            case SubProjectOutcome.NotFound:
                return NotFound();
            case SubProjectOutcome.NotAllowed:
                return Forbid();
            default:
                var (field, message) = outcome switch
                {
                    SubProjectOutcome.NameTaken => (nameof(Name), w["SubProjectNameTaken"]),
                    SubProjectOutcome.UnknownOrganisation => (nameof(Organisation), w["SubProjectOrganisationRequired"]),
                    _ => (nameof(Team), w["MemberNotParticipant"]),
                };
                ModelState.AddModelError(field, message);
                return Refused();
        }
    }

    public async Task<IActionResult> OnPostRemoveAsync(int subProject, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        var outcome = await subProjects.RemoveAsync(Viewer, subProject, cancellationToken);
        if (outcome == SubProjectOutcome.NotAllowed) return Forbid();
        if (outcome == SubProjectOutcome.NotFound) return NotFound();
        if (outcome == SubProjectOutcome.InUse)
        {
            ModelState.AddModelError("", w["SubProjectInUse"]);
            return Refused();
        }
        TempData["Notice"] = w["SubProjectRemoved"].Value;
        return Redirect($"/workspaces/{Workspace.Slug}/subprojects");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is { } closed) return closed;
        if (Workspace.Method != WorkspaceMethod.Project) return NotFound();
        SubProjects = await subProjects.ListAsync(Workspace.Id, cancellationToken);
        Participants = await people.ParticipantsAsync(Workspace.Id, cancellationToken);
        Organisations = [.. Participants.Where(p => p.OrganisationId is not null).Select(p => (p.OrganisationId!.Value, p.OrganisationName!))
            .Concat(SubProjects.Select(s => (s.OrganisationId, s.OrganisationName))).Distinct().OrderBy(o => o.Item2)];
        return null;
    }
}
