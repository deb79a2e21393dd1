using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Monitoring.Protection;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Places;

namespace Yhdessa.Features.Monitoring.Dashboards;

/// <summary>
/// Every protected count that anyone without micro-data access can read — the dashboards of the nation, each region
/// and each municipality, their exports, and the national tables of /statistics — protected once, together. A reader
/// who downloads all of them knows every table's rows, that a region is the sum of its municipalities and the nation
/// the sum of its regions, that a retention base is the year's moves in and so on; all of these are equations of one
/// <see cref="LinkedProtection"/> over all areas and every year of <see cref="Years"/>, audited with a linear program.
/// Every view then only picks its cells: a figure prints the same wherever it appears, and no choice of area or years
/// adds an equation that the protection did not see. That is why protected views have no total over years, no
/// service-type filter and no single units: each would be a new figure outside the protected whole.
/// </summary>
public sealed class Publication
{
    /// <summary>How many years back the published figures go, this year included.</summary>
    public const int YearsBack = 15;

    private readonly Dictionary<string, PublishedArea> areas;

    internal Publication(int from, int to, Dictionary<string, PublishedArea> areas)
    {
        From = from;
        To = to;
        this.areas = areas;
    }

    public int From { get; }
    public int To { get; }
    public int[] Years => [.. Enumerable.Range(From, To - From + 1)];

    /// <summary>The published cells of an area ("" the nation, "r:" a region by its Finnish name, "m:" a municipality
    /// code), or null when the area is not published (no reporting unit in it).</summary>
    public PublishedArea? Area(string key) => areas.GetValueOrDefault(key);

    /// <summary>The key of a dashboard's area, or null for a view that is not part of the publication.</summary>
    public static string? KeyOf(DashboardScope scope) => scope.Type is not null ? null : scope.Kind switch
    {
        ScopeKind.Nation => "",
        ScopeKind.Region => "r:" + scope.Region,
        ScopeKind.Municipality => "m:" + scope.Municipality,
        _ => null,
    };

    public bool Covers(int from, int to) => from >= From && to <= To;
}

/// <summary>The protected counts of one area, by table and year (an index of <see cref="Publication.Years"/>).</summary>
public sealed class PublishedArea(int firstYear, IReadOnlyDictionary<(string Table, int Year, int Column), ProtectedCell> cells)
{
    /// <summary>A count of a count table (<see cref="DashboardTables.MovesIn"/>, StaysEnded, Ongoing; the row total is the
    /// last column), a base of Retention or Returns (column = index of the months), or LengthOfStay's count (column 0).</summary>
    public ProtectedCell Cell(string table, int year, int column) => cells[(table, year - firstYear, column)];
}

