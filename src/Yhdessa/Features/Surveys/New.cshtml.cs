using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Surveys.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Surveys;

/// <summary>A new survey as a copy of the event feedback template (<c>/surveys/new</c>), to be edited next.</summary>
[Authorize(Policy = Policies.Coordinator)]
public class NewModel(SurveyService surveys, AuditLog audit, IStringLocalizer<SurveyText> s) : PageModel
{
    public sealed class NewInput
    {
        [Required(ErrorMessage = "Required"), StringLength(SurveyLimits.Title, ErrorMessage = "TooLong"), Display(Name = "Surveys_TitleFi")]
        public string TitleFi { get; set; } = "";
        [StringLength(SurveyLimits.Title, ErrorMessage = "TooLong"), Display(Name = "Surveys_TitleSv")]
        public string? TitleSv { get; set; }
        [StringLength(SurveyLimits.Title, ErrorMessage = "TooLong"), Display(Name = "Surveys_TitleEn")]
        public string? TitleEn { get; set; }
        [Required(ErrorMessage = "Required"), StringLength(SurveyLimits.Owner, ErrorMessage = "TooLong"), Display(Name = "Surveys_OwnerKind")]
        public string OwnerKind { get; set; } = "event";
        [Required(ErrorMessage = "Required"), StringLength(SurveyLimits.Owner, ErrorMessage = "TooLong"), Display(Name = "Surveys_OwnerId")]
        public string OwnerId { get; set; } = "";
        [StringLength(SurveyLimits.Owner, ErrorMessage = "TooLong"), Display(Name = "Surveys_Series")]
        public string? Series { get; set; }
    }

    [BindProperty] public NewInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return Page();
        var survey = await surveys.CreateFromTemplateAsync(Input.OwnerKind.Trim(), Input.OwnerId.Trim(), TextInput.TrimToNull(Input.Series),
            Input.TitleFi.Trim(), TextInput.TrimToNull(Input.TitleSv), TextInput.TrimToNull(Input.TitleEn), cancellationToken);
        await audit.RecordNowAsync("survey.created", "survey:" + survey.Id, cancellationToken: cancellationToken);
        TempData["Notice"] = (string)s["SurveyCreated"];
        return Redirect("/surveys/" + survey.Id);
    }
}
