using Microsoft.EntityFrameworkCore;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Jobs;

namespace Yhdessa.Features.Monitoring.Summary;

/// <summary>
/// Whether the dashboard summary may be behind the stays (one per process). It starts stale, so the first dashboard
/// after a start checks every unit; <see cref="MarkStale"/> (called by <c>DashboardCache.Changed</c>, which every code
/// path that writes or deletes stays calls) makes the next dashboard check again, and asks for <see cref="SummaryJob"/>
/// to rebuild the changed units at once, so a dashboard view seldom has to wait for it.
/// </summary>
public sealed class SummaryFreshness(JobRequests jobs)
{
    private int stale = 1;
    internal SemaphoreSlim Gate { get; } = new(1, 1);

    public bool IsStale => Volatile.Read(ref stale) == 1;

    public void MarkStale()
    {
        Volatile.Write(ref stale, 1);
        jobs.RunSoon(SummaryJob.Name);
    }

    /// <summary>For the scheduled check: changes made by another instance or straight in the database were never
    /// marked here.</summary>
    internal void AssumeStale() => Volatile.Write(ref stale, 1);

    internal bool TakeStale() => Interlocked.Exchange(ref stale, 0) == 1;
}

/// <summary>
/// Finds the units whose summary no longer matches their stays and rebuilds them. A unit's stamp holds the count and
/// the latest <c>UpdatedAt</c> of the stays it was built from: a new or changed stay moves the latest change, a
/// deleted one lowers the count, so every kind of change is seen (a stay can only be changed by a save that stamps it).
/// </summary>
public sealed class SummaryMaintenance(YhdessaDb db, SummaryFreshness freshness, SummaryBuilder builder)
{
    /// <summary>Before figures are read: rebuilds the stale units if anything changed since the last check.</summary>
    public async Task EnsureFreshAsync(CancellationToken cancellationToken)
    {
        // Fresh, and no check under way (the job takes the gate before it clears the flag, so a check that has
        // cleared it still holds the gate): nothing to wait for.
        if (!freshness.IsStale && freshness.Gate.CurrentCount > 0) return;
        await freshness.Gate.WaitAsync(cancellationToken);
        try
        {
            if (!freshness.TakeStale()) return; // the check this one waited for is done
            try { await RebuildStaleUnitsAsync(cancellationToken); }
            catch
            {
                freshness.MarkStale();
                throw;
            }
        }
        finally { freshness.Gate.Release(); }
    }

    /// <summary>Rebuilds every unit whose stays differ from its stamp; returns their ids.</summary>
    public async Task<IReadOnlyList<int>> RebuildStaleUnitsAsync(CancellationToken cancellationToken)
    {
        var current = await db.Stays.GroupBy(s => s.UnitId)
            .Select(g => new { UnitId = g.Key, Count = g.Count(), LastChange = g.Max(s => s.UpdatedAt) })
            .ToDictionaryAsync(x => x.UnitId, cancellationToken);
        var stamps = await db.SummaryStamps.AsNoTracking().ToDictionaryAsync(s => s.UnitId, cancellationToken);
        var stale = current.Values
            .Where(c => !stamps.TryGetValue(c.UnitId, out var stamp) || stamp.StayCount != c.Count || stamp.LastChange != c.LastChange)
            .Select(c => c.UnitId)
            // A unit whose last stays were deleted has rows to remove.
            .Concat(stamps.Values.Where(s => s.StayCount > 0 && !current.ContainsKey(s.UnitId)).Select(s => s.UnitId))
            .Order().ToList();
        foreach (var unitId in stale)
            await builder.RebuildUnitAsync(unitId, cancellationToken);
        return stale;
    }
}

/// <summary>
/// Rebuilds changed units right after a change (asked for by <see cref="SummaryFreshness.MarkStale"/>) and checks every
/// <c>Yhdessa:Monitoring:SummaryCheckMinutes</c> (default 10) anyway, which also catches changes made by another
/// app instance or straight in the database.
/// </summary>
internal sealed class SummaryJob(SummaryFreshness freshness, SummaryMaintenance maintenance, IConfiguration configuration)
    : IRecurringJob
{
    public static string Name => "dashboard-summary";

    public TimeSpan Interval => TimeSpan.FromMinutes(configuration.GetValue("Yhdessa:Monitoring:SummaryCheckMinutes", 10.0));

    public Task RunAsync(CancellationToken cancellationToken)
    {
        freshness.AssumeStale();
        return maintenance.EnsureFreshAsync(cancellationToken);
    }
}
