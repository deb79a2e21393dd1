using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Workspaces;

/// <summary>
/// <c>/workspaces/{slug}/year?year=2026</c>: the year clock — a circle of the year's months with its dates (a picture for
/// those who see it) and the same dates as a list by month (for everyone, and what screen readers read) — its milestones,
/// and the secret calendar-feed address.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public class YearModel(WorkspaceAccess access, WorkspaceYear clockYear, TimeProvider clock, IStringLocalizer<WorkspacesText> w,
    Microsoft.Extensions.Options.IOptions<Platform.Data.PlatformOptions> options) : WorkspacePage(access)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public string? MilestoneTitle { get; set; }
    [BindProperty] public MilestoneKind Kind { get; set; } = MilestoneKind.Reporting;
    [BindProperty] public MilestoneRepeat Repeat { get; set; } = MilestoneRepeat.Once;
    [BindProperty] public DateOnly? StartsOn { get; set; }
    [BindProperty] public DateOnly? EndsOn { get; set; }

    public int ShownYear { get; private set; }
    public List<YearDate> Dates { get; private set; } = [];
    public List<WorkspaceMilestone> Milestones { get; private set; } = [];
    public string? FeedUrl { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        if (!Viewer.CanContribute) return Forbid();
        foreach (var (field, message) in new[] { (nameof(StartsOn), "BadDate"), (nameof(EndsOn), "BadDate"), (nameof(Kind), "ChooseKind"), (nameof(Repeat), "ChooseRepeat") })
            if (ModelState[field]?.Errors.Count > 0)
            {
                ModelState[field]!.Errors.Clear();
                ModelState.AddModelError(field, w[message]);
            }
        if (string.IsNullOrWhiteSpace(MilestoneTitle)) ModelState.AddModelError(nameof(MilestoneTitle), w["MilestoneTitleRequired"]);
        else if (MilestoneTitle.Trim().Length > WorkspaceLimits.Title) ModelState.AddModelError(nameof(MilestoneTitle), w["TooLong", w["MilestoneTitle"], WorkspaceLimits.Title]);
        if (StartsOn is null && ModelState[nameof(StartsOn)]?.Errors.Count is null or 0) ModelState.AddModelError(nameof(StartsOn), w["DateRequired"]);
        if (StartsOn is { } starts && EndsOn is { } ends && ends < starts) ModelState.AddModelError(nameof(EndsOn), w["EndsBeforeStarts"]);
        if (StartsOn is { } s2 && EndsOn is { } e2 && e2.DayNumber - s2.DayNumber > 366) ModelState.AddModelError(nameof(EndsOn), w["WindowTooLong"]);
        if (!Enum.IsDefined(Kind)) ModelState.AddModelError(nameof(Kind), w["ChooseKind"]);
        if (!Enum.IsDefined(Repeat)) ModelState.AddModelError(nameof(Repeat), w["ChooseRepeat"]);
        if (await clockYear.CountAsync(Workspace.Id, cancellationToken) >= WorkspaceLimits.Milestones)
            ModelState.AddModelError(nameof(MilestoneTitle), w["TooManyMilestones", WorkspaceLimits.Milestones]);
        if (!ModelState.IsValid) return Refused();
        await clockYear.AddAsync(Viewer, MilestoneTitle!.Trim(), Kind, Repeat, StartsOn!.Value, EndsOn, cancellationToken);
        TempData["Notice"] = w["MilestoneAdded"].Value;
        return Redirect($"/workspaces/{Workspace.Slug}/year?year={StartsOn!.Value.Year}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int milestone, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        if (!Viewer.CanContribute) return Forbid();
        // Removing twice (a double press) removes once; an id of another workspace removes nothing.
        if (await clockYear.RemoveAsync(Viewer, milestone, cancellationToken)) TempData["Notice"] = w["MilestoneRemoved"].Value;
        return Redirect($"/workspaces/{Workspace.Slug}/year?year={ShownYear}");
    }

    /// <summary>A new secret address (the old one stops working), or no feed at all: leads and coordinators.</summary>
    public async Task<IActionResult> OnPostFeedAsync(bool on, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        if (!Viewer.CanLead) return Forbid();
        await clockYear.SetFeedAsync(Viewer, on, cancellationToken);
        TempData["Notice"] = w[on ? "FeedRenewed" : "FeedTurnedOff"].Value;
        return Redirect($"/workspaces/{Workspace.Slug}/year#feed-title");
    }

    public async Task<IActionResult> OnPostNetworkEventsAsync(bool shown, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        if (!Viewer.CanLead) return Forbid();
        await clockYear.SetNetworkEventsAsync(Viewer, shown, cancellationToken);
        return Redirect($"/workspaces/{Workspace.Slug}/year?year={ShownYear}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is { } closed) return closed;
        var thisYear = HelsinkiTime.ToHelsinki(clock.GetUtcNow()).Year;
        ShownYear = Year is { } asked && asked >= 2000 && asked <= 2100 ? asked : thisYear;
        Dates = await clockYear.DatesAsync(Workspace, ShownYear, cancellationToken);
        Milestones = await clockYear.MilestonesAsync(Workspace.Id, cancellationToken);
        FeedUrl = Workspace.CalendarToken is { } token ? $"{options.Value.BaseUrl.TrimEnd('/')}/workspaces/calendar/{token}" : null;
        Today = DateOnly.FromDateTime(HelsinkiTime.ToHelsinki(clock.GetUtcNow()).DateTime);
        return null;
    }
}
