using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Places;

namespace Yhdessa.Features.Network.Organisations;

/// <summary>What the directory page and the API ask for.</summary>
public sealed record DirectoryQuery(string? Q, Sector? Sector, string? Municipality, int Page, int PageSize);

public sealed record DirectoryRow(int Id, string Slug, string NameFi, string? NameSv, string? NameEn,
    Sector Sector, string? MunicipalityCode, string? Website)
{
    public string Name => Localized.Pick(NameFi, NameSv, NameEn);
}

public sealed record DirectoryPage(int Total, int Page, int PageSize, IReadOnlyList<DirectoryRow> Items)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The searchable list of organisations: one count and one page query, no per-row look-ups.</summary>
public sealed class OrganisationDirectory(YhdessaDb db)
{
    public const int MaxQueryLength = 100;

    public Task<Organisation?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);

    public Task<bool> ExistsAsync(int id, CancellationToken cancellationToken) =>
        db.Organisations.AnyAsync(o => o.Id == id, cancellationToken);

    /// <summary>The Finnish names of the organisations with these ids.</summary>
    public async Task<Dictionary<int, string>> NamesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        (await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(cancellationToken)).ToDictionary(o => o.Id, o => o.Name);

    /// <summary>Every organisation, by Finnish name: the choice list of the forms that name an organisation.</summary>
    public Task<List<Organisation>> ChoicesAsync(CancellationToken cancellationToken) =>
        db.Organisations.AsNoTracking().OrderBy(o => o.NameFi).ToListAsync(cancellationToken);

    public async Task<DirectoryPage> SearchAsync(DirectoryQuery query, CancellationToken cancellationToken)
    {
        var organisations = Matching(query);
        var total = await organisations.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, 100);
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        // Ordered by the name the reader sees, so that a Swedish or English list reads alphabetically too.
        var ordered = Languages.Current switch
        {
            Languages.Swedish => organisations.OrderBy(o => o.NameSv ?? o.NameFi),
            Languages.English => organisations.OrderBy(o => o.NameEn ?? o.NameFi),
            _ => organisations.OrderBy(o => o.NameFi),
        };
        var items = await ordered.ThenBy(o => o.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(o => new DirectoryRow(o.Id, o.Slug, o.NameFi, o.NameSv, o.NameEn, o.Sector, o.MunicipalityCode, o.Website))
            .ToListAsync(cancellationToken);
        return new DirectoryPage(total, page, pageSize, items);
    }

    /// <summary>The organisations that match the query's search text and filters, in no order.</summary>
    public IQueryable<Organisation> Matching(DirectoryQuery query)
    {
        var organisations = db.Organisations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = Search.Normalise(query.Q.Length > MaxQueryLength ? query.Q[..MaxQueryLength] : query.Q);
            organisations = organisations.Where(o => o.SearchText.Contains(text));
        }
        if (query.Sector is { } sector) organisations = organisations.Where(o => o.Sector == sector);
        if (!string.IsNullOrWhiteSpace(query.Municipality))
            organisations = organisations.Where(o => o.MunicipalityCode == query.Municipality);
        return organisations;
    }

    public Task<Organisation?> FindAsync(string key, CancellationToken cancellationToken) =>
        db.Organisations.FindByKeyAsync(key, cancellationToken);
}
