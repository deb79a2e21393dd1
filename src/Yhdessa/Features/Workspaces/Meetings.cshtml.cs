using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Workspaces;

/// <summary><c>/workspaces/{slug}/meetings</c>: the workspace's meetings, coming ones first, and the form of a new one.</summary>
[Authorize(Policy = Policies.SignedIn)]
public class MeetingsModel(WorkspaceAccess access, WorkspaceMeetings meetings, WorkspaceGroups groups, TimeProvider clock, IStringLocalizer<WorkspacesText> w)
    : WorkspacePage(access), IMeetingForm
{
    [BindProperty] public MeetingInput Input { get; set; } = new();
    /// <summary>The group whose meeting it is, and the group whose meetings the list shows.</summary>
    [BindProperty(SupportsGet = true)] public int? Group { get; set; }
    public List<GroupRow> Groups { get; private set; } = [];
    public List<WorkspaceMeeting> Coming { get; private set; } = [];
    public List<WorkspaceMeeting> Past { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is { } closed) return closed;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is { } closed) return closed;
        if (!Viewer.CanContribute) return Forbid();
        if (Input.Check(ModelState, w, "Input.") is not { } times)
        {
            await LoadAsync(cancellationToken);
            return Refused();
        }
        var (outcome, meeting) = await meetings.SaveAsync(Viewer, null, 0, Input.Title!.Trim(), times.Starts, times.Ends, TextInput.TrimToNull(Input.Place),
            TextInput.TrimToNull(Input.OnlineLink), Input.AgendaLines(), cancellationToken, Group);
        if (outcome == MemoOutcome.NotFound)
        {
            ModelState.AddModelError(nameof(Group), w["UnknownGroup"]);
            await LoadAsync(cancellationToken);
            return Refused();
        }
        TempData["Notice"] = w["MeetingAdded"].Value;
        return Redirect($"/workspaces/{Workspace.Slug}/meetings/{meeting!.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Groups = await groups.ListAsync(Workspace.Id, cancellationToken);
        var all = await meetings.ListAsync(Workspace.Id, cancellationToken);
        if (Request.Method == HttpMethods.Get && Group is { } shown) all = [.. all.Where(m => m.GroupId == shown)];
        var now = clock.GetUtcNow();
        Coming = [.. all.Where(m => m.EndsAt >= now).OrderBy(m => m.StartsAt)];
        Past = [.. all.Where(m => m.EndsAt < now)];
    }
}
