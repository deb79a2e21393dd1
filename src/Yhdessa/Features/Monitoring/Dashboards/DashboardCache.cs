using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;
using Yhdessa.Features.Monitoring.Summary;

namespace Yhdessa.Features.Monitoring.Dashboards;

/// <summary>
/// Keeps computed dashboard figures for a few minutes (<c>Yhdessa:Monitoring:DashboardCacheMinutes</c>, default 5;
/// 0 turns it off). A national dashboard over a million stays takes seconds to compute and its figures change only
/// when a unit reports, so the same view asked again is answered from memory. Code that saves stays, aggregate
/// values or round methods, or deletes stays, calls <see cref="Changed"/>, which drops every cached dashboard at once
/// and has the dashboard summary brought up to date before the next figures are read.
/// </summary>
public sealed class DashboardCache(IMemoryCache cache, IConfiguration configuration, SummaryFreshness summary)
{
    private readonly TimeSpan lifetime = TimeSpan.FromMinutes(configuration.GetValue("Yhdessa:Monitoring:DashboardCacheMinutes", 5.0));
    private CancellationTokenSource changes = new();

    public Task<DashboardFigures> GetOrComputeAsync(DashboardScope scope, DateOnly asOf, Func<Task<DashboardFigures>> compute) =>
        GetOrComputeAsync((scope, asOf), compute);

    /// <summary>Anything computed from the monitoring data, under its own key, dropped with the dashboards on a change.</summary>
    public async Task<T> GetOrComputeAsync<T>(object key, Func<Task<T>> compute) where T : class
    {
        if (lifetime <= TimeSpan.Zero) return await compute();
        var entry = (typeof(T), key);
        if (cache.TryGetValue(entry, out T? value) && value is not null) return value;
        value = await compute();
        cache.Set(entry, value, new MemoryCacheEntryOptions()
            .SetAbsoluteExpiration(lifetime)
            .AddExpirationToken(new CancellationChangeToken(changes.Token)));
        return value;
    }

    /// <summary>The monitoring data changed: every cached dashboard is computed again on its next view.</summary>
    public void Changed()
    {
        summary.MarkStale();
        var old = Interlocked.Exchange(ref changes, new CancellationTokenSource());
        old.Cancel();
        old.Dispose();
    }
}
