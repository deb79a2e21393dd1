using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Places;

namespace Yhdessa.Features.Network.Organisations;

[AllowAnonymous]
[OutputCache(PolicyName = PublicPages.Policy)]
public class IndexModel(OrganisationDirectory directory, Municipalities municipalities) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public string? Municipality { get; set; }

    public DirectoryPage Results { get; private set; } = new(0, 1, PageSize, []);
    public Municipalities Municipalities => municipalities;

    public Sector? SelectedSector { get; private set; }
    public bool UnknownMunicipality { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        SelectedSector = Enum.TryParse<Sector>(Sector, ignoreCase: true, out var sector) && Enum.IsDefined(sector) ? sector : null;
        var municipality = string.IsNullOrWhiteSpace(Municipality) ? null : Municipality.Trim();
        UnknownMunicipality = municipality is not null && municipalities.Find(municipality) is null;
        // "page" is a reserved route value in Razor Pages (the page's own path), so it is read from the query directly.
        var pageNumber = int.TryParse(Request.Query["page"], out var number) ? number : 1;
        Results = await directory.SearchAsync(
            new DirectoryQuery(Q, SelectedSector, municipality, pageNumber, PageSize), cancellationToken);
    }

    /// <summary>The address of another page of the same search.</summary>
    public string PageUrl(int page)
    {
        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(Q)) query.Add("q=" + Uri.EscapeDataString(Q));
        if (SelectedSector is { } sector) query.Add("sector=" + sector);
        if (!string.IsNullOrWhiteSpace(Municipality)) query.Add("municipality=" + Uri.EscapeDataString(Municipality));
        if (page > 1) query.Add("page=" + page);
        return "/network/organisations" + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }
}
