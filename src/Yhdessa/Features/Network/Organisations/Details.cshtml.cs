using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Places;

namespace Yhdessa.Features.Network.Organisations;

[AllowAnonymous]
[OutputCache(PolicyName = PublicPages.Policy)]
public class DetailsModel(OrganisationDirectory directory, YhdessaDb db, Municipalities municipalities, IEnumerable<IOrganisationWork> work)
    : PageModel
{
    public sealed record PersonRow(int ProfileId, string Name, string Title);
    public sealed record GroupRow(string Slug, string NameFi, string? NameSv, string? NameEn)
    {
        public string Name => Localized.Pick(NameFi, NameSv, NameEn);
        public string? NameFallbackLanguage => Localized.FallbackLanguage(NameSv, NameEn);
    }

    public Organisation Organisation { get; private set; } = null!;
    public Municipality? Municipality { get; private set; }
    public IReadOnlyList<PersonRow> People { get; private set; } = [];
    public IReadOnlyList<GroupRow> Groups { get; private set; } = [];
    /// <summary>Its events, materials and so on, from the features that own them.</summary>
    public List<OrganisationWorkPart> Work { get; } = [];

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        var organisation = await directory.FindAsync(key, cancellationToken);
        if (organisation is null) return NotFound();
        Organisation = organisation;
        Municipality = municipalities.Find(organisation.MunicipalityCode);

        // Only people who made their profile public; never anyone else, whoever is looking.
        People = await (
                from a in db.Affiliations
                where a.OrganisationId == organisation.Id
                join p in db.PersonProfiles on a.ProfileId equals p.Id
                where p.IsPublic
                join u in db.Users on p.UserId equals u.Id
                orderby u.DisplayName
                select new PersonRow(p.Id, u.DisplayName, a.Title))
            .ToListAsync(cancellationToken);

        // Groups in which the organisation's public people take part, where the group shows its members publicly.
        Groups = await (
                from a in db.Affiliations
                where a.OrganisationId == organisation.Id
                join p in db.PersonProfiles on a.ProfileId equals p.Id
                where p.IsPublic
                join m in db.GroupMemberships on p.UserId equals m.UserId
                where m.Status == MembershipStatus.Member
                join g in db.Groups on m.GroupId equals g.Id
                where g.Visibility == MembershipVisibility.Public
                select new GroupRow(g.Slug, g.NameFi, g.NameSv, g.NameEn))
            .Distinct()
            .ToListAsync(cancellationToken);
        Groups = Groups.OrderBy(g => g.Name).ToList();
        foreach (var part in work.OrderBy(w => w.Order))
            if (await part.LoadAsync(organisation.Id, User, cancellationToken) is { } loaded) Work.Add(loaded);
        return Page();
    }
}
