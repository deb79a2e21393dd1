using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Monitoring.Summary;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Places;

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
/// The raw (unprotected) figures of a dashboard. Rows are years From..To. Figures of stays come from the dashboard
/// summary (<c>Monitoring/Summary</c>), so a national dashboard over a million stays reads a few thousand rows.
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
/// Stays are read through the summary, which is brought up to date first if anything changed; the reporting
/// method is applied here, so a method change needs no rebuild.
/// </summary>
public sealed class DashboardQuery(YhdessaDb db, Municipalities municipalities, TimeProvider clock, DashboardCache cache,
    SummaryMaintenance summary)
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

        await summary.EnsureFreshAsync(cancellationToken);
        var counts = db.SummaryCounts.AsQueryable();
        var lengthRows = db.SummaryLengths.AsQueryable();
        if (scope.Kind == ScopeKind.Unit)
        {
            counts = counts.Where(c => c.UnitId == scope.UnitId);
            lengthRows = lengthRows.Where(l => l.UnitId == scope.UnitId);
        }
        else if (municipalityCodes is not null)
        {
            counts = counts.Where(c => municipalityCodes.Contains(c.MunicipalityCode));
            lengthRows = lengthRows.Where(l => municipalityCodes.Contains(l.MunicipalityCode));
        }
        if (scope.Type is { } type)
        {
            counts = counts.Where(c => c.ServiceType == type);
            lengthRows = lengthRows.Where(l => l.ServiceType == type);
        }

        // Moves in and ends for all years up to the last: the years shown give the flows, and everything up to a
        // year's end gives that year's ongoing stays (moved in by then minus ended by then; an ended stay always
        // moved in first).
        var movesIn = new int[years.Length, DashboardFigures.Types.Length];
        var ongoing = new int[years.Length, DashboardFigures.Types.Length];
        var endedByGroup = new int[years.Length, DashboardFigures.Groups.Length];
        var endedByDirection = new int[years.Length, DashboardFigures.Directions.Length];
        var flows = await counts.Where(c => c.Year <= scope.To && (c.Measure == SummaryMeasure.MovesIn || c.Measure == SummaryMeasure.Ended))
            .GroupBy(c => new { c.UnitId, c.Year, c.ServiceType, c.Measure, c.Key })
            .Select(g => new { g.Key.UnitId, g.Key.Year, g.Key.ServiceType, g.Key.Measure, g.Key.Key, Count = g.Sum(c => c.Count) })
            .ToListAsync(cancellationToken);
        foreach (var g in flows.Where(g => g.Year >= scope.From && Counted(g.UnitId, g.Year)))
        {
            if (g.Measure == SummaryMeasure.MovesIn)
            {
                movesIn[Row(g.Year), (int)g.ServiceType] += g.Count;
                continue;
            }
            endedByGroup[Row(g.Year), (int)Destinations.GroupOf((Destination)g.Key)] += g.Count;
            endedByDirection[Row(g.Year), (int)Destinations.DirectionOf((Destination)g.Key)] += g.Count;
        }
        foreach (var year in years)
            foreach (var g in flows.Where(g => g.Year <= year && Counted(g.UnitId, year)))
                ongoing[Row(year), (int)g.ServiceType] += g.Measure == SummaryMeasure.MovesIn ? g.Count : -g.Count;

        // Retention and returns are counted per month (of move-in, of the exit); a month is in the base of the N-month
        // figure once all of it can be followed N months: its last day is at least N months before today.
        var retention = new RatePart[years.Length, DashboardFigures.RetentionMonths.Length];
        var returns = new RatePart[years.Length, DashboardFigures.RetentionMonths.Length];
        var followUps = await counts.Where(c => c.Year >= scope.From && c.Year <= scope.To && c.Measure != SummaryMeasure.Ended)
            .GroupBy(c => new { c.UnitId, c.Year, c.Month, c.Measure, c.Key })
            .Select(g => new { g.Key.UnitId, g.Key.Year, g.Key.Month, g.Key.Measure, g.Key.Key, Count = g.Sum(c => c.Count) })
            .ToListAsync(cancellationToken);
        for (var m = 0; m < DashboardFigures.RetentionMonths.Length; m++)
        {
            var months = DashboardFigures.RetentionMonths[m];
            var followedUntil = asOf.AddMonths(-months);
            foreach (var g in followUps.Where(g => Counted(g.UnitId, g.Year)
                                                   && new DateOnly(g.Year, g.Month, 1).AddMonths(1).AddDays(-1) <= followedUntil))
            {
                switch (g.Measure)
                {
                    case SummaryMeasure.MovesIn: retention[Row(g.Year), m] += new RatePart(g.Count, 0); break;
                    case SummaryMeasure.Kept when g.Key == months: retention[Row(g.Year), m] += new RatePart(0, g.Count); break;
                    case SummaryMeasure.IndependentExits: returns[Row(g.Year), m] += new RatePart(g.Count, 0); break;
                    case SummaryMeasure.Returned when g.Key == months: returns[Row(g.Year), m] += new RatePart(0, g.Count); break;
                }
            }
        }

        // Median length: the exact distributions of the scope's units and types are added up per year here.
        var distributions = await lengthRows.Where(l => l.Year >= scope.From && l.Year <= scope.To)
            .Select(l => new { l.UnitId, l.Year, l.Distribution })
            .ToListAsync(cancellationToken);
        var median = years.Select(year =>
        {
            var days = new Dictionary<int, int>();
            foreach (var d in distributions.Where(d => d.Year == year && Counted(d.UnitId, year)))
                SummaryBuilder.Decode(d.Distribution, days);
            return Median(days.Select(d => (d.Key, d.Value)));
        }).ToArray();

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
