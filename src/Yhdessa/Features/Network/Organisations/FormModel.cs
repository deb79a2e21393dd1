using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Places;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Network.Organisations;

/// <summary>Coordinators add an organisation (<c>/network/organisations/new</c>) or edit one
/// (<c>/network/organisations/{key}/edit</c>, New.cshtml and Edit.cshtml share this model and _Form.cshtml).</summary>
[Authorize(Policy = Policies.Coordinator)]
public class FormModel(
    YhdessaDb db, OrganisationDirectory directory, Municipalities municipalities, AuditLog audit,
    IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<NetworkText> n) : PageModel
{
    public sealed class OrganisationInput
    {
        [Required(ErrorMessage = "Required"), StringLength(NetworkLimits.Name, ErrorMessage = "TooLong")]
        [Display(Name = "Network_NameFi")]
        public string NameFi { get; set; } = "";

        [StringLength(NetworkLimits.Name, ErrorMessage = "TooLong"), Display(Name = "Network_NameSv")]
        public string? NameSv { get; set; }

        [StringLength(NetworkLimits.Name, ErrorMessage = "TooLong"), Display(Name = "Network_NameEn")]
        public string? NameEn { get; set; }

        [Required(ErrorMessage = "Required"), Display(Name = "Network_Sector")]
        public Sector? Sector { get; set; }

        [StringLength(3, ErrorMessage = "TooLong"), Display(Name = "Network_MunicipalityCode")]
        public string? MunicipalityCode { get; set; }

        [StringLength(NetworkLimits.Website, ErrorMessage = "TooLong"), Display(Name = "Network_Website")]
        public string? Website { get; set; }

        [StringLength(NetworkLimits.Description, ErrorMessage = "TooLong"), Display(Name = "Network_Description")]
        public string? Description { get; set; }
    }

    [BindProperty] public OrganisationInput Input { get; set; } = new();
    public Organisation? Existing { get; private set; }
    public string Heading => Existing is null ? n["NewOrganisation"] : n["EditOrganisationTitle", Existing.NameFi];
    public Municipalities Municipalities => municipalities;

    public async Task<IActionResult> OnGetAsync(string? key, CancellationToken cancellationToken)
    {
        if (key is not null)
        {
            Existing = await directory.FindAsync(key, cancellationToken);
            if (Existing is null) return NotFound();
            Input = new OrganisationInput
            {
                NameFi = Existing.NameFi, NameSv = Existing.NameSv, NameEn = Existing.NameEn, Sector = Existing.Sector,
                MunicipalityCode = Existing.MunicipalityCode, Website = Existing.Website, Description = Existing.Description,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? key, CancellationToken cancellationToken)
    {
        if (key is not null)
        {
            Existing = await directory.FindAsync(key, cancellationToken);
            if (Existing is null) return NotFound();
        }
        var code = TextInput.TrimToNull(Input.MunicipalityCode);
        if (code is not null && municipalities.Find(code) is null)
            ModelState.AddModelError("Input.MunicipalityCode", n["UnknownMunicipality"]);
        var website = TextInput.TrimToNull(Input.Website);
        if (website is not null && !TextInput.IsWebAddress(website))
            ModelState.AddModelError("Input.Website", n["WebsiteInvalid"]);
        if (Input.Sector is { } s && !Enum.IsDefined(s))
            ModelState.AddModelError("Input.Sector", n["ChooseSector"]);
        if (!ModelState.IsValid) return Page();

        var now = clock.GetUtcNow();
        var organisation = Existing ?? new Organisation { CreatedAt = now };
        organisation.SetNames(Input.NameFi.Trim(), TextInput.TrimToNull(Input.NameSv), TextInput.TrimToNull(Input.NameEn));
        organisation.Sector = Input.Sector!.Value;
        organisation.MunicipalityCode = code;
        organisation.Website = website;
        organisation.Description = Input.Description?.Trim() ?? "";
        organisation.UpdatedAt = now;
        if (Existing is null)
        {
            organisation.Slug = Slugs.FromName(organisation.NameFi);
            db.Organisations.Add(organisation);
        }
        audit.Record(Existing is null ? "network.organisation.created" : "network.organisation.edited",
            "organisation:" + organisation.Slug);
        if (!await db.SaveUnlessSlugTakenAsync(organisation, Existing is null, cancellationToken))
        {
            ModelState.AddModelError("Input.NameFi", n["OrganisationExists"]);
            return Page();
        }
        await cache.EvictByTagAsync(PublicPages.Tag, cancellationToken);

        TempData["Notice"] = (string)n["OrganisationSaved"];
        return Redirect("/network/organisations/" + organisation.Slug);
    }
}
