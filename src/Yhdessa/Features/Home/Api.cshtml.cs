using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Home;

/// <summary><c>/api</c>: the open interface for people: what it offers, examples, the licence, the OpenAPI document and
/// the explorer (Swagger UI, served by the app at <c>/api/explorer</c>) where each call can be tried.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPages.Policy)]
public class ApiModel(Microsoft.Extensions.Options.IOptions<PlatformOptions> options) : PageModel
{
    /// <summary>The site's public address for the examples (never the Host header: the page is cached for everyone).</summary>
    public string BaseUrl => options.Value.BaseUrl.TrimEnd('/');

    /// <summary>An endpoint: its path, the key of its description, and an example to open.</summary>
    public sealed record Endpoint(string Path, string Text, string Example);

    public static readonly IReadOnlyList<Endpoint> Endpoints =
    [
        new("/api/v1/events", "ApiEvents", "/api/v1/events?type=Training&pageSize=5"),
        new("/api/v1/materials", "ApiMaterials", "/api/v1/materials?q=asumisneuvonta&pageSize=5"),
        new("/api/v1/organisations", "ApiOrganisations", "/api/v1/organisations?q=säätiö"),
        new("/api/v1/organisations/{key}", "ApiOrganisation", "/api/v1/organisations/y-saatio"),
        new("/api/v1/groups", "ApiGroups", "/api/v1/groups"),
        new("/api/v1/statistics", "ApiStatistics", "/api/v1/statistics"),
        new("/api/v1/statistics/{table}", "ApiStatisticsTable", "/api/v1/statistics/homelessness-national"),
        new("/events/{key}.ics", "ApiCalendar", "/events"),
        new("/materials/feed", "ApiFeed", "/materials/feed"),
    ];

    public void OnGet() { }
}
