using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Monitoring.Dashboards;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Monitoring.Summary;

/// <summary>The facts of one stay that the summary needs, with its service's municipality and type.</summary>
public readonly record struct SummaryStay(string MunicipalityCode, ServiceType Type, string ResidentCode, DateOnly MoveIn,
    DateOnly? End, Destination? Destination);

/// <summary>
/// Rebuilds one unit's dashboard summary from its stays, in one transaction: the unit's rows are replaced and its
/// <see cref="SummaryStamp"/> records what they were built from. A whole unit at a time, because returns look across
/// the unit's stays (the same resident code moving in again) and a unit is small enough to read in one go.
/// </summary>
public sealed class SummaryBuilder(YhdessaDb db, TimeProvider clock, ILogger<SummaryBuilder> logger)
{
    public async Task RebuildUnitAsync(int unitId, CancellationToken cancellationToken)
    {
        var clockStarted = Stopwatch.GetTimestamp();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Read in the transaction, so the stamp describes exactly the stays the rows were built from.
        var stays = await (from s in db.Stays.AsNoTracking()
                           join sv in db.HousingServices on s.ServiceId equals sv.Id
                           where s.UnitId == unitId
                           select new { sv.MunicipalityCode, sv.Type, s.ResidentCode, s.MoveIn, s.End, s.Destination, s.UpdatedAt })
            .ToListAsync(cancellationToken);
        var read = Stopwatch.GetElapsedTime(clockStarted);
        var (counts, lengths) = Compute(unitId,
            stays.Select(s => new SummaryStay(s.MunicipalityCode, s.Type, s.ResidentCode, s.MoveIn, s.End, s.Destination)));
        var computed = Stopwatch.GetElapsedTime(clockStarted);

        await db.SummaryCounts.Where(c => c.UnitId == unitId).ExecuteDeleteAsync(cancellationToken);
        await db.SummaryLengths.Where(l => l.UnitId == unitId).ExecuteDeleteAsync(cancellationToken);
        await db.SummaryStamps.Where(s => s.UnitId == unitId).ExecuteDeleteAsync(cancellationToken);
        await InsertAsync(counts, cancellationToken);
        db.SummaryLengths.AddRange(lengths);
        db.SummaryStamps.Add(new SummaryStamp
        {
            UnitId = unitId, StayCount = stays.Count, LastChange = stays.Count == 0 ? null : stays.Max(s => s.UpdatedAt),
            BuiltAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        logger.LogInformation("Dashboard summary of unit {UnitId} rebuilt from {Stays} stays into {Rows} rows in {Milliseconds} ms " +
                              "(read {ReadMs} ms, computed {ComputeMs} ms, written {WriteMs} ms)",
            unitId, stays.Count, counts.Count + lengths.Count, (int)Stopwatch.GetElapsedTime(clockStarted).TotalMilliseconds,
            (int)read.TotalMilliseconds, (int)(computed - read).TotalMilliseconds,
            (int)(Stopwatch.GetElapsedTime(clockStarted) - computed).TotalMilliseconds);
    }

    /// <summary>
    /// A big city has some 15,000 counts: written as multi-row INSERTs of 500 rows (plain SQL both engines take),
    /// not as tracked entities, which cost seconds at that size. The values are written as literals: numbers, an enum
    /// name and a municipality code (quoted), never user text; bound parameters would be 4,000 per statement, which
    /// Microsoft.Data.Sqlite binds by name one by one (measured: seconds per unit).
    /// </summary>
    private async Task InsertAsync(List<SummaryCount> counts, CancellationToken cancellationToken)
    {
        const int rowsPerStatement = 500;
        for (var first = 0; first < counts.Count; first += rowsPerStatement)
        {
            var sql = new StringBuilder("INSERT INTO \"MonitoringSummaryCounts\" (\"UnitId\", \"MunicipalityCode\", \"ServiceType\", " +
                                        "\"Year\", \"Month\", \"Measure\", \"Key\", \"Count\") VALUES ");
            foreach (var c in counts.Skip(first).Take(rowsPerStatement))
            {
                if (sql[^1] == ')') sql.Append(", ");
                sql.Append(CultureInfo.InvariantCulture,
                    $"({c.UnitId}, {Quoted(c.MunicipalityCode)}, {Quoted(c.ServiceType.ToString())}, {c.Year}, {c.Month}, {(int)c.Measure}, {c.Key}, {c.Count})");
            }
#pragma warning disable EF1002 // literals of numbers and quoted codes only, see above
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), cancellationToken);
#pragma warning restore EF1002
        }
    }

