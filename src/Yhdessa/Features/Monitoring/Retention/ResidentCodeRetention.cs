using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Monitoring.Dashboards;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Jobs;

namespace Yhdessa.Features.Monitoring.Retention;

/// <summary>Bound from <c>Yhdessa:Monitoring</c>.</summary>
public sealed class RetentionOptions
{
    /// <summary>How many years after a resident's last stay in a unit ended the unit's own code is kept. Three: the
    /// longest follow-up, returns to homelessness within 24 months of an exit, is over by then with a year to spare
    /// for late reports and corrections.</summary>
    public int ResidentCodeYears { get; set; } = 3;

    public TimeSpan RetentionJobInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The first run waits this long after start, out of the way of start-up work (migrations, demo data),
    /// so that a server restarted more often than daily still runs it.</summary>
    public TimeSpan RetentionJobFirstRunAfter { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// "Delete it on time": the resident code is the unit's own pseudonym, and while the platform holds it the unit can
/// link a stay back to a person through its register. When every stay of a resident in a unit ended more than
/// <see cref="RetentionOptions.ResidentCodeYears"/> years ago, that code is replaced on those stays with one fresh
/// random token, the same for all of them, so the stays still belong together (historical returns and retention
/// figures stay computable) but nobody can look the person up any more. A resident with an ongoing or recent stay
/// keeps the code on all their stays in the unit. Scoped; <see cref="ResidentCodeRetentionJob"/> runs it daily and
/// tests call it directly.
/// </summary>
public sealed class ResidentCodeRetention(YhdessaDb db, IOptions<RetentionOptions> options, TimeProvider clock, AuditLog audit,
    DashboardCache dashboards, ILogger<ResidentCodeRetention> logger)
{
    /// <summary>Starts every token. Resident codes are letters, digits, _ and - only, so no code a unit reports can be a
    /// token or meet one.</summary>
    public const string TokenPrefix = "~";

    private const int Batch = 500;

    /// <summary>Replaces the codes that are due; returns how many stays changed.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = MonitoringDisplay.Today(clock).AddYears(-options.Value.ResidentCodeYears);
        var changed = 0;
        var residents = 0;
        while (true)
        {
            var due = await db.Stays
                .Where(s => !s.ResidentCode.StartsWith(TokenPrefix))
                .GroupBy(s => new { s.UnitId, s.ResidentCode })
                .Where(g => g.Count(s => s.End == null || s.End >= cutoff) == 0)
                .Select(g => g.Key)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (due.Count == 0) break;
            var now = clock.GetUtcNow();
            foreach (var resident in due)
            {
                var token = TokenPrefix + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
                // Checked again in the same statement: a stay reported since the query above keeps the code for all.
                changed += await db.Stays
                    .Where(s => s.UnitId == resident.UnitId && s.ResidentCode == resident.ResidentCode
                        && !db.Stays.Any(o => o.UnitId == resident.UnitId && o.ResidentCode == resident.ResidentCode
                            && (o.End == null || o.End >= cutoff)))
                    .ExecuteUpdateAsync(set => set.SetProperty(s => s.ResidentCode, token).SetProperty(s => s.UpdatedAt, now),
                        cancellationToken);
                residents++;
            }
            if (due.Count < Batch) break;
        }
        if (changed == 0) return 0;
        // A count only: which codes were cut is exactly what must no longer be known.
        await audit.RecordNowAsync("monitoring.resident-codes-retired", "monitoring-stays",
            $"residents={residents} stays={changed} endedBefore={cutoff:yyyy-MM-dd}", cancellationToken: cancellationToken);
        dashboards.Changed();
        logger.LogInformation("Resident codes retired: {Residents} residents, {Stays} stays", residents, changed);
        return changed;
    }
}

/// <summary>Runs <see cref="ResidentCodeRetention"/> every <see cref="RetentionOptions.RetentionJobInterval"/>, the first
/// time <see cref="RetentionOptions.RetentionJobFirstRunAfter"/> after its schedule was created. Safe to repeat after a
/// run that was cut short: a code already replaced is not due again.</summary>
internal sealed class ResidentCodeRetentionJob(ResidentCodeRetention retention, IOptions<RetentionOptions> options) : IRecurringJob
{
    public static string Name => "resident-code-retention";

    public TimeSpan Interval => options.Value.RetentionJobInterval;

    public TimeSpan FirstRunAfter => options.Value.RetentionJobFirstRunAfter;

    public Task RunAsync(CancellationToken cancellationToken) => retention.RunAsync(cancellationToken);
}

public static class RetentionSetup
{
    public static IServiceCollection AddMonitoringRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration("Yhdessa:Monitoring");
        services.AddScoped<ResidentCodeRetention>();
        services.AddRecurringJob<ResidentCodeRetentionJob>();
        return services;
    }
}
