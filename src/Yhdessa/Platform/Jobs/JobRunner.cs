using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Yhdessa.Platform.Data;

namespace Yhdessa.Platform.Jobs;

/// <summary>
/// Runs the registered jobs on this instance: every <see cref="JobOptions.PollInterval"/> it claims each due job whose
/// lease is free with one conditional update (so on several instances one wins), runs it in a scope of its own while
/// renewing the lease, then records the outcome and the next due time and releases the lease. A job whose instance
/// crashed keeps its due time, so another instance takes it over once the lease has run out.
/// </summary>
internal sealed class JobRunner(IEnumerable<RecurringJobRegistration> registrations, IServiceScopeFactory scopes,
    IOptions<JobOptions> options, JobInstance instance, JobRequests requests, TimeProvider clock, ILogger<JobRunner> logger)
    : BackgroundService
{
    private readonly Dictionary<string, Task> running = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        var jobs = registrations.ToList();
        var scheduled = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.Value.PollInterval;
            try
            {
                if (!scheduled) scheduled = await ScheduleAsync(jobs, stoppingToken);
                wait = await StartDueAsync(jobs, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception e) { logger.LogWarning(e, "Looking for due jobs failed; will try again"); }
            try { await requests.WaitAsync(wait, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
        // The running jobs have seen the stop: let them record how far they got and release their leases.
        await Task.WhenAll(running.Values);
    }

    /// <summary>Creates the schedule rows this instance needs and brings forward a due time that a shortened interval
    /// would have reached already.</summary>
    private async Task<bool> ScheduleAsync(List<RecurringJobRegistration> jobs, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<YhdessaDb>();
        var now = clock.GetUtcNow();
        foreach (var job in jobs)
        {
            var work = (IRecurringJob)scope.ServiceProvider.GetRequiredService(job.JobType);
            var key = instance.KeyOf(job);
            if (!await db.Set<ScheduledJob>().AnyAsync(j => j.Name == key, cancellationToken))
            {
                db.Add(new ScheduledJob { Name = key, NextRunAt = now + work.FirstRunAfter });
                try { await db.SaveChangesAsync(cancellationToken); }
                // Another instance created it at the same moment.
                catch (DbUpdateException) { }
                db.ChangeTracker.Clear();
            }
            var latest = now + work.Interval;
            await db.Set<ScheduledJob>().Where(j => j.Name == key && j.NextRunAt > latest)
                .ExecuteUpdateAsync(set => set.SetProperty(j => j.NextRunAt, latest), cancellationToken);
        }
        // Rows of instances gone a while ago (a per-instance job's schedule is named after its instance, which is new
        // after every restart): not started for a day, or for three of the job's intervals if that is longer.
        foreach (var job in jobs.Where(j => j.PerInstance))
        {
            var work = (IRecurringJob)scope.ServiceProvider.GetRequiredService(job.JobType);
            var forgotten = now - TimeSpan.FromTicks(Math.Max(TimeSpan.FromDays(1).Ticks, 3 * work.Interval.Ticks));
            var prefix = job.Name + "@";
            await db.Set<ScheduledJob>()
                .Where(j => j.Name.StartsWith(prefix) && (j.LeaseUntil == null || j.LeaseUntil < now))
                .Where(j => (j.LastStartedAt ?? j.NextRunAt) < forgotten)
                .ExecuteDeleteAsync(cancellationToken);
        }
        return true;
    }

    /// <summary>Starts the due jobs this instance claims; returns how long to wait before looking again: until the
    /// next due time of a job waiting here, at most a poll interval (a job finishing here wakes the runner too).</summary>
    private async Task<TimeSpan> StartDueAsync(List<RecurringJobRegistration> jobs, CancellationToken stoppingToken)
    {
        foreach (var finished in running.Where(r => r.Value.IsCompleted).Select(r => r.Key).ToList()) running.Remove(finished);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<YhdessaDb>();
        foreach (var job in jobs)
        {
            var key = instance.KeyOf(job);
            if (running.ContainsKey(key)) continue;
            var requested = requests.IsRequested(job.Name);
            var now = clock.GetUtcNow();
            var leaseUntil = now + options.Value.Lease;
            // The claim: only one instance's update finds the job due and its lease free.
            var claimed = await db.Set<ScheduledJob>()
                .Where(j => j.Name == key && (requested || j.NextRunAt <= now) && (j.LeaseUntil == null || j.LeaseUntil < now))
                .ExecuteUpdateAsync(set => set.SetProperty(j => j.LeaseOwner, instance.Name)
                    .SetProperty(j => j.LeaseUntil, leaseUntil)
                    .SetProperty(j => j.LastStartedAt, now), stoppingToken);
            if (claimed == 0) continue;
            if (requested) requests.Taken(job.Name);
            running[key] = RunAsync(job, key, now, stoppingToken);
        }

        var waiting = jobs.Select(instance.KeyOf).Where(key => !running.ContainsKey(key)).ToList();
        var nextDue = await db.Set<ScheduledJob>().Where(j => waiting.Contains(j.Name) && j.LeaseUntil == null)
            .Select(j => j.NextRunAt).ToListAsync(stoppingToken);
        var wait = options.Value.PollInterval;
        if (nextDue.Count > 0)
        {
            var untilDue = nextDue.Min() - clock.GetUtcNow();
            // Not less than a moment, so that a job another instance claimed meanwhile is not asked for in a tight loop.
            wait = TimeSpan.FromTicks(Math.Clamp(untilDue.Ticks, TimeSpan.FromMilliseconds(50).Ticks, wait.Ticks));
        }
        return wait;
    }

    private async Task RunAsync(RecurringJobRegistration job, string key, DateTimeOffset startedAt, CancellationToken stoppingToken)
    {
        // Let the poll loop go on while the job runs.
        await Task.Yield();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var heartbeat = KeepLeaseAsync(job, key, cancel);
        var started = clock.GetTimestamp();
        TimeSpan? interval = null;
        JobOutcome outcome;
        string? error = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var work = (IRecurringJob)scope.ServiceProvider.GetRequiredService(job.JobType);
            interval = work.Interval;
            await work.RunAsync(cancel.Token);
            outcome = JobOutcome.Succeeded;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            outcome = JobOutcome.Interrupted;
            logger.LogInformation("Job {Job} stopped before it finished; it is due again at once", key);
        }
        catch (Exception e)
        {
            outcome = JobOutcome.Failed;
            error = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
            logger.LogWarning(e, "Job {Job} failed; it runs again at its next due time", key);
        }
        await cancel.CancelAsync();
        await heartbeat;

        var finishedAt = clock.GetUtcNow();
        var nextRunAt = outcome == JobOutcome.Interrupted
            // An unfinished run is due again at once; another instance may take it over.
            ? finishedAt
            : interval is { } every
                ? startedAt + every
                // A job that could not even be created is tried again at the next poll.
                : finishedAt + options.Value.PollInterval;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<YhdessaDb>();
            // Recording must not be cancelled by a shutdown: the lease would then hold the job until it runs out.
            var released = await db.Set<ScheduledJob>()
                .Where(j => j.Name == key && j.LeaseOwner == instance.Name)
                .ExecuteUpdateAsync(set =>
                {
                    set.SetProperty(j => j.LeaseOwner, (string?)null)
                        .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null)
                        .SetProperty(j => j.NextRunAt, nextRunAt)
                        .SetProperty(j => j.LastFinishedAt, finishedAt)
                        .SetProperty(j => j.LastOutcome, outcome)
                        .SetProperty(j => j.LastError, error)
                        .SetProperty(j => j.LastDurationMilliseconds, (long)clock.GetElapsedTime(started).TotalMilliseconds);
                    if (outcome == JobOutcome.Succeeded) set.SetProperty(j => j.LastSucceededAt, finishedAt);
                }, CancellationToken.None);
            if (released == 0)
                logger.LogWarning("Job {Job} finished after its lease had passed to another instance", key);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Recording the outcome of job {Job} failed; its lease runs out by itself", key);
        }
        requests.Wake();
    }

    /// <summary>Renews the lease while the job runs; stops the job if the lease was lost (this instance stalled
    /// past it and another took the job over).</summary>
    private async Task KeepLeaseAsync(RecurringJobRegistration job, string key, CancellationTokenSource run)
    {
        var lease = options.Value.Lease;
        while (!run.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(lease / 3, clock, run.Token);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<YhdessaDb>();
                var leaseUntil = clock.GetUtcNow() + lease;
                var renewed = await db.Set<ScheduledJob>()
                    .Where(j => j.Name == key && j.LeaseOwner == instance.Name)
                    .ExecuteUpdateAsync(set => set.SetProperty(j => j.LeaseUntil, leaseUntil), run.Token);
                if (renewed == 0)
                {
                    logger.LogWarning("Job {Job} lost its lease to another instance; stopping it here", job.Name);
                    await run.CancelAsync();
                }
            }
            catch (OperationCanceledException) when (run.IsCancellationRequested) { return; }
            catch (Exception e) { logger.LogWarning(e, "Renewing the lease of job {Job} failed; will try again", job.Name); }
        }
    }
}