    private static string Quoted(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>The summary rows of one unit's stays. Pure, so the definitions can be read (and tested) in one place.</summary>
    public static (List<SummaryCount> Counts, List<SummaryLengths> Lengths) Compute(int unitId, IEnumerable<SummaryStay> stays)
    {
        var all = stays.ToList();
        var counts = new Dictionary<(string, ServiceType, int, int, SummaryMeasure, int), int>();
        void Add(SummaryStay s, DateOnly date, SummaryMeasure measure, int key)
        {
            var k = (s.MunicipalityCode, s.Type, date.Year, date.Month, measure, key);
            counts[k] = counts.GetValueOrDefault(k) + 1;
        }
        // Returns look for the same code moving in again anywhere in the unit: its move-ins, sorted, per code.
        var moveInsByCode = all.GroupBy(s => s.ResidentCode)
            .ToDictionary(g => g.Key, g => g.Select(s => s.MoveIn).Order().ToArray());
        var lengths = new Dictionary<(string, ServiceType, int), SortedDictionary<int, int>>();

        foreach (var s in all)
        {
            Add(s, s.MoveIn, SummaryMeasure.MovesIn, 0);
            // Retention: still in the service N months after moving in, or moved on to permanent housing before that
            // (HUD SPM 7b counts an exit to permanent housing as a success). Whether the cohort can be followed N
            // months yet depends on the day the dashboard is looked at, so that cut is made when reading.
            var permanent = s.Destination is { } d && Destinations.GroupOf(d) == HudGroup.Permanent;
            foreach (var months in DashboardFigures.RetentionMonths)
                if (s.End is not { } end || permanent || end >= s.MoveIn.AddMonths(months))
                    Add(s, s.MoveIn, SummaryMeasure.Kept, months);
            if (s.End is not { } ended) continue;

            Add(s, ended, SummaryMeasure.Ended, (int)s.Destination!.Value);
            var lengthKey = (s.MunicipalityCode, s.Type, ended.Year);
            if (!lengths.TryGetValue(lengthKey, out var distribution)) lengths[lengthKey] = distribution = new();
            var days = ended.DayNumber - s.MoveIn.DayNumber;
            distribution[days] = distribution.GetValueOrDefault(days) + 1;

            if (s.Destination != Destination.MoreIndependentHousing) continue;
            // Returns: after a move to independent housing, the same unit reports the same resident moving in again.
            Add(s, ended, SummaryMeasure.IndependentExits, 0);
            var moveIns = moveInsByCode[s.ResidentCode];
            var next = Array.BinarySearch(moveIns, ended.AddDays(1));
            if (next < 0) next = ~next;
            foreach (var months in DashboardFigures.RetentionMonths)
                if (next < moveIns.Length && moveIns[next] <= ended.AddMonths(months))
                    Add(s, ended, SummaryMeasure.Returned, months);
        }

        return (
            counts.Select(c => new SummaryCount
            {
                UnitId = unitId, MunicipalityCode = c.Key.Item1, ServiceType = c.Key.Item2, Year = c.Key.Item3, Month = c.Key.Item4,
                Measure = c.Key.Item5, Key = c.Key.Item6, Count = c.Value,
            }).ToList(),
            lengths.Select(l => new SummaryLengths
            {
                UnitId = unitId, MunicipalityCode = l.Key.Item1, ServiceType = l.Key.Item2, Year = l.Key.Item3,
                Distribution = Encode(l.Value),
            }).ToList());
    }

    internal static string Encode(SortedDictionary<int, int> distribution)
    {
        var text = new StringBuilder();
        foreach (var (days, count) in distribution)
        {
            if (text.Length > 0) text.Append(' ');
            text.Append(days.ToString(CultureInfo.InvariantCulture)).Append(':').Append(count.ToString(CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }

    /// <summary>Adds an encoded distribution to <paramref name="into"/> (days → count).</summary>
    internal static void Decode(string distribution, Dictionary<int, int> into)
    {
        foreach (var pair in distribution.AsSpan().Split(' '))
        {
            var text = distribution.AsSpan()[pair];
            var colon = text.IndexOf(':');
            var days = int.Parse(text[..colon], CultureInfo.InvariantCulture);
            into[days] = into.GetValueOrDefault(days) + int.Parse(text[(colon + 1)..], CultureInfo.InvariantCulture);
        }
    }
}
