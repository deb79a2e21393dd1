using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Network.People;

/// <summary>The signed-in person's own network profile. This is the only place where anyone can say that a
/// person is an expert by experience: the form edits the profile of whoever is signed in, and nobody else's.</summary>
[Authorize(Policy = Policies.SignedIn)]
public class ProfileModel(YhdessaDb db, IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<NetworkText> n) : PageModel
{
    public const int MaxAffiliations = 10;

    public sealed class AffiliationInput
    {
        public int? OrganisationId { get; set; }
        [StringLength(NetworkLimits.Title, ErrorMessage = "TooLong"), Display(Name = "Network_Title")]
        public string? Title { get; set; }
    }

    public sealed class ProfileInput
    {
        public bool IsPublic { get; set; }
        public bool IsExpertByExperience { get; set; }
        [StringLength(600, ErrorMessage = "TooLong"), Display(Name = "Network_Expertise")]
        public string? Expertise { get; set; }
        [StringLength(NetworkLimits.About, ErrorMessage = "TooLong"), Display(Name = "Network_About")]
        public string? About { get; set; }
        public List<AffiliationInput> Affiliations { get; set; } = [];
    }

    public sealed record OrganisationOption(int Id, string Name);

    [BindProperty] public ProfileInput Input { get; set; } = new();
    public IReadOnlyList<OrganisationOption> Organisations { get; private set; } = [];
    public int? ProfileId { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var profile = await db.PersonProfiles.AsNoTracking().Include(p => p.Affiliations)
            .FirstOrDefaultAsync(p => p.UserId == UserId, cancellationToken);
        if (profile is not null)
        {
            ProfileId = profile.Id;
            Input = new ProfileInput
            {
                IsPublic = profile.IsPublic,
                IsExpertByExperience = profile.IsExpertByExperience,
                Expertise = string.Join(", ", profile.Expertise),
                About = profile.About,
                Affiliations = profile.Affiliations
                    .Select(a => new AffiliationInput { OrganisationId = a.OrganisationId, Title = a.Title }).ToList(),
            };
        }
        await LoadOptionsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var tags = Tags.Parse(Input.Expertise);
        if (tags.Count > NetworkLimits.MaxTags) ModelState.AddModelError("Input.Expertise", n["TooManyTags", NetworkLimits.MaxTags]);
        if (tags.Any(t => t.Length > NetworkLimits.Tag)) ModelState.AddModelError("Input.Expertise", n["TagTooLong", NetworkLimits.Tag]);

        var chosen = Input.Affiliations.Where(a => a.OrganisationId is not null).ToList();
        if (chosen.Count > MaxAffiliations) ModelState.AddModelError("", n["TooManyAffiliations", MaxAffiliations]);
        var ids = chosen.Select(a => a.OrganisationId!.Value).Distinct().ToList();
        var known = await db.Organisations.Where(o => ids.Contains(o.Id)).Select(o => o.Id).ToListAsync(cancellationToken);
        if (known.Count != ids.Count) ModelState.AddModelError("", n["UnknownOrganisation"]);
        if (!ModelState.IsValid)
        {
            await LoadOptionsAsync(cancellationToken);
            return Page();
        }

        var profile = await db.PersonProfiles.Include(p => p.Affiliations).FirstOrDefaultAsync(p => p.UserId == UserId, cancellationToken);
        if (profile is null)
        {
            profile = new PersonProfile { UserId = UserId };
            db.PersonProfiles.Add(profile);
        }
        profile.IsPublic = Input.IsPublic;
        profile.IsExpertByExperience = Input.IsExpertByExperience;
        profile.Expertise = tags;
        profile.About = Input.About?.Trim() ?? "";
        profile.UpdatedAt = clock.GetUtcNow();
        profile.Affiliations.Clear();
        foreach (var a in chosen.DistinctBy(a => a.OrganisationId))
            profile.Affiliations.Add(new Affiliation { OrganisationId = a.OrganisationId!.Value, Title = a.Title?.Trim() ?? "" });
        await db.SaveChangesAsync(cancellationToken);
        await cache.EvictByTagAsync(PublicPages.Tag, cancellationToken);
        TempData["Notice"] = (string)n["ProfileSaved"];
        return Redirect("/network/profile");
    }

    private async Task LoadOptionsAsync(CancellationToken cancellationToken)
    {
        ProfileId ??= await db.PersonProfiles.Where(p => p.UserId == UserId).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        var organisations = await db.Organisations.AsNoTracking()
            .Select(o => new { o.Id, o.NameFi, o.NameSv, o.NameEn }).ToListAsync(cancellationToken);
        Organisations = organisations.Select(o => new OrganisationOption(o.Id, Localized.Pick(o.NameFi, o.NameSv, o.NameEn)))
            .OrderBy(o => o.Name, StringComparer.Create(Languages.FormattingCulture(Languages.Current), false)).ToList();
        // One empty row lets the person add an organisation without JavaScript.
        if (Input.Affiliations.Count < MaxAffiliations) Input.Affiliations.Add(new AffiliationInput());
    }
}

/// <summary>Free expertise tags, normalised so that "Asunto ensin" and " asunto  ENSIN" are one tag.</summary>
public static class Tags
{
    public static List<string> Parse(string? text) =>
        (text ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => string.Join(' ', t.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .Select(Search.Normalise)
            .Where(t => t.Length > 0)
            .Distinct()
            .ToList();
}
