using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Events;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Needs.Answers;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Places;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Needs;

/// <summary>
/// <c>/needs/plan</c>: the triagers' backlog, by supports or age, filtered by state, theme and region, for a planning
/// meeting that marks several needs planned for a season at once; and its spreadsheet.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public class PlanModel(NeedCatalogue needs, NeedTriage triage, NeedAnswers answers, FeedbackForNeeds feedback, EventCatalogue events,
    Municipalities municipalities, AuditLog audit, TimeProvider clock, IStringLocalizer<NeedsText> n) : PageModel
{
    public const int Shown = 200;

    [BindProperty(SupportsGet = true)] public NeedState? State { get; set; }
    [BindProperty(SupportsGet = true)] public int? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    [BindProperty] public List<int> Chosen { get; set; } = [];
    [BindProperty, Required(ErrorMessage = "Required"), StringLength(100, ErrorMessage = "TooLong"), Display(Name = "Needs_Season")]
    public string? Season { get; set; }
    /// <summary>An upcoming event that the planned needs are linked to, when the meeting plans one for them.</summary>
    [BindProperty] public int? LinkEvent { get; set; }

    public List<Need> Backlog { get; private set; } = [];
    public List<EventTheme> Themes { get; private set; } = [];
    public List<string> Regions { get; private set; } = [];
    /// <summary>How many feedback answers stand behind each need of the backlog.</summary>
    public Dictionary<int, int> FeedbackCounts { get; private set; } = [];
    public List<Event> UpcomingEvents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await triage.MayTriageAsync(User, cancellationToken)) return Forbid();
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        if (!await triage.MayTriageAsync(User, cancellationToken)) return Forbid();
        await LoadAsync(cancellationToken);
        var language = Languages.Current;
        string[] header = [n["Title"], n["Kind"], n["State"], n["Supports"], n["FeedbackAnswers"], n["Raised"], n["Themes"], n["Municipality"], n["Address"]];
        var rows = Backlog.Select(x => (IReadOnlyList<string>)
        [
            x.Title, n.KindName(x.Kind), n.StateName(x.State), x.SupportCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            FeedbackCounts.GetValueOrDefault(x.Id).ToString(System.Globalization.CultureInfo.InvariantCulture),
            HelsinkiTime.Date(x.RaisedAt), string.Join(", ", x.Themes.Select(t => t.Theme!.Name)),
            municipalities.Find(x.MunicipalityCode)?.Name(language) ?? "", $"/needs/{x.Id}",
        ]).ToList();
        await audit.RecordNowAsync("needs.backlog-exported", "needs", $"{rows.Count} needs", cancellationToken: cancellationToken);
        return File(SafeSpreadsheet.Xlsx(n["PlanTitle"], header, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "tarpeet.xlsx");
    }

    /// <summary>Marks the chosen needs planned for a season: each moves as far as its own state allows, and the page says
    /// which could not (already planned, answered, or changed meanwhile).</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await triage.MayTriageAsync(User, cancellationToken)) return Forbid();
        if (Chosen.Count == 0) ModelState.AddModelError(nameof(Chosen), n["ChooseNeeds"]);
        UpcomingEvents = await UpcomingAsync(cancellationToken);
        if (LinkEvent is { } eventId && UpcomingEvents.All(e => e.Id != eventId)) ModelState.AddModelError(nameof(LinkEvent), n["UnknownEvent"]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var chosen = await needs.Public().Where(x => Chosen.Contains(x.Id)).Select(x => new { x.Id, x.Title, x.Revision, x.State }).ToListAsync(cancellationToken);
        var refused = new List<string>();
        foreach (var need in chosen)
        {
            // Only a need not yet in the plan goes into it: one a colleague has put in progress or answered stays there.
            // The season is the public note as typed, so that it reads the same in every language.
            var result = need.State is NeedState.New or NeedState.UnderConsideration
                ? await triage.MoveAsync(User, need.Id, need.Revision, NeedState.Planned, Season!.Trim(), null, cancellationToken)
                : TriageResult.NotAllowed;
            if (result != TriageResult.Done) refused.Add(need.Title);
            // The event is linked to every chosen need that is still open, planned now or before.
            if (LinkEvent is { } linked && (result == TriageResult.Done || need.State is NeedState.Planned or NeedState.InProgress))
                await answers.LinkAsync(User, need.Id, EventAnswers.Kind, linked, cancellationToken);
        }
        TempData["Notice"] = refused.Count == 0
            ? n.Count("PlannedDone", chosen.Count).Value
            : n.Count("PlannedDone", chosen.Count - refused.Count).Value + " " + n["PlannedRefused", string.Join(", ", refused)].Value;
        return Redirect("/needs/plan" + Request.QueryString);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Themes = await events.ThemesAsync(cancellationToken);
        var language = Languages.Current;
        Regions = [.. municipalities.All.Select(m => m.Region(language)).Distinct().Order()];
        var backlog = needs.Public().Where(x => x.State != NeedState.Merged);
        backlog = State is { } state ? backlog.Where(x => x.State == state)
            : backlog.Where(x => x.State == NeedState.New || x.State == NeedState.UnderConsideration || x.State == NeedState.Planned);
        if (Theme is { } theme) backlog = backlog.Where(x => x.Themes.Any(t => t.ThemeId == theme));
        if (Region is { Length: > 0 } region)
        {
            var codes = municipalities.All.Where(m => m.Region(language) == region).Select(m => m.Code).ToList();
            backlog = backlog.Where(x => x.MunicipalityCode != null && codes.Contains(x.MunicipalityCode));
        }
        backlog = Sort == "oldest" ? backlog.OrderBy(x => x.RaisedAt) : backlog.OrderByDescending(x => x.SupportCount).ThenBy(x => x.RaisedAt);
        Backlog = await backlog.Take(Shown).Include(x => x.Themes).ThenInclude(t => t.Theme).AsSplitQuery().ToListAsync(cancellationToken);
        FeedbackCounts = await feedback.CountsAsync([.. Backlog.Select(x => x.Id)], cancellationToken);
        if (UpcomingEvents.Count == 0) UpcomingEvents = await UpcomingAsync(cancellationToken);
    }

    /// <summary>The published events still to come, soonest first: the ones a planning meeting links needs to.</summary>
    private Task<List<Event>> UpcomingAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return events.VisibleTo(Viewer.Anonymous).Where(e => e.StartsAt > now).OrderBy(e => e.StartsAt).Take(100).AsNoTracking().ToListAsync(cancellationToken);
    }
}
