using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Events;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Web;

namespace Yhdessa.Features.Needs;

/// <summary>
/// <c>/needs/feedback</c>: the open answers of event feedback (topics wished for, what to develop) across events, for
/// the triagers; several chosen answers become one need, or go into an existing one, in one step.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public class FeedbackModel(FeedbackForNeeds feedback, NeedTriage triage, EventCatalogue events, YhdessaDb db, IStringLocalizer<NeedsText> n)
    : PageModel
{
    public const int PageSize = 50;

    public sealed class NeedFromFeedback
    {
        [Required(ErrorMessage = "Required"), Display(Name = "Needs_Kind")]
        public NeedKind? Kind { get; set; }
        [Required(ErrorMessage = "Required"), StringLength(NeedLimits.Title, ErrorMessage = "TooLong"), Display(Name = "Needs_Title")]
        public string Title { get; set; } = "";
        [Required(ErrorMessage = "Required"), StringLength(NeedLimits.Description, ErrorMessage = "TooLong"), Display(Name = "Needs_Description")]
        public string Description { get; set; } = "";
        public List<int> ThemeIds { get; set; } = [];
    }

    [BindProperty(SupportsGet = true)] public int? Series { get; set; }
    [BindProperty(SupportsGet = true)] public EventType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    /// <summary>Also the answers already in a need (by default only the ones still waiting are shown).</summary>
    [BindProperty(SupportsGet = true)] public bool All { get; set; }

    [BindProperty] public List<string> Chosen { get; set; } = [];
    [BindProperty] public NeedFromFeedback Input { get; set; } = new();
    [BindProperty] public int? AddTo { get; set; }

    public FeedbackAnswerPage Answers { get; private set; } = new(0, []);
    public int PageNumber { get; private set; } = 1;
    public List<EventSeries> SeriesChoices { get; private set; } = [];
    public List<EventTheme> Themes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await triage.MayTriageAsync(User, cancellationToken)) return Forbid();
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRaiseAsync(CancellationToken cancellationToken)
    {
        if (!await triage.MayTriageAsync(User, cancellationToken)) return Forbid();
        // Only the new need's fields count here; the other form's field is not this button's business.
        ModelState.Remove(nameof(AddTo));
        Input.Title = Input.Title?.Trim() ?? "";
        Input.Description = Input.Description?.Trim() ?? "";
        Input.ThemeIds = [.. Input.ThemeIds.Distinct()];
        Themes = await events.ThemesAsync(cancellationToken);
        if (Input.ThemeIds.Any(id => Themes.All(t => t.Id != id)) || Input.ThemeIds.Count > NeedLimits.MaxThemes)
            ModelState.AddModelError("Input.ThemeIds", n["UnknownTheme"]);
        if (Chosen.Count == 0) ModelState.AddModelError(nameof(Chosen), n["ChooseAnswers"]);
        if (!ModelState.IsValid) return await Refused(cancellationToken);
        var (result, needId) = await feedback.RaiseAsync(new Need
        {
            Kind = Input.Kind!.Value, Title = Input.Title, Description = Input.Description,
        }, Input.ThemeIds, Chosen, cancellationToken);
        if (result != FeedbackNeedResult.Done)
        {
            ModelState.AddModelError(nameof(Chosen), n[result == FeedbackNeedResult.AlreadyUsed ? "AnswersAlreadyUsed" : "ChooseAnswers"]);
            return await Refused(cancellationToken);
        }
        TempData["Notice"] = (string)n["NeedFromFeedbackDone"];
        return Redirect($"/needs/{needId}");
    }

    public async Task<IActionResult> OnPostAddToAsync(CancellationToken cancellationToken)
    {
        if (!await triage.MayTriageAsync(User, cancellationToken)) return Forbid();
        ModelState.Clear();
        if (Chosen.Count == 0) ModelState.AddModelError(nameof(Chosen), n["ChooseAnswers"]);
        if (AddTo is null) ModelState.AddModelError(nameof(AddTo), n["AddToRequired"]);
        if (!ModelState.IsValid) return await Refused(cancellationToken);
        var result = await feedback.AddToAsync(AddTo!.Value, Chosen, cancellationToken);
        if (result != FeedbackNeedResult.Done)
        {
            var (field, message) = result switch
            {
                FeedbackNeedResult.NeedNotFound => (nameof(AddTo), "AddToNotFound"),
                FeedbackNeedResult.AlreadyUsed => (nameof(Chosen), "AnswersAlreadyUsed"),
                _ => (nameof(Chosen), "ChooseAnswers"),
            };
            ModelState.AddModelError(field, n[message]);
            return await Refused(cancellationToken);
        }
        TempData["Notice"] = (string)n["FeedbackAddedDone"];
        return Redirect($"/needs/{AddTo}");
    }

    /// <summary>The page again with the errors, everything typed and chosen kept.</summary>
    private async Task<IActionResult> Refused(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (From is { } from && To is { } to && to < from) ModelState.AddModelError(nameof(To), n["PeriodBackwards"]);
        PageNumber = Math.Clamp(Pager.Requested(Request), 1, 1000);
        Themes = Themes.Count > 0 ? Themes : await events.ThemesAsync(cancellationToken);
        SeriesChoices = [.. (await db.EventSeries.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(s => s.Name)];
        Answers = await feedback.AnswersAsync(new FeedbackFilter(Series, Type, From, To, !All, PageNumber, PageSize), cancellationToken);
    }
}
