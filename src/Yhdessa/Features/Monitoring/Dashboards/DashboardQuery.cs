using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Monitoring.Dashboards;

public enum ScopeKind { Nation, Region, Municipality, Unit }

/// <summary>What a dashboard shows: the nation, a region (by its Finnish name, as the municipality list gives it),
/// a municipality (code), or a unit; optionally one service type; calendar years From..To.</summary>
public sealed record DashboardScope(ScopeKind Kind, string? Region, string? Municipality, int? UnitId, ServiceType? Type, int From, int To);

/// <summary>Counts behind a rate: <see cref="Base"/> stays could be followed long enough, <see cref="Hits"/> of them met the condition.</summary>
public readonly record struct RatePart(int Base, int Hits)
{
    public static RatePart operator +(RatePart a, RatePart b) => new(a.Base + b.Base, a.Hits + b.Hits);
}

/// <summary>How one unit reported in one year: the figures of an aggregate year come from its aggregate values only.</summary>
public sealed record UnitMethod(int UnitId, string UnitName, int Year, ReportingMethod Method);

/// <summary>
/// The raw (unprotected) figures of a dashboard. Rows are years From..To. Only aggregates leave the database:
/// every figure is a GROUP BY on the server, so a national dashboard over a million stays never loads one.
/// </summary>
public sealed class DashboardFigures
{
    public static readonly int[] RetentionMonths = [6, 12, 24];
    public static readonly ServiceType[] Types = Enum.GetValues<ServiceType>();
    public static readonly HudGroup[] Groups = Enum.GetValues<HudGroup>();
    public static readonly HousingDirection[] Directions = Enum.GetValues<HousingDirection>();

    public required int[] Years { get; init; }
    /// <summary>[year, service type]</summary>
    public required int[,] MovesIn { get; init; }
    /// <summary>[year, HUD group]</summary>
    public required int[,] EndedByGroup { get; init; }
    /// <summary>[year, direction]</summary>
    public required int[,] EndedByDirection { get; init; }
    /// <summary>[year, service type], stays ongoing on 31 December.</summary>
    public required int[,] OngoingAtEnd { get; init; }
    /// <summary>[year, index of <see cref="RetentionMonths"/>]: move-in cohort of the year, still housed after the months.</summary>
    public required RatePart[,] Retention { get; init; }
    /// <summary>[year, index of <see cref="RetentionMonths"/>]: moves to independent housing in the year, reported again within the months.</summary>
    public required RatePart[,] Returns { get; init; }
    /// <summary>Per year: ended stays counted and their median length in days (null when none).</summary>
    public required (int Count, int? MedianDays)[] MedianLength { get; init; }
    public required IReadOnlyList<UnitMethod> Methods { get; init; }
    public required DateOnly AsOf { get; init; }
}

/// <summary>
/// Computes a dashboard. Units report either pseudonymous stays or aggregate counts in a round (RoundUnit.Method);
/// for a unit whose round in a year was reported as aggregates, that year's flows and stock come from its aggregate
/// values and its stays (if any) are left out, so nobody is counted twice. Retention, returns and median length
/// need stays, so they come from the stay-reporting units only (the page says so).
/// Stays are placed by their service's municipality; aggregate values (which have no service) by the unit's.
/// </summary>
public sealed class DashboardQuery(YhdessaDb db, Municipalities municipalities, TimeProvider clock, DashboardCache cache)
{
    public Task<DashboardFigures> ComputeAsync(DashboardScope scope, CancellationToken cancellationToken) =>
        cache.GetOrComputeAsync(scope, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            () => ComputeUncachedAsync(scope, cancellationToken));

