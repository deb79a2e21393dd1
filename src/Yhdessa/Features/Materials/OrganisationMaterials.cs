using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Features.Network.Organisations;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Materials;

/// <summary>On an organisation's page: the published materials it wrote, latest first, and the way to all of them.</summary>
internal sealed class OrganisationMaterials(YhdessaDb db, IStringLocalizer<MaterialsText> m) : IOrganisationWork
{
    public int Order => 20;

    public async Task<OrganisationWorkPart?> LoadAsync(int organisationId, ClaimsPrincipal viewer, CancellationToken cancellationToken)
    {
        var theirs = db.Materials.AsNoTracking().Where(x => x.Status == MaterialStatus.Published
            && db.Set<MaterialAuthor>().Any(a => a.MaterialId == x.Id && a.OrganisationId == organisationId));
        var count = await theirs.CountAsync(cancellationToken);
        if (count == 0) return null;
        var latest = await theirs.OrderByDescending(x => x.PublicationDate).ThenByDescending(x => x.Id).Take(10).ToListAsync(cancellationToken);
        return new OrganisationWorkPart(m["OrganisationMaterials"], [.. latest.Select(x => new OrganisationWorkItem(x.Title, $"/materials/{x.Slug}",
                $"{m.TypeName(x.Type)} · {HelsinkiTime.Day(x.PublicationDate)}", x.Language == Languages.Current ? null : x.Language))],
            new OrganisationWorkLink(m.Count("OrganisationMaterialsAll", count).Value, $"/materials?organisation={organisationId}&sort=newest"));
    }
}
