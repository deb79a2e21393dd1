using Microsoft.AspNetCore.OutputCaching;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Needs.Answers;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Features.Network.Organisations;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Places;

namespace Yhdessa.Features.Needs;

/// <summary><c>/needs/{id}</c>: a need, who wants it and what became of it; members support it here.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPages.Policy, Tags = [NeedPageCache.Tag])]
public class DetailsModel(NeedCatalogue needs, NeedSupports supports, NeedTriage triage, NeedFollowers followers, NeedAnswers answers,
    FeedbackForNeeds feedback, OrganisationDirectory directory,
    Municipalities municipalities, IStringLocalizer<NeedsText> n) : PageModel
{
    /// <summary>The triagers' forms: a move to another state, who looks after the need, a private note.</summary>
    public sealed class TriageInput
    {
        public int Revision { get; set; }
        public NeedState? To { get; set; }
        [StringLength(NeedLimits.DeclineReason, ErrorMessage = "TooLong"), Display(Name = "Needs_PublicNote")]
        public string? PublicNote { get; set; }
        public int? MergeInto { get; set; }
        public string? AssigneeId { get; set; }
        [StringLength(NeedLimits.TriageNote, ErrorMessage = "TooLong"), Display(Name = "Needs_TriageNote")]
        public string? Note { get; set; }
    }

    public const int CommentsShown = 50;

    public Need Need { get; private set; } = null!;
    /// <summary>The raiser's name, only when she chose to show it and her account still exists.</summary>
    public string? RaiserName { get; private set; }
    public string? OrganisationName { get; private set; }
    public string? MunicipalityName { get; private set; }
    public bool HasSupported { get; private set; }
    public bool IsFollowing { get; private set; }
    public List<SupportComment> Comments { get; private set; } = [];
    public List<NeedChange> History { get; private set; } = [];
    public bool MayTriage { get; private set; }
    public List<(string Id, string Name)> Triagers { get; private set; } = [];
    public List<(NeedTriageNote Note, string? Author)> Notes { get; private set; } = [];
    /// <summary>The events whose feedback the need came from, for everyone; the answers themselves, for the triagers.</summary>
    public List<FeedbackProvenance> FeedbackFrom { get; private set; } = [];
    public List<NeedFeedbackSource> FeedbackBehind { get; private set; } = [];

    [BindProperty] public TriageInput Triage { get; set; } = new();
    public List<ShownAnswer> Answers { get; private set; } = [];
    public IReadOnlyList<INeedAnswerKind> AnswerKinds => answers.Kinds;
    /// <summary>A triager's search for a record that answers the need: its kind and words, and what was found.</summary>
    [BindProperty(SupportsGet = true)] public string? AnswerKind { get; set; }
    [BindProperty(SupportsGet = true)] public string? AnswerWords { get; set; }
    public List<AnswerTarget>? AnswerChoices { get; private set; }

    [BindProperty, StringLength(NeedLimits.Comment, ErrorMessage = "TooLong"), Display(Name = "Needs_Comment")]
    public string? Comment { get; set; }

    private string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostSupportAsync(int id, CancellationToken cancellationToken)
    {
        if (UserId is not { } userId) return Challenge();
        if (!ModelState.IsValid) return await LoadAsync(id, cancellationToken) ?? Page();
        var result = await supports.SupportAsync(id, userId, Platform.Text.TextInput.TrimToNull(Comment), cancellationToken);
        return await AfterAsync(id, result, cancellationToken);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken cancellationToken)
    {
        if (UserId is not { } userId) return Challenge();
        return await AfterAsync(id, await supports.WithdrawAsync(id, userId, cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostFollowAsync(int id, CancellationToken cancellationToken)
    {
        if (UserId is not { } userId) return Challenge();
        if (await needs.FindAsync(id, cancellationToken) is not { } need) return NotFound();
        // A merged need lives on in the other one: following it means following that.
        id = need.MergedIntoId ?? id;
        await followers.FollowAsync(id, userId, cancellationToken);
        TempData["Notice"] = (string)n["Followed"];
        return Redirect($"/needs/{id}");
    }

    public async Task<IActionResult> OnPostUnfollowAsync(int id, CancellationToken cancellationToken)
    {
        if (UserId is not { } userId) return Challenge();
        TempData["Notice"] = (string)n[await followers.StopAsync(id, userId, cancellationToken) > 0 ? "Unfollowed" : "NotFollowing"];
        return Redirect($"/needs/{id}");
    }

    public async Task<IActionResult> OnPostLinkAnswerAsync(int id, string? kind, int targetId, CancellationToken cancellationToken)
    {
        if (UserId is null) return Challenge();
        if (!await triage.MayTriageAsync(User, cancellationToken)) return Forbid();
        var result = await answers.LinkAsync(User, id, kind ?? "", targetId, cancellationToken);
        return await AfterTriageAsync(id, result, "AnswerKind", "AnswerLinked", cancellationToken);
    }

    public async Task<IActionResult> OnPostUnlinkAnswerAsync(int id, int answerId, CancellationToken cancellationToken)
    {
        if (UserId is null) return Challenge();
        if (!await triage.MayTriageAsync(User, cancellationToken)) return Forbid();
        var result = await answers.UnlinkAsync(User, id, answerId, cancellationToken);
        return await AfterTriageAsync(id, result == TriageResult.NotFound ? TriageResult.Done : result, "AnswerKind", "AnswerUnlinked", cancellationToken);
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, CancellationToken cancellationToken)
    {
        if (UserId is null) return Challenge();
        if (!await triage.MayTriageAsync(User, cancellationToken)) return Forbid();
        if (Triage.To is not { } to) ModelState.AddModelError("Triage.To", n["ChooseState"]);
        if (!ModelState.IsValid) return await LoadAsync(id, cancellationToken, status: StatusCodes.Status400BadRequest) ?? Page();
        var result = await triage.MoveAsync(User, id, Triage.Revision, Triage.To!.Value, Triage.PublicNote, Triage.MergeInto, cancellationToken);
        return await AfterTriageAsync(id, result, "Triage.To", "NeedMoved", cancellationToken);
    }

    public async Task<IActionResult> OnPostAssignAsync(int id, CancellationToken cancellationToken)
    {
        if (UserId is null) return Challenge();
        if (!await triage.MayTriageAsync(User, cancellationToken)) return Forbid();
        var result = await triage.AssignAsync(User, id, Platform.Text.TextInput.TrimToNull(Triage.AssigneeId), cancellationToken);
        return await AfterTriageAsync(id, result, "Triage.AssigneeId", "NeedAssigned", cancellationToken);
    }

    public async Task<IActionResult> OnPostNoteAsync(int id, CancellationToken cancellationToken)
    {
        if (UserId is null) return Challenge();
        if (!await triage.MayTriageAsync(User, cancellationToken)) return Forbid();
        if (string.IsNullOrWhiteSpace(Triage.Note)) ModelState.AddModelError("Triage.Note", n["NoteEmpty"]);
        if (!ModelState.IsValid) return await LoadAsync(id, cancellationToken, status: StatusCodes.Status400BadRequest) ?? Page();
        var result = await triage.AddNoteAsync(User, id, Triage.Note!, cancellationToken);
        return await AfterTriageAsync(id, result, "Triage.Note", "NoteSaved", cancellationToken);
    }

    /// <summary>A refused change shows the page again with what was typed and why; a change made goes back to the need.</summary>
    private async Task<IActionResult> AfterTriageAsync(int id, TriageResult result, string field, string doneText, CancellationToken cancellationToken)
    {
        switch (result)
        {
            case TriageResult.Done:
                TempData["Notice"] = (string)n[doneText];
                return Redirect($"/needs/{id}");
            case TriageResult.NotFound:
                return NotFound();
            default:
                var status = result == TriageResult.Stale || result == TriageResult.Busy ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
                if (await LoadAsync(id, cancellationToken, status) is { } other) return other;
                var at = result switch
                {
                    TriageResult.Stale or TriageResult.Busy => "",
                    TriageResult.ReasonRequired => "Triage.PublicNote",
                    TriageResult.BadTarget when field == "Triage.To" => "Triage.MergeInto",
                    _ => field,
                };
                ModelState.AddModelError(at, n["Triage_" + result]);
                // What was typed stays; the form now carries the need as it is, which the page shows.
                Triage.Revision = Need.Revision;
                return Page();
        }
    }

    private async Task<IActionResult> AfterAsync(int id, SupportResult result, CancellationToken cancellationToken)
    {
        if (result == SupportResult.NotFound) return NotFound();
        if (result == SupportResult.Closed)
        {
            // A stale page: the need was answered, declined or merged after it was opened. Nothing is saved.
            if (await LoadAsync(id, cancellationToken) is { } missing) return missing;
            ModelState.AddModelError("", n["SupportClosed"]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        TempData["Notice"] = (string)n["Support_" + result];
        return Redirect($"/needs/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken, int? status = null)
    {
        if (await needs.FindAsync(id, cancellationToken) is not { } need) return NotFound();
        if (status is { } code) Response.StatusCode = code;
        // A merged need lives on in the one it was merged into.
        if (need.State == NeedState.Merged && need.MergedIntoId is { } target) return RedirectPermanent($"/needs/{target}");
        Need = need;
        RaiserName = (await needs.RaiserNamesAsync([need], cancellationToken)).GetValueOrDefault(need.Id);
        if (need.RaiserNameShown && need.OrganisationId is { } organisationId)
            OrganisationName = (await directory.FindAsync(organisationId, cancellationToken))?.Name;
        MunicipalityName = municipalities.Find(need.MunicipalityCode)?.Name(Platform.Localization.Languages.Current);
        HasSupported = UserId is { } userId && await supports.HasSupportedAsync(id, userId, cancellationToken);
        IsFollowing = UserId is { } follower && await followers.IsFollowingAsync(id, follower, cancellationToken);
        Comments = await supports.CommentsAsync(id, CommentsShown, cancellationToken);
        History = await triage.HistoryAsync(id, cancellationToken);
        Answers = await answers.ForNeedAsync(id, cancellationToken);
        FeedbackFrom = await feedback.ProvenanceAsync(id, cancellationToken);
        MayTriage = await triage.MayTriageAsync(User, cancellationToken);
        if (MayTriage)
        {
            FeedbackBehind = await feedback.BehindAsync(id, cancellationToken);
            Triagers = await triage.TriagersAsync(cancellationToken);
            Notes = await triage.NotesAsync(id, cancellationToken);
            if (answers.Kind(AnswerKind) is { } kind)
                AnswerChoices = await kind.SearchAsync(AnswerWords is { Length: > 200 } long_ ? long_[..200] : AnswerWords, 20, cancellationToken);
            // A triage form sent back keeps what was typed in it; any other answer shows the need as it is.
            if (HttpMethods.IsGet(Request.Method) || Triage is { To: null, PublicNote: null, Note: null, AssigneeId: null }) Triage = new TriageInput { Revision = need.Revision, AssigneeId = need.AssigneeId };
        }
        return null;
    }
}
