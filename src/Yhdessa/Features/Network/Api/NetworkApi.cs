using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Network.Data;
using Yhdessa.Features.Network.Organisations;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Places;

namespace Yhdessa.Features.Network.Api;

public sealed record ApiOrganisation(int Id, string Slug, string NameFi, string? NameSv, string? NameEn, string Sector,
    string? MunicipalityCode, string? Municipality, string? Website, string Url);

public sealed record ApiOrganisationDetails(int Id, string Slug, string NameFi, string? NameSv, string? NameEn, string Sector,
    string? MunicipalityCode, string? Municipality, string? Region, string? WellbeingServicesCounty, string? Website,
    string Description, string Url);

public sealed record ApiGroup(int Id, string Slug, string Kind, string NameFi, string? NameSv, string? NameEn,
    string DescriptionFi, string? DescriptionSv, string? DescriptionEn, string Joining, int MemberCount, string Url);

public sealed record ApiList<T>(int Total, int Page, int PageSize, IReadOnlyList<T> Items);

/// <summary>
/// The public JSON API of the network directory. It carries only what the public pages show of
/// organisations and groups: no people and no email addresses, ever.
/// </summary>
public static class NetworkApi
{
    public static IEndpointRouteBuilder MapNetworkApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").AllowAnonymous().WithTags("Network");

        api.MapGet("/organisations", async Task<Results<Ok<ApiList<ApiOrganisation>>, ValidationProblem>> (
                OrganisationDirectory directory, Municipalities municipalities, IStringLocalizer<NetworkText> n,
                CancellationToken cancellationToken, string? q, string? sector, string? municipality, int page = 1, int pageSize = 20) =>
            {
                var errors = new Dictionary<string, string[]>();
                Sector? sectorFilter = null;
                if (!string.IsNullOrWhiteSpace(sector))
                {
                    if (Enum.TryParse<Sector>(sector, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)) sectorFilter = parsed;
                    else errors["sector"] = [n["ApiUnknownSector", string.Join(", ", Enum.GetNames<Sector>())]];
                }
                if (!string.IsNullOrWhiteSpace(municipality) && municipalities.Find(municipality) is null)
                    errors["municipality"] = [n["ApiUnknownMunicipality"]];
                if (pageSize is < 1 or > 100) errors["pageSize"] = [n["ApiPageSize"]];
                if (page < 1) errors["page"] = [n["ApiPage"]];
                // In the request's language (?culture=, the language cookie or Accept-Language), like the pages.
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: n["ApiInvalidQuery"]);

                var result = await directory.SearchAsync(
                    new DirectoryQuery(q, sectorFilter, municipality?.Trim(), page, pageSize), cancellationToken);
                var items = result.Items.Select(o => new ApiOrganisation(o.Id, o.Slug, o.NameFi, o.NameSv, o.NameEn,
                    o.Sector.ToString(), o.MunicipalityCode, municipalities.Find(o.MunicipalityCode)?.NameFi, o.Website,
                    "/network/organisations/" + o.Slug)).ToList();
                return TypedResults.Ok(new ApiList<ApiOrganisation>(result.Total, result.Page, result.PageSize, items));
            })
            .WithName("ListOrganisations")
            .WithSummary("Organisations of the network, searched by name (any language) and filtered by sector and municipality code.");

        api.MapGet("/organisations/{key}", async Task<Results<Ok<ApiOrganisationDetails>, NotFound>> (
                string key, OrganisationDirectory directory, Municipalities municipalities, CancellationToken cancellationToken) =>
            {
                var o = await directory.FindAsync(key, cancellationToken);
                if (o is null) return TypedResults.NotFound();
                var m = municipalities.Find(o.MunicipalityCode);
                return TypedResults.Ok(new ApiOrganisationDetails(o.Id, o.Slug, o.NameFi, o.NameSv, o.NameEn, o.Sector.ToString(),
                    o.MunicipalityCode, m?.NameFi, m?.RegionFi, m?.WellbeingCountyFi, o.Website, o.Description,
                    "/network/organisations/" + o.Slug));
            })
            .WithName("GetOrganisation")
            .WithSummary("One organisation by id or slug.");

        api.MapGet("/groups", async Task<Ok<ApiList<ApiGroup>>> (YhdessaDb db, CancellationToken cancellationToken) =>
            {
                var groups = await db.Groups.AsNoTracking()
                    .OrderBy(g => g.NameFi)
                    .Select(g => new
                    {
                        Group = g,
                        Members = db.GroupMemberships.Count(m => m.GroupId == g.Id && m.Status == MembershipStatus.Member),
                    })
                    .ToListAsync(cancellationToken);
                var items = groups.Select(x => new ApiGroup(x.Group.Id, x.Group.Slug, x.Group.Kind.ToString(), x.Group.NameFi,
                    x.Group.NameSv, x.Group.NameEn, x.Group.DescriptionFi, x.Group.DescriptionSv, x.Group.DescriptionEn,
                    x.Group.Joining.ToString(), x.Members, "/network/groups/" + x.Group.Slug)).ToList();
                return TypedResults.Ok(new ApiList<ApiGroup>(items.Count, 1, Math.Max(1, items.Count), items));
            })
            .WithName("ListGroups")
            .WithSummary("The groups of the network with their member counts; never who the members are.");

        return app;
    }
}