/// <summary>Computes the <see cref="Publication"/> from the dashboard figures of every area, and keeps it with the
/// dashboards (<see cref="DashboardCache"/>), so that it is computed again when the monitoring data changes. The
/// computation is deterministic, so every instance of the app publishes the same figures from the same data.</summary>
public sealed class PublicationQuery(YhdessaDb db, DashboardQuery query, DashboardCache cache, Municipalities municipalities,
    SmallNumberProtection protection, TimeProvider clock, ILogger<PublicationQuery> logger)
{
    /// <summary>One computation at a time in an instance: requests that arrive while it runs wait for it and take it
    /// from the cache, instead of each computing the same publication.</summary>
    private static readonly SemaphoreSlim Computing = new(1, 1);

    public async Task<Publication> GetAsync(CancellationToken cancellationToken)
    {
        var thisYear = clock.GetUtcNow().Year;
        var asOf = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await Computing.WaitAsync(cancellationToken);
        try
        {
            return await cache.GetOrComputeAsync((nameof(Publication), asOf),
                () => ComputeAsync(thisYear - Publication.YearsBack + 1, thisYear, cancellationToken));
        }
        finally
        {
            Computing.Release();
        }
    }

    private async Task<Publication> ComputeAsync(int from, int to, CancellationToken cancellationToken)
    {
        var codes = await db.ReportingUnits.AsNoTracking().Select(u => u.MunicipalityCode).Distinct().ToListAsync(cancellationToken);
        var known = codes.Select(municipalities.Find).OfType<Municipality>().OrderBy(m => m.Code, StringComparer.Ordinal).ToList();
        var regions = known.GroupBy(m => m.RegionFi).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();

        var scopes = new List<(string Key, DashboardScope Scope)> { ("", new(ScopeKind.Nation, null, null, null, null, from, to)) };
        scopes.AddRange(regions.Select(r => ("r:" + r.Key, new DashboardScope(ScopeKind.Region, r.Key, null, null, null, from, to))));
        scopes.AddRange(known.Select(m => ("m:" + m.Code, new DashboardScope(ScopeKind.Municipality, null, m.Code, null, null, from, to))));
        var figures = new Dictionary<string, DashboardFigures>();
        foreach (var (key, scope) in scopes) figures[key] = await query.ComputeAsync(scope, cancellationToken);

        var b = new LinkedProtection.Builder();
        var ids = figures.ToDictionary(f => f.Key, f => AreaCells.Add(b, f.Value));
        foreach (var region in regions)
            AreaCells.Sum(b, ids["r:" + region.Key], [.. region.Select(m => ids["m:" + m.Code])]);
        AreaCells.Sum(b, ids[""], [.. regions.Select(r => ids["r:" + r.Key])]);

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var state = b.Protect(protection.MinimumCount);
        logger.LogInformation("Published monitoring figures protected: {Areas} areas, {Cells} figures, {Hidden} hidden, in {Milliseconds} ms",
            ids.Count, b.Values.Count, state.Count(s => s != CellState.Shown),
            (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new Publication(from, to, ids.ToDictionary(a => a.Key, a => new PublishedArea(from,
            a.Value.All.ToDictionary(c => c.Key, c => new ProtectedCell(state[c.Value], state[c.Value] == CellState.Shown ? b.Values[c.Value] : null)))));
    }

    /// <summary>The cell ids of one area's counts, and the identities between them that hold in the figures.</summary>
    private sealed class AreaCells
    {
        public required Dictionary<(string Table, int Year, int Column), int> All { get; init; }

        public static AreaCells Add(LinkedProtection.Builder b, DashboardFigures f)
        {
            var all = new Dictionary<(string, int, int), int>();
            void Grid(string table, int[,] ids)
            {
                for (var y = 0; y < ids.GetLength(0); y++)
                    for (var c = 0; c < ids.GetLength(1); c++)
                        all[(table, y, c)] = ids[y, c];
            }
            var movesIn = b.Rows(f.MovesIn);
            var ended = b.Rows(DashboardTables.EndedColumns(f));
            var ongoing = b.Rows(f.OngoingAtEnd);
            Grid(DashboardTables.MovesIn, movesIn);
            Grid(DashboardTables.StaysEnded, ended);
            Grid(DashboardTables.Ongoing, ongoing);
            int years = f.Years.Length, months = DashboardFigures.RetentionMonths.Length;
            int typesTotal = movesIn.GetLength(1) - 1, endedTotal = ended.GetLength(1) - 1;
            for (var y = 0; y < years; y++)
            {
                for (var m = 0; m < months; m++)
                {
                    all[(DashboardTables.Retention, y, m)] = b.Cell(f.Retention[y, m].Base);
                    all[(DashboardTables.Returns, y, m)] = b.Cell(f.Returns[y, m].Base);
                }
                all[(DashboardTables.LengthOfStay, y, 0)] = b.Cell(f.MedianLength[y].Count);
            }
            for (var y = 0; y < years; y++)
            {
                for (var m = 0; m < months; m++)
                {
                    b.IdentityIfItHolds((all[(DashboardTables.Retention, y, m)], 1), (movesIn[y, typesTotal], -1));
                    b.IdentityIfItHolds((all[(DashboardTables.Returns, y, m)], 1), (ended[y, (int)EndedColumn.MoreIndependent], -1));
                    for (var longer = m + 1; longer < months; longer++)
                    {
                        b.IdentityIfItHolds((all[(DashboardTables.Retention, y, m)], 1), (all[(DashboardTables.Retention, y, longer)], -1));
                        b.IdentityIfItHolds((all[(DashboardTables.Returns, y, m)], 1), (all[(DashboardTables.Returns, y, longer)], -1));
                    }
                }
                b.IdentityIfItHolds((all[(DashboardTables.LengthOfStay, y, 0)], 1), (ended[y, endedTotal], -1));
                if (y > 0)
                    b.IdentityIfItHolds((ongoing[y, typesTotal], 1), (ongoing[y - 1, typesTotal], -1),
                        (movesIn[y, typesTotal], -1), (ended[y, endedTotal], 1));
            }
            return new AreaCells { All = all };
        }

        /// <summary>The whole is the sum of its parts, figure by figure, where that holds (a unit whose municipality is
        /// not in the list counts in the nation only).</summary>
        public static void Sum(LinkedProtection.Builder b, AreaCells whole, AreaCells[] parts)
        {
            if (parts.Length == 0) return;
            foreach (var (key, cell) in whole.All)
                b.IdentityIfItHolds([(cell, -1), .. parts.Select(p => (p.All[key], 1))]);
        }
    }
}
