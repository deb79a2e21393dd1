using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Surveys.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Surveys;

/// <summary>A survey's coordinator page (<c>/surveys/{id}</c>): its texts and closing day, its questions (add,
/// remove, reorder), opening and closing, and inviting people.</summary>
[Authorize(Policy = Policies.Coordinator)]
public class EditModel(YhdessaDb db, SurveyService surveys, SurveyOwners owners, ISurveyInvitations invitations, AuditLog audit,
    IStringLocalizer<SurveyText> s) : PageModel
{
    public sealed class SurveyInput
    {
        [Required(ErrorMessage = "Required"), StringLength(SurveyLimits.Title, ErrorMessage = "TooLong"), Display(Name = "Surveys_TitleFi")]
        public string TitleFi { get; set; } = "";
        [StringLength(SurveyLimits.Title, ErrorMessage = "TooLong"), Display(Name = "Surveys_TitleSv")]
        public string? TitleSv { get; set; }
        [StringLength(SurveyLimits.Title, ErrorMessage = "TooLong"), Display(Name = "Surveys_TitleEn")]
        public string? TitleEn { get; set; }
        [StringLength(SurveyLimits.Intro, ErrorMessage = "TooLong"), Display(Name = "Surveys_IntroFi")]
        public string? IntroFi { get; set; }
        [StringLength(SurveyLimits.Intro, ErrorMessage = "TooLong"), Display(Name = "Surveys_IntroSv")]
        public string? IntroSv { get; set; }
        [StringLength(SurveyLimits.Intro, ErrorMessage = "TooLong"), Display(Name = "Surveys_IntroEn")]
        public string? IntroEn { get; set; }
        [Display(Name = "Surveys_ClosesOn")]
        public DateOnly? ClosesOn { get; set; }
        [StringLength(SurveyLimits.Owner, ErrorMessage = "TooLong"), Display(Name = "Surveys_Series")]
        public string? Series { get; set; }
    }

    public sealed class InviteInput
    {
        [Required(ErrorMessage = "Required"), StringLength(20000, ErrorMessage = "TooLong"), Display(Name = "Surveys_Recipients")]
        public string Recipients { get; set; } = "";
        [Required(ErrorMessage = "Required"), Display(Name = "Surveys_Language")]
        public string Language { get; set; } = Languages.Finnish;
    }

    public SurveyInput Input { get; set; } = new();
    public InviteInput Invite { get; set; } = new();
    public Survey Survey { get; private set; } = null!;
    public SurveyOwner Owner { get; private set; } = null!;
    public bool Answered { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Input = new SurveyInput
        {
            TitleFi = Survey.TitleFi, TitleSv = Survey.TitleSv, TitleEn = Survey.TitleEn, IntroFi = Survey.IntroFi,
            IntroSv = Survey.IntroSv, IntroEn = Survey.IntroEn, ClosesOn = Survey.ClosesOn, Series = Survey.Series,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [Bind(Prefix = "Input")] SurveyInput input, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Input = input;
        // A date the browser could not send as a date gets the platform's own words, not the framework's English.
        if (ModelState.TryGetValue("Input.ClosesOn", out var closes) && closes.Errors.Count > 0)
        {
            closes.Errors.Clear();
            ModelState.AddModelError("Input.ClosesOn", s["BadDate"]);
        }
        if (!ModelState.IsValid) return Page();
        Survey.TitleFi = input.TitleFi.Trim();
        Survey.TitleSv = TextInput.TrimToNull(input.TitleSv);
        Survey.TitleEn = TextInput.TrimToNull(input.TitleEn);
        Survey.IntroFi = TextInput.TrimToNull(input.IntroFi);
        Survey.IntroSv = TextInput.TrimToNull(input.IntroSv);
        Survey.IntroEn = TextInput.TrimToNull(input.IntroEn);
        Survey.ClosesOn = input.ClosesOn;
        Survey.Series = TextInput.TrimToNull(input.Series);
        return await SavedAsync("survey.edited", "SurveySaved", cancellationToken);
    }

    public async Task<IActionResult> OnPostOpenAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var incomplete = Survey.Questions.FirstOrDefault(q => !IsComplete(q));
        if (Survey.Questions.Count == 0 || incomplete is not null)
        {
            ModelState.AddModelError("", incomplete is null ? s["NoQuestions"] : s["QuestionIncomplete", incomplete.Position]);
            FillInput();
            return Page();
        }
        Survey.Status = SurveyStatus.Open;
        return await SavedAsync("survey.opened", "SurveyOpened", cancellationToken);
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Survey.Status = SurveyStatus.Closed;
        return await SavedAsync("survey.closed", "SurveyClosed", cancellationToken);
    }

    public async Task<IActionResult> OnPostAddAsync(int id, QuestionKind? kind, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (kind is not { } k || !Enum.IsDefined(k)) return Refused("kind", "ChooseKind");
        if (Answered) return Refused("", "QuestionsLocked");
        if (Survey.Questions.Count >= SurveyLimits.MaxQuestions) return Refused("", "TooManyQuestions");
        var question = await surveys.AddQuestionAsync(Survey, k, cancellationToken);
        return Redirect($"/surveys/{id}/questions/{question.Id}");
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int questionId, int step, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (Answered) return Refused("", "QuestionsLocked");
        await surveys.MoveQuestionAsync(Survey, questionId, Math.Sign(step), cancellationToken);
        return Redirect($"/surveys/{id}#questions");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int questionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (Answered) return Refused("", "QuestionsLocked");
        await surveys.RemoveQuestionAsync(Survey, questionId, cancellationToken);
        TempData["Notice"] = (string)s["QuestionRemoved"];
        return Redirect($"/surveys/{id}#questions");
    }

    public async Task<IActionResult> OnPostInviteAsync(int id, [Bind(Prefix = "Invite")] InviteInput invite, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Invite = invite;
        FillInput();
        if (!ModelState.IsValid) return Page();
        if (!Languages.All.Contains(invite.Language)) return Refused("Invite.Language", "ChooseLanguage");
        var recipients = new List<SurveyRecipient>();
        foreach (var line in SurveyQuestion.Lines(invite.Recipients))
        {
            // "Name <address>" or a bare address.
            if (!MailAddress.TryCreate(line, out var address) || address.Address.Length > 256)
                return Refused("Invite.Recipients", "BadRecipient", line);
            recipients.Add(new SurveyRecipient(address.Address, address.DisplayName, invite.Language));
        }
        var links = await invitations.InviteAsync(id, recipients, cancellationToken);
        await audit.RecordNowAsync("survey.invited", "survey:" + id, $"{links.Count} invited", cancellationToken: cancellationToken);
        TempData["Notice"] = (string)s["Invited", links.Count];
        return Redirect($"/surveys/{id}");
    }

    public static bool IsComplete(SurveyQuestion question) =>
        !string.IsNullOrWhiteSpace(question.TextFi)
        && (question.Kind is not (QuestionKind.SingleChoice or QuestionKind.MultipleChoice) || question.Options("fi").Count >= 2);

    private IActionResult Refused(string field, string textKey, params object[] arguments)
    {
        ModelState.AddModelError(field, s[textKey, arguments]);
        FillInput();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private void FillInput()
    {
        if (!string.IsNullOrEmpty(Input.TitleFi)) return;
        Input = new SurveyInput
        {
            TitleFi = Survey.TitleFi, TitleSv = Survey.TitleSv, TitleEn = Survey.TitleEn, IntroFi = Survey.IntroFi,
            IntroSv = Survey.IntroSv, IntroEn = Survey.IntroEn, ClosesOn = Survey.ClosesOn, Series = Survey.Series,
        };
    }

    private async Task<IActionResult> SavedAsync(string action, string notice, CancellationToken cancellationToken)
    {
        audit.Record(action, "survey:" + Survey.Id);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = (string)s[notice];
        return Redirect("/surveys/" + Survey.Id);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await surveys.FindAsync(id, cancellationToken) is not { } survey) return false;
        Survey = survey;
        Owner = (await owners.NamesAsync([(survey.OwnerKind, survey.OwnerId)], cancellationToken))(survey.OwnerKind, survey.OwnerId);
        Answered = await surveys.HasResponsesAsync(id, cancellationToken);
        return true;
    }
}
