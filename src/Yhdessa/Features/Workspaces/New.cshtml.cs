using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Events;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Workspaces;

/// <summary><c>/workspaces/new</c>: a coordinator creates a workspace and names its leads by email. A lead with an
/// account takes part at once; anyone else gets an invitation to sign up and join as lead.</summary>
[Authorize(Policy = Policies.Coordinator)]
public class NewModel(WorkspaceCatalogue catalogue, WorkspacePeople people, EventCatalogue events, UserManager<User> users, YhdessaDb db,
    IStringLocalizer<WorkspacesText> w) : PageModel, IWorkspaceSettingsForm
{
    public const int MaxLeads = 10;

    [BindProperty] public WorkspaceInput Input { get; set; } = new() { Method = WorkspaceMethod.Project, Status = WorkspaceStatus.Planned };
    [BindProperty] public string? Leads { get; set; }
    public List<EventTheme> Themes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Themes = await events.ThemesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Themes = await events.ThemesAsync(cancellationToken);
        WorkspaceForm.Check(ModelState, Input, Themes, w);
        var leads = (Leads ?? "").Split(['\n', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(InputRules.CleanEmail).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (leads.Count == 0) ModelState.AddModelError(nameof(Leads), w["LeadsRequired"]);
        else if (leads.Count > MaxLeads) ModelState.AddModelError(nameof(Leads), w["TooManyLeads", MaxLeads]);
        else if (leads.FirstOrDefault(e => !InputRules.IsValidEmail(e)) is { } bad) ModelState.AddModelError(nameof(Leads), w["BadLeadEmail", bad]);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (outcome, workspace) = await catalogue.SaveAsync(null, Input, cancellationToken);
        if (outcome != SaveOutcome.Done)
        {
            ModelState.AddModelError("Input.Name", w["NameTaken"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var viewer = new WorkspaceViewer(workspace!, User.FindFirstValue(ClaimTypes.NameIdentifier), null, IsCoordinator: true);
        foreach (var email in leads)
        {
            var normalized = users.NormalizeEmail(email);
            var account = await db.Users.Where(u => u.NormalizedEmail == normalized && u.EmailConfirmed).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
            if (account is not null) people.Add(workspace!.Id, account, WorkspaceRole.Lead, null);
            else await people.InviteAsync(viewer, email, WorkspaceRole.Lead, null, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Redirect($"/workspaces/{workspace!.Slug}/people");
    }
}
