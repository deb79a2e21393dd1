using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Workspaces.Project;

/// <summary><c>/workspaces/{slug}/reports</c>: the rounds of work monitoring and, for each, which sub-projects have
/// reported, who sent it and when — the lead's completeness view; leads open new rounds.</summary>
[Authorize(Policy = Policies.SignedIn)]
public class ReportsModel(WorkspaceAccess access, Reports reports, SubProjects subProjects, IStringLocalizer<WorkspacesText> w) : WorkspacePage(access)
{
    [BindProperty] public string? Period { get; set; }
    [BindProperty] public string? EndsOn { get; set; }
    [BindProperty] public string? DueOn { get; set; }

    public List<RoundRow> Rounds { get; private set; } = [];
    public List<SubProjectRow> SubProjects { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        if (!Viewer.CanLead) return Forbid();
        var period = Period?.Trim();
        if (string.IsNullOrEmpty(period)) ModelState.AddModelError(nameof(Period), w["PeriodRequired"]);
        else if (period.Length > ProjectLimits.Period) ModelState.AddModelError(nameof(Period), w["TooLong", w["Period"], ProjectLimits.Period]);
        var endsOn = Date(EndsOn);
        if (endsOn is null) ModelState.AddModelError(nameof(EndsOn), w["PeriodEndsOnRequired"]);
        var dueOn = Date(DueOn);
        if (dueOn is null) ModelState.AddModelError(nameof(DueOn), w["ReportDueRequired"]);
        if (!ModelState.IsValid) return Refused();
        var outcome = await reports.OpenRoundAsync(Viewer, period!, endsOn!.Value, dueOn!.Value, cancellationToken);
        switch (outcome)
        {
            case ReportOutcome.Done:
                TempData["Notice"] = w["RoundOpened", period!].Value;
                return Redirect($"/workspaces/{Workspace.Slug}/reports");
            case ReportOutcome.NotAllowed:
                return Forbid();
            default:
                ModelState.AddModelError(outcome == ReportOutcome.DueInPast ? nameof(DueOn) : nameof(Period), w["Report_" + outcome]);
                return Refused();
        }
    }

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is { } closed) return closed;
        if (Workspace.Method != WorkspaceMethod.Project) return NotFound();
        Rounds = await reports.RoundsAsync(Workspace.Id, cancellationToken);
        SubProjects = await subProjects.ListAsync(Workspace.Id, cancellationToken);
        return null;
    }

    public bool MayReport(int subProjectId) => SubProjects.FirstOrDefault(s => s.Id == subProjectId) is { } sub && Project.SubProjects.CanWorkOn(Viewer, sub);
}
