using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Events;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Features.Materials.Search;
using Yhdessa.Features.Network.Organisations;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Web;

namespace Yhdessa.Features.Materials;

/// <summary><c>/materials</c>: search with facets that follow the query; without a query, the newest first.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPages.Policy)]
public class IndexModel(MaterialIndex index, OrganisationDirectory directory, EventCatalogue events) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public int? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public string? Language { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Organisation { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    public MaterialHits Results { get; private set; } = null!;
    public Dictionary<string, string> ThemeNames { get; private set; } = [];
    public Dictionary<string, string> OrganisationNames { get; private set; } = [];
    public bool HasQuery => !string.IsNullOrWhiteSpace(Q);
    public bool ByDate => Sort == "newest" || !HasQuery;
    /// <summary>The list of podcast episodes offers the podcast's feed.</summary>
    public bool ListsEpisodes => Type == nameof(MaterialType.PodcastEpisode);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Unknown filter values are ignored rather than refused: a stale link still lists materials.
        if (Type is not null && !Enum.TryParse<MaterialType>(Type, out _)) Type = null;
        if (Language is not null && !MaterialAnalyzers.LanguageCodes.Contains(Language)) Language = null;
        if (Q is { Length: > 500 }) Q = Q[..500];
        Results = await index.SearchAsync(new MaterialSearch(Q, Type, Theme, Language, Year, Organisation,
            Sort == "newest" ? MaterialSort.Newest : MaterialSort.Relevance, Math.Clamp(Pager.Requested(Request), 1, 500), PageSize), cancellationToken);

        var themeIds = Results.Facets["theme"].Select(f => int.Parse(f.Value)).ToList();
        ThemeNames = (await events.ThemesAsync(cancellationToken)).Where(t => themeIds.Contains(t.Id))
            .ToDictionary(t => t.Id.ToString(), t => t.Name);
        var organisationIds = Results.Facets["organisation"].Select(f => int.Parse(f.Value)).ToList();
        OrganisationNames = (await directory.Matching(new DirectoryQuery(null, null, null, 1, 1)).Where(o => organisationIds.Contains(o.Id))
                .ToListAsync(cancellationToken))
            .ToDictionary(o => o.Id.ToString(), o => o.Name);
    }

    /// <summary>This search with one filter set or cleared (and back on the first page).</summary>
    public string Link(string? facet = null, string? value = null)
    {
        var query = new List<KeyValuePair<string, string?>>();
        void Add(string name, string? current)
        {
            var v = name == facet ? value : current;
            if (!string.IsNullOrEmpty(v)) query.Add(new(name, v));
        }
        Add("q", Q);
        Add("type", Type);
        Add("theme", Theme?.ToString());
        Add("language", Language);
        Add("year", Year?.ToString());
        Add("organisation", Organisation?.ToString());
        Add("sort", Sort);
        return "/materials" + Microsoft.AspNetCore.Http.QueryString.Create(query);
    }

    public string? Selected(string facet) => facet switch
    {
        "type" => Type,
        "theme" => Theme?.ToString(),
        "language" => Language,
        "year" => Year?.ToString(),
        "organisation" => Organisation?.ToString(),
        _ => null,
    };
}
