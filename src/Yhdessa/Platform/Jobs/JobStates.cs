using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Yhdessa.Platform.Data;

namespace Yhdessa.Platform.Jobs;

/// <summary>What /admin/jobs and /health/ready show of one job's schedule row. <paramref name="Instance"/> names the
/// instance of a per-instance job's row; <paramref name="OtherInstance"/> marks the rows of other instances, which
/// answer for themselves (and may be gone: their rows stay a while after a restart).</summary>
public sealed record JobState(string Name, string? Instance, bool OtherInstance, ScheduledJob? Schedule, bool Overdue, string? RunningOn)
{
    /// <summary>The last run failed (its error is in <see cref="ScheduledJob.LastError"/>).</summary>
    public bool Failing => Schedule?.LastOutcome == JobOutcome.Failed;
    public bool NeedsAttention => !OtherInstance && (Failing || Overdue);
}

/// <summary>Reads the registered jobs' schedules. A job is overdue when no instance has started it long after it was
/// due: longer than a lease and a few polls, which only happens when no instance runs jobs or every attempt to
/// claim it fails.</summary>
public sealed class JobStates(YhdessaDb db, IEnumerable<RecurringJobRegistration> registrations, IOptions<JobOptions> options,
    JobInstance instance, TimeProvider clock)
{
    public async Task<IReadOnlyList<JobState>> ReadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Set<ScheduledJob>().AsNoTracking().ToListAsync(cancellationToken);
        var late = now - options.Value.Lease - 3 * options.Value.PollInterval;
        var states = new List<JobState>();
        foreach (var job in registrations.OrderBy(j => j.Name, StringComparer.Ordinal))
        {
            var prefix = job.Name + "@";
            var schedules = job.PerInstance
                ? rows.Where(r => r.Name.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(r => r.Name, StringComparer.Ordinal)
                    .Select(r => (Instance: (string?)r.Name[prefix.Length..], Row: (ScheduledJob?)r)).ToList()
                : [(null, rows.SingleOrDefault(r => r.Name == job.Name))];
            if (schedules.Count == 0) schedules.Add((null, null));
            foreach (var (instanceName, row) in schedules)
            {
                var runningOn = row is { LeaseUntil: { } until } && until >= now ? row.LeaseOwner : null;
                var other = instanceName is not null && instanceName != instance.Name;
                var overdue = !other && row is not null && runningOn is null && row.NextRunAt < late;
                states.Add(new JobState(job.Name, instanceName, other, row, overdue, runningOn));
            }
        }
        return states;
    }
}

/// <summary>Part of /health/ready: degraded while a job's last run failed or a job is overdue. The details (for
/// coordinators only, see <c>HealthSetup</c>) list every job.</summary>
internal sealed class JobsHealthCheck(JobStates states) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        var jobs = await states.ReadAsync(cancellationToken);
        var data = jobs.ToDictionary(j => j.Instance is null ? j.Name : $"{j.Name}@{j.Instance}", j => (object)new
        {
            lastStartedAt = j.Schedule?.LastStartedAt,
            lastFinishedAt = j.Schedule?.LastFinishedAt,
            lastOutcome = j.Schedule?.LastOutcome?.ToString(),
            lastError = j.Schedule?.LastError,
            nextRunAt = j.Schedule?.NextRunAt,
            runningOn = j.RunningOn,
            overdue = j.Overdue,
        });
        var failing = jobs.Where(j => j.Failing && !j.OtherInstance).Select(j => j.Name).ToList();
        var overdue = jobs.Where(j => j.Overdue).Select(j => j.Name).ToList();
        if (failing.Count == 0 && overdue.Count == 0) return HealthCheckResult.Healthy(data: data);
        var description = string.Join("; ", new[]
        {
            failing.Count > 0 ? "last run failed: " + string.Join(", ", failing) : null,
            overdue.Count > 0 ? "overdue: " + string.Join(", ", overdue) : null,
        }.OfType<string>());
        return HealthCheckResult.Degraded(description, data: data);
    }
}
