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
public class NewModel(SurveyService surveys, SurveyOwners owners, AuditLog audit, IStringLocalizer<SurveyText> s) : PageModel
{
    public sealed class NewInput
    {
        [Required(ErrorMessage = "Required"), StringLength(SurveyLimits.Title, ErrorMessage = "TooLong"), Display(Name = "Surveys_TitleFi")]
        public string TitleFi { get; set; } = "";
        [StringLength(SurveyLimits.Title, ErrorMessage = "TooLong"), Display(Name = "Surveys_TitleSv")]
        public string? TitleSv { get; set; }
        [StringLength(SurveyLimits.Title, ErrorMessage = "TooLong"), Display(Name = "Surveys_TitleEn")]
        public string? TitleEn { get; set; }
        /// <summary>What the survey belongs to, as "kind:id" from the choices offered (<see cref="SurveyOwners"/>).</summary>
        [Required(ErrorMessage = "Required"), Display(Name = "Surveys_Owner")]
        public string Owner { get; set; } = NetworkSurveys.Key + ":";
        [StringLength(SurveyLimits.Owner, ErrorMessage = "TooLong"), Display(Name = "Surveys_Series")]
        public string? Series { get; set; }
    }

    [BindProperty] public NewInput Input { get; set; } = new();

    /// <summary>The choices of the owner, by kind (e.g. the network's own surveys, then events).</summary>
    public List<(ISurveyOwnerKind Kind, IReadOnlyList<SurveyOwner> Choices)> OwnerChoices { get; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadChoicesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var owner = ModelState.IsValid ? await owners.ChosenAsync(Input.Owner, cancellationToken) : null;
        if (ModelState.IsValid && owner is null) ModelState.AddModelError("Input.Owner", s["OwnerNotOffered"]);
        if (!ModelState.IsValid || owner is not var (kind, ownerId))
        {
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }
        var survey = await surveys.CreateFromTemplateAsync(kind, ownerId, TextInput.TrimToNull(Input.Series),
            Input.TitleFi.Trim(), TextInput.TrimToNull(Input.TitleSv), TextInput.TrimToNull(Input.TitleEn), cancellationToken);
        await audit.RecordNowAsync("survey.created", "survey:" + survey.Id, cancellationToken: cancellationToken);
        TempData["Notice"] = (string)s["SurveyCreated"];
        return Redirect("/surveys/" + survey.Id);
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        foreach (var kind in owners.Kinds) OwnerChoices.Add((kind, await kind.ChoicesAsync(cancellationToken)));
    }
}