    private async Task<DashboardFigures> ComputeUncachedAsync(DashboardScope scope, CancellationToken cancellationToken)
    {
        var years = Enumerable.Range(scope.From, scope.To - scope.From + 1).ToArray();
        var first = new DateOnly(scope.From, 1, 1);
        var last = new DateOnly(scope.To, 12, 31);
        var asOf = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        int Row(int year) => year - scope.From;

        var municipalityCodes = MunicipalityCodes(scope);
        var units = db.ReportingUnits.AsQueryable();
        if (scope.Kind == ScopeKind.Unit) units = units.Where(u => u.Id == scope.UnitId);
        else if (municipalityCodes is not null) units = units.Where(u => municipalityCodes.Contains(u.MunicipalityCode));

        var methods = await (
                from ru in db.RoundUnits
                join r in db.CollectionRounds on ru.RoundId equals r.Id
                join u in db.ReportingUnits on ru.UnitId equals u.Id
                where r.Start <= last && r.End >= first
                select new { ru.UnitId, u.Name, r.Start, ru.Method })
            .ToListAsync(cancellationToken);
        // A unit that reported aggregates in any round of a year is an aggregate unit for that year.
        var aggregateYears = methods.Where(m => m.Method == ReportingMethod.Aggregate)
            .Select(m => (m.UnitId, m.Start.Year)).ToHashSet();
        var scopedUnitIds = await units.Select(u => u.Id).ToListAsync(cancellationToken);
        var unitMethods = methods.Where(m => scopedUnitIds.Contains(m.UnitId))
            .GroupBy(m => (m.UnitId, m.Name, m.Start.Year))
            .Select(g => new UnitMethod(g.Key.UnitId, g.Key.Name, g.Key.Year,
                g.Any(m => m.Method == ReportingMethod.Aggregate) ? ReportingMethod.Aggregate : ReportingMethod.Stays))
            .OrderBy(m => m.UnitName).ThenBy(m => m.Year).ToList();
        bool Counted(int unitId, int year) => !aggregateYears.Contains((unitId, year));

        var stays = from s in db.Stays
                    join sv in db.HousingServices on s.ServiceId equals sv.Id
                    select new { s, sv };
        if (scope.Kind == ScopeKind.Unit) stays = stays.Where(x => x.s.UnitId == scope.UnitId);
        else if (municipalityCodes is not null) stays = stays.Where(x => municipalityCodes.Contains(x.sv.MunicipalityCode));
        if (scope.Type is { } type) stays = stays.Where(x => x.sv.Type == type);

        // Moves in and ends are read once each for all years up to the last: the years shown give the flows, and
        // everything up to a year's end gives that year's ongoing stays (moved in by then minus ended by then; an
        // ended stay always moved in first). Two passes over the stays instead of one per year.
        var movesIn = new int[years.Length, DashboardFigures.Types.Length];
        var ongoing = new int[years.Length, DashboardFigures.Types.Length];
        var movedInBefore = await stays.Where(x => x.s.MoveIn <= last)
            .GroupBy(x => new { x.s.UnitId, x.s.MoveIn.Year, x.sv.Type })
            .Select(g => new { g.Key.UnitId, g.Key.Year, g.Key.Type, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var endedBefore = await stays.Where(x => x.s.End <= last)
            .GroupBy(x => new { x.s.UnitId, x.s.End!.Value.Year, x.sv.Type, x.s.Destination })
            .Select(g => new { g.Key.UnitId, g.Key.Year, g.Key.Type, g.Key.Destination, Count = g.Count() })
            .ToListAsync(cancellationToken);
        foreach (var g in movedInBefore.Where(g => g.Year >= scope.From && Counted(g.UnitId, g.Year)))
            movesIn[Row(g.Year), (int)g.Type] += g.Count;
        var endedByGroup = new int[years.Length, DashboardFigures.Groups.Length];
        var endedByDirection = new int[years.Length, DashboardFigures.Directions.Length];
        foreach (var g in endedBefore.Where(g => g.Year >= scope.From && Counted(g.UnitId, g.Year)))
        {
            endedByGroup[Row(g.Year), (int)Destinations.GroupOf(g.Destination!.Value)] += g.Count;
            endedByDirection[Row(g.Year), (int)Destinations.DirectionOf(g.Destination!.Value)] += g.Count;
        }
        foreach (var year in years)
        {
            foreach (var g in movedInBefore.Where(g => g.Year <= year && Counted(g.UnitId, year)))
                ongoing[Row(year), (int)g.Type] += g.Count;
            foreach (var g in endedBefore.Where(g => g.Year <= year && Counted(g.UnitId, year)))
                ongoing[Row(year), (int)g.Type] -= g.Count;
        }

        // Retention: still in the service N months after moving in, or moved on to permanent housing before that
        // (HUD SPM 7b counts an exit to permanent housing as a success). Only cohorts that can be followed N months.
        // The three follow-up times are conditional counts of one pass.
        var retention = new RatePart[years.Length, DashboardFigures.RetentionMonths.Length];
        DateOnly until6 = asOf.AddMonths(-6), until12 = asOf.AddMonths(-12), until24 = asOf.AddMonths(-24);
        foreach (var g in await stays.Where(x => x.s.MoveIn >= first && x.s.MoveIn <= last && x.s.MoveIn <= until6)
                     .Select(x => new
                     {
                         x.s.UnitId, x.s.MoveIn,
                         Permanent = x.s.Destination == Destination.MoreIndependentHousing
                             || x.s.Destination == Destination.MoreSupportedHousing
                             || x.s.Destination == Destination.SimilarHousingElsewhere,
                         x.s.End,
                     })
                     .GroupBy(x => new { x.UnitId, x.MoveIn.Year })
                     .Select(g => new
                     {
                         g.Key.UnitId, g.Key.Year,
                         Base6 = g.Count(),
                         Kept6 = g.Count(x => x.End == null || x.Permanent || x.End >= x.MoveIn.AddMonths(6)),
                         Base12 = g.Count(x => x.MoveIn <= until12),
                         Kept12 = g.Count(x => x.MoveIn <= until12 && (x.End == null || x.Permanent || x.End >= x.MoveIn.AddMonths(12))),
                         Base24 = g.Count(x => x.MoveIn <= until24),
                         Kept24 = g.Count(x => x.MoveIn <= until24 && (x.End == null || x.Permanent || x.End >= x.MoveIn.AddMonths(24))),
                     })
                     .ToListAsync(cancellationToken))
        {
            if (!Counted(g.UnitId, g.Year)) continue;
            retention[Row(g.Year), 0] += new RatePart(g.Base6, g.Kept6);
            retention[Row(g.Year), 1] += new RatePart(g.Base12, g.Kept12);
            retention[Row(g.Year), 2] += new RatePart(g.Base24, g.Kept24);
        }

        // Returns: after a move to independent housing, the same unit reports the same resident code moving in again.
        var returns = new RatePart[years.Length, DashboardFigures.RetentionMonths.Length];
        var allStays = db.Stays;
        for (var m = 0; m < DashboardFigures.RetentionMonths.Length; m++)
        {
            var months = DashboardFigures.RetentionMonths[m];
            var followedUntil = asOf.AddMonths(-months);
            var exits = stays.Where(x => x.s.End >= first && x.s.End <= last && x.s.End <= followedUntil
                                         && x.s.Destination == Destination.MoreIndependentHousing);
            var exitCounts = await exits.GroupBy(x => new { x.s.UnitId, x.s.End!.Value.Year })
                .Select(g => new { g.Key.UnitId, g.Key.Year, Count = g.Count() }).ToListAsync(cancellationToken);
            var returnCounts = await exits
                .Where(x => allStays.Any(b => b.UnitId == x.s.UnitId && b.ResidentCode == x.s.ResidentCode
                                              && b.MoveIn > x.s.End && b.MoveIn <= x.s.End!.Value.AddMonths(months)))
                .GroupBy(x => new { x.s.UnitId, x.s.End!.Value.Year })
                .Select(g => new { g.Key.UnitId, g.Key.Year, Count = g.Count() }).ToListAsync(cancellationToken);
            foreach (var e in exitCounts.Where(e => Counted(e.UnitId, e.Year)))
            {
                var back = returnCounts.FirstOrDefault(r => r.UnitId == e.UnitId && r.Year == e.Year)?.Count ?? 0;
                returns[Row(e.Year), m] += new RatePart(e.Count, back);
            }
        }

        // Median length: the distribution of lengths in days per year comes from the database, the middle is found here.
        var lengths = await stays.Where(x => x.s.End >= first && x.s.End <= last)
            .GroupBy(x => new { x.s.UnitId, x.s.End!.Value.Year, Days = x.s.End!.Value.DayNumber - x.s.MoveIn.DayNumber })
            .Select(g => new { g.Key.UnitId, g.Key.Year, g.Key.Days, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var median = years.Select(year => Median(lengths.Where(l => l.Year == year && Counted(l.UnitId, year))
            .GroupBy(l => l.Days).Select(g => (g.Key, g.Sum(l => l.Count))))).ToArray();

        await AddAggregatesAsync(scope, municipalityCodes, first, last, aggregateYears, movesIn, endedByGroup, endedByDirection,
            ongoing, Row, cancellationToken);

        return new DashboardFigures
        {
            Years = years, MovesIn = movesIn, EndedByGroup = endedByGroup, EndedByDirection = endedByDirection,
            OngoingAtEnd = ongoing, Retention = retention, Returns = returns, MedianLength = median,
            Methods = unitMethods, AsOf = asOf,
        };
    }

    /// <summary>Flows (moves in, ends) of an aggregate year are the sum of its rounds; the stock at year end is the
    /// value of the round that ends on 31 December.</summary>
    private async Task AddAggregatesAsync(DashboardScope scope, IReadOnlyCollection<string>? municipalityCodes, DateOnly first, DateOnly last,
        HashSet<(int UnitId, int Year)> aggregateYears, int[,] movesIn, int[,] endedByGroup, int[,] endedByDirection, int[,] ongoing,
        Func<int, int> row, CancellationToken cancellationToken)
    {
        var values = from v in db.AggregateValues
                     join r in db.CollectionRounds on v.RoundId equals r.Id
                     join u in db.ReportingUnits on v.UnitId equals u.Id
                     where r.Start >= first && r.End <= last
                     select new { v, r, u };
        if (scope.Kind == ScopeKind.Unit) values = values.Where(x => x.u.Id == scope.UnitId);
        else if (municipalityCodes is not null) values = values.Where(x => municipalityCodes.Contains(x.u.MunicipalityCode));
        if (scope.Type is { } type) values = values.Where(x => x.v.ServiceType == type);

        var rows = await values
            .GroupBy(x => new { x.v.UnitId, x.r.Start, x.r.End, x.v.ServiceType, x.v.Measure, x.v.Category })
            .Select(g => new { g.Key.UnitId, g.Key.Start, g.Key.End, g.Key.ServiceType, g.Key.Measure, g.Key.Category, Count = g.Sum(x => x.v.Count) })
            .ToListAsync(cancellationToken);
        foreach (var v in rows)
        {
            var year = v.Start.Year;
            if (!aggregateYears.Contains((v.UnitId, year))) continue;
            switch (v.Measure)
            {
                case Measure.MovesIn:
                    movesIn[row(year), (int)v.ServiceType] += v.Count;
                    break;
                case Measure.StaysEnded when Enum.TryParse<Destination>(v.Category, out var destination):
                    endedByGroup[row(year), (int)Destinations.GroupOf(destination)] += v.Count;
                    endedByDirection[row(year), (int)Destinations.DirectionOf(destination)] += v.Count;
                    break;
                case Measure.OngoingAtEnd when v.End.Month == 12 && v.End.Day == 31:
                    ongoing[row(year), (int)v.ServiceType] += v.Count;
                    break;
            }
        }
    }

    private IReadOnlyCollection<string>? MunicipalityCodes(DashboardScope scope) => scope.Kind switch
    {
        ScopeKind.Municipality => [scope.Municipality ?? ""],
        ScopeKind.Region => [.. municipalities.All.Where(m => m.RegionFi == scope.Region).Select(m => m.Code)],
        _ => null,
    };

    /// <summary>The median of a distribution given as (value, how many); the lower middle for an even count.</summary>
    internal static (int Count, int? Median) Median(IEnumerable<(int Value, int Count)> distribution)
    {
        var sorted = distribution.OrderBy(d => d.Value).ToList();
        var n = sorted.Sum(d => d.Count);
        if (n == 0) return (0, null);
        var target = (n + 1) / 2;
        var seen = 0;
        foreach (var (value, count) in sorted)
        {
            seen += count;
            if (seen >= target) return (n, value);
        }
        return (n, sorted[^1].Value);
    }
}
