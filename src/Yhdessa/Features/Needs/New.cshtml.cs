using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Events;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Features.Network.Data;
using Yhdessa.Features.Network.Organisations;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Places;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Needs;

/// <summary>
/// <c>/needs/new</c>: a member raises a training need, a development need or a weak signal, public at once. A visitor
/// without an account raises one too, with her email address: the need is public once she confirms it by the link
/// mailed to her (<see cref="VisitorNeeds"/>).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(NeedsSetup.VisitorRateLimit)]
public class NewModel(NeedCatalogue needs, VisitorNeeds visitors, NeedSimilarity similarity, EventCatalogue events, OrganisationDirectory directory,
    Municipalities municipalities, IStringLocalizer<NeedsText> n) : PageModel
{
    public sealed class NeedInput
    {
        [Required(ErrorMessage = "Required"), Display(Name = "Needs_Kind")]
        public NeedKind? Kind { get; set; }
        [Required(ErrorMessage = "Required"), StringLength(NeedLimits.Title, ErrorMessage = "TooLong"), Display(Name = "Needs_Title")]
        public string Title { get; set; } = "";
        [Required(ErrorMessage = "Required"), StringLength(NeedLimits.Description, ErrorMessage = "TooLong"), Display(Name = "Needs_Description")]
        public string Description { get; set; } = "";
        public List<int> ThemeIds { get; set; } = [];
        public string? MunicipalityCode { get; set; }
        public int? OrganisationId { get; set; }
        public bool ShowName { get; set; } = true;
        /// <summary>A visitor's address, where the confirmation link goes.</summary>
        public string? Email { get; set; }
        /// <summary>Whether the similar needs have been shown: the first send shows them, the second saves.</summary>
        public bool SimilarShown { get; set; }
    }

    [BindProperty] public NeedInput Input { get; set; } = new();
    public List<EventTheme> Themes { get; private set; } = [];
    public List<Organisation> Organisations { get; private set; } = [];
    public IReadOnlyList<Municipality> MunicipalityChoices { get; private set; } = [];
    /// <summary>Needs like this one, shown before it is saved so that she may support one instead.</summary>
    public List<SimilarNeed> Similar { get; private set; } = [];
    public bool IsVisitor => User.Identity?.IsAuthenticated != true;
    /// <summary>Where a visitor's confirmation link went, once the need is saved.</summary>
    public string? SentTo { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        SentTo = TempData["NeedSentTo"] as string;
        await LoadChoicesAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        Input.Title = Input.Title?.Trim() ?? "";
        Input.Description = Input.Description?.Trim() ?? "";
        Input.MunicipalityCode = TextInput.TrimToNull(Input.MunicipalityCode);
        Input.ThemeIds = [.. Input.ThemeIds.Distinct()];
        if (Input.ThemeIds.Any(id => Themes.All(t => t.Id != id)) || Input.ThemeIds.Count > NeedLimits.MaxThemes)
            ModelState.AddModelError("Input.ThemeIds", n["UnknownTheme"]);
        if (Input.MunicipalityCode is { } code && municipalities.Find(code) is null)
            ModelState.AddModelError("Input.MunicipalityCode", n["UnknownMunicipality"]);
        Organisation? organisation = null;
        if (IsVisitor)
        {
            // A visitor speaks for no organisation and shows no name: nothing she says of herself can be checked.
            (Input.OrganisationId, Input.ShowName) = (null, false);
            Input.Email = InputRules.CleanEmail(Input.Email ?? "");
            if (Input.Email.Length == 0) ModelState.AddModelError("Input.Email", n["EmailRequired"]);
            else if (!InputRules.IsValidEmail(Input.Email) || Input.Email.Length > NeedLimits.Email) ModelState.AddModelError("Input.Email", n["EmailInvalid"]);
        }
        else if (Input.OrganisationId is { } organisationId && (organisation = Organisations.Find(o => o.Id == organisationId)) is null)
            ModelState.AddModelError("Input.OrganisationId", n["UnknownOrganisation"]);
        if (!ModelState.IsValid) return Page();
        if (!Input.SimilarShown)
        {
            Input.SimilarShown = true;
            Similar = await similarity.SimilarAsync(Input.Title + " " + Input.Description, 5, cancellationToken);
            if (Similar.Count > 0) return Page();
        }

        if (IsVisitor)
        {
            var need = new Need
            {
                Kind = Input.Kind!.Value, Title = Input.Title, Description = Input.Description, MunicipalityCode = Input.MunicipalityCode,
            };
            switch (await visitors.RaiseAsync(need, Input.ThemeIds, Input.Email!, cancellationToken))
            {
                case VisitorNeedResult.TooManyForAddress:
                    ModelState.AddModelError("Input.Email", n["TooManyWaitingForAddress", VisitorNeeds.WaitingPerAddress]);
                    return Page();
                case VisitorNeedResult.TooManyWaiting:
                    ModelState.AddModelError("", n["TooManyWaiting"]);
                    return Page();
            }
            // Sent and then shown by a redirect, so that reloading the page sends nothing twice.
            TempData["NeedSentTo"] = Input.Email;
            return Redirect("/needs/new?sent=true");
        }

        var raised = await needs.RaiseAsync(new Need
        {
            Kind = Input.Kind!.Value, Title = Input.Title, Description = Input.Description, MunicipalityCode = Input.MunicipalityCode,
            OrganisationId = organisation?.Id, RaisedFromSector = organisation?.Sector, RaiserNameShown = Input.ShowName,
            RaisedById = User.FindFirstValue(ClaimTypes.NameIdentifier),
        }, Input.ThemeIds, cancellationToken);
        TempData["Notice"] = (string)n["NeedRaised"];
        return Redirect($"/needs/{raised.Id}");
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Themes = await events.ThemesAsync(cancellationToken);
        Organisations = await directory.ChoicesAsync(cancellationToken);
        MunicipalityChoices = municipalities.Sorted(Platform.Localization.Languages.Current);
    }
}
