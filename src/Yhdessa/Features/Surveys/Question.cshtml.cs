using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Surveys.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Surveys;

/// <summary>One question's texts in three languages (<c>/surveys/{id}/questions/{questionId}</c>).</summary>
[Authorize(Policy = Policies.Coordinator)]
public class QuestionModel(YhdessaDb db, SurveyService surveys, AuditLog audit, IStringLocalizer<SurveyText> s) : PageModel
{
    public sealed class QuestionInput
    {
        [Required(ErrorMessage = "Required"), StringLength(SurveyLimits.Question, ErrorMessage = "TooLong"), Display(Name = "Surveys_TextFi")]
        public string TextFi { get; set; } = "";
        [StringLength(SurveyLimits.Question, ErrorMessage = "TooLong"), Display(Name = "Surveys_TextSv")]
        public string? TextSv { get; set; }
        [StringLength(SurveyLimits.Question, ErrorMessage = "TooLong"), Display(Name = "Surveys_TextEn")]
        public string? TextEn { get; set; }
        public bool Required { get; set; }
        /// <summary>A free-text question whose answers the needs' triagers read as possible needs.</summary>
        public bool ReadForNeeds { get; set; }
        [StringLength(SurveyLimits.Label, ErrorMessage = "TooLong"), Display(Name = "Surveys_LowLabelFi")]
        public string? LowLabelFi { get; set; }
        [StringLength(SurveyLimits.Label, ErrorMessage = "TooLong"), Display(Name = "Surveys_LowLabelSv")]
        public string? LowLabelSv { get; set; }
        [StringLength(SurveyLimits.Label, ErrorMessage = "TooLong"), Display(Name = "Surveys_LowLabelEn")]
        public string? LowLabelEn { get; set; }
        [StringLength(SurveyLimits.Label, ErrorMessage = "TooLong"), Display(Name = "Surveys_HighLabelFi")]
        public string? HighLabelFi { get; set; }
        [StringLength(SurveyLimits.Label, ErrorMessage = "TooLong"), Display(Name = "Surveys_HighLabelSv")]
        public string? HighLabelSv { get; set; }
        [StringLength(SurveyLimits.Label, ErrorMessage = "TooLong"), Display(Name = "Surveys_HighLabelEn")]
        public string? HighLabelEn { get; set; }
        [StringLength(SurveyLimits.Options, ErrorMessage = "TooLong"), Display(Name = "Surveys_OptionsFi")]
        public string? OptionsFi { get; set; }
        [StringLength(SurveyLimits.Options, ErrorMessage = "TooLong"), Display(Name = "Surveys_OptionsSv")]
        public string? OptionsSv { get; set; }
        [StringLength(SurveyLimits.Options, ErrorMessage = "TooLong"), Display(Name = "Surveys_OptionsEn")]
        public string? OptionsEn { get; set; }
    }

    [BindProperty] public QuestionInput Input { get; set; } = new();
    public Survey Survey { get; private set; } = null!;
    public SurveyQuestion Question { get; private set; } = null!;
    public bool IsChoice => Question.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice;

    public async Task<IActionResult> OnGetAsync(int id, int questionId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, questionId, cancellationToken) is { } refused) return refused;
        var q = Question;
        Input = new QuestionInput
        {
            TextFi = q.TextFi, TextSv = q.TextSv, TextEn = q.TextEn, Required = q.Required, ReadForNeeds = q.ReadForNeeds,
            LowLabelFi = q.LowLabelFi, LowLabelSv = q.LowLabelSv, LowLabelEn = q.LowLabelEn,
            HighLabelFi = q.HighLabelFi, HighLabelSv = q.HighLabelSv, HighLabelEn = q.HighLabelEn,
            OptionsFi = q.OptionsFi, OptionsSv = q.OptionsSv, OptionsEn = q.OptionsEn,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int questionId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, questionId, cancellationToken) is { } refused) return refused;
        if (IsChoice)
        {
            var count = SurveyQuestion.Lines(Input.OptionsFi).Count;
            if (count < 2) ModelState.AddModelError("Input.OptionsFi", s["OptionsTooFew"]);
            if (count > SurveyLimits.MaxOptions) ModelState.AddModelError("Input.OptionsFi", s["OptionsTooMany", SurveyLimits.MaxOptions]);
            foreach (var (field, text) in new[] { ("Input.OptionsSv", Input.OptionsSv), ("Input.OptionsEn", Input.OptionsEn) })
                if (!string.IsNullOrWhiteSpace(text) && SurveyQuestion.Lines(text).Count != count)
                    ModelState.AddModelError(field, s["OptionsCountDiffers"]);
        }
        if (!ModelState.IsValid) return Page();
        var q = Question;
        q.TextFi = Input.TextFi.Trim();
        q.TextSv = TextInput.TrimToNull(Input.TextSv);
        q.TextEn = TextInput.TrimToNull(Input.TextEn);
        q.Required = Input.Required;
        q.ReadForNeeds = q.Kind == QuestionKind.FreeText && Input.ReadForNeeds;
        var rating = q.Kind == QuestionKind.Rating;
        q.LowLabelFi = rating ? TextInput.TrimToNull(Input.LowLabelFi) : null;
        q.LowLabelSv = rating ? TextInput.TrimToNull(Input.LowLabelSv) : null;
        q.LowLabelEn = rating ? TextInput.TrimToNull(Input.LowLabelEn) : null;
        q.HighLabelFi = rating ? TextInput.TrimToNull(Input.HighLabelFi) : null;
        q.HighLabelSv = rating ? TextInput.TrimToNull(Input.HighLabelSv) : null;
        q.HighLabelEn = rating ? TextInput.TrimToNull(Input.HighLabelEn) : null;
        q.OptionsFi = IsChoice ? string.Join('\n', SurveyQuestion.Lines(Input.OptionsFi)) : null;
        q.OptionsSv = IsChoice ? TextInput.TrimToNull(string.Join('\n', SurveyQuestion.Lines(Input.OptionsSv))) : null;
        q.OptionsEn = IsChoice ? TextInput.TrimToNull(string.Join('\n', SurveyQuestion.Lines(Input.OptionsEn))) : null;
        audit.Record("survey.question.edited", "survey:" + id, "question:" + q.Id);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = (string)s["QuestionSaved"];
        return Redirect($"/surveys/{id}#questions");
    }

    private async Task<IActionResult?> LoadAsync(int id, int questionId, CancellationToken cancellationToken)
    {
        if (await surveys.FindAsync(id, cancellationToken) is not { } survey) return NotFound();
        if (survey.Questions.FirstOrDefault(q => q.Id == questionId) is not { } question) return NotFound();
        Survey = survey;
        Question = question;
        if (await surveys.HasResponsesAsync(id, cancellationToken))
        {
            TempData["Notice"] = (string)s["QuestionsLocked"];
            return Redirect($"/surveys/{id}");
        }
        return null;
    }
}
