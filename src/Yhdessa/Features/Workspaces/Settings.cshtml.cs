using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Events;
using Yhdessa.Features.Events.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Workspaces;

/// <summary><c>/workspaces/{slug}/settings</c>: the lead's and coordinators' form of the workspace's name, purpose,
/// method, dates, themes and public page, and the needs it answers.</summary>
[Authorize(Policy = Policies.SignedIn)]
public class SettingsModel(WorkspaceAccess access, WorkspaceCatalogue catalogue, EventCatalogue events, IStringLocalizer<WorkspacesText> w)
    : WorkspacePage(access), IWorkspaceSettingsForm
{
    [BindProperty] public WorkspaceInput Input { get; set; } = new();
    public List<EventTheme> Themes { get; private set; } = [];
    public List<(int Id, string Title)> Needs { get; private set; } = [];
    public List<(int Id, string Title)> OpenNeeds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LeadAsync(cancellationToken) is { } refused) return refused;
        var workspace = Workspace;
        Input = new WorkspaceInput
        {
            Name = workspace.Name, Purpose = workspace.Purpose, Method = workspace.Method, Status = workspace.Status, StartsOn = workspace.StartsOn,
            EndsOn = workspace.EndsOn, IsPublic = workspace.IsPublic, Outputs = workspace.Outputs, Revision = workspace.Revision,
            Themes = await catalogue.ThemeIdsAsync(workspace.Id, cancellationToken),
        };
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LeadAsync(cancellationToken) is { } refused) return refused;
        await LoadAsync(cancellationToken);
        WorkspaceForm.Check(ModelState, Input, Themes, w);
        if (!ModelState.IsValid) return Refused();
        var (outcome, _) = await catalogue.SaveAsync(Workspace, Input, cancellationToken);
        if (outcome == SaveOutcome.Stale)
        {
            ModelState.AddModelError("", w["StaleSettings"]);
            return Refused();
        }
        TempData["Notice"] = w["SettingsSaved"].Value;
        return Redirect($"/workspaces/{Workspace.Slug}/settings");
    }

    public async Task<IActionResult> OnPostLinkNeedAsync(int need, CancellationToken cancellationToken)
    {
        if (await LeadAsync(cancellationToken) is { } refused) return refused;
        if (!await catalogue.LinkNeedAsync(Workspace.Id, need, cancellationToken))
        {
            ModelState.AddModelError("need", w["UnknownNeed"]);
            await OnGetAsync(cancellationToken);
            return Refused();
        }
        return Redirect($"/workspaces/{Workspace.Slug}/settings#needs-title");
    }

    public async Task<IActionResult> OnPostUnlinkNeedAsync(int need, CancellationToken cancellationToken)
    {
        if (await LeadAsync(cancellationToken) is { } refused) return refused;
        await catalogue.UnlinkNeedAsync(Workspace.Id, need, cancellationToken);
        return Redirect($"/workspaces/{Workspace.Slug}/settings#needs-title");
    }

    private async Task<IActionResult?> LeadAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is { } closed) return closed;
        return Viewer.CanLead ? null : Forbid();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Themes = await events.ThemesAsync(cancellationToken);
        Needs = await catalogue.NeedsAsync(Workspace.Id, cancellationToken);
        OpenNeeds = [.. (await catalogue.OpenNeedsAsync(cancellationToken)).Where(n => Needs.All(x => x.Id != n.Id))];
    }
}
