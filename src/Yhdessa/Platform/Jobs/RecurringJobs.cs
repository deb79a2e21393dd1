namespace Yhdessa.Platform.Jobs;

/// <summary>
/// Work that runs again and again in the background (sending email, reminders, erasure on time). The class is
/// registered by its feature with <see cref="RecurringJobs.AddRecurringJob{TJob}"/>, resolved in a scope of its own for
/// each run, and run by <see cref="JobRunner"/> once per due time across all app instances.
/// </summary>
public interface IRecurringJob
{
    /// <summary>The job's key in <c>ScheduledJobs</c> and on /admin/jobs; never changed once released (a new name
    /// starts a new schedule).</summary>
    static abstract string Name { get; }

    /// <summary>Work that belongs to each instance (such as a folder on its own disk) runs on every instance, with a
    /// schedule row of its own per instance.</summary>
    static virtual bool PerInstance => false;

    /// <summary>Time from the start of one run to the next due time.</summary>
    TimeSpan Interval { get; }

    /// <summary>How long after its schedule is first created the first run is due.</summary>
    TimeSpan FirstRunAfter => TimeSpan.Zero;

    /// <summary>Does the work. A run may stop anywhere (a crash, a shutdown) and is then run again, so each step
    /// must be safe to repeat: claim what is done once with a conditional update, as the email sender does.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}

/// <summary>A registered job: its name, class and whether it runs per instance.</summary>
public sealed record RecurringJobRegistration(string Name, Type JobType, bool PerInstance);

/// <summary>Section <c>Yhdessa:Jobs</c>.</summary>
public sealed class JobOptions
{
    /// <summary>Off, this instance runs no background work (other instances may).</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>How often the instance looks for due jobs.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>How long a claim holds without being renewed: after a crash, another instance takes the job over
    /// this long after the last renewal.</summary>
    public int LeaseSeconds { get; set; } = 120;
    /// <summary>This instance's name on /admin/jobs and in the lease; by default host name, process and a random part.</summary>
    public string? InstanceName { get; set; }

    public TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(1, LeaseSeconds));
}

public static class RecurringJobs
{
    /// <summary>The runner, the job states and their health check: once, in the platform's setup.</summary>
    public static IServiceCollection AddRecurringJobs(this IServiceCollection services)
    {
        services.AddOptions<JobOptions>().BindConfiguration("Yhdessa:Jobs");
        services.AddSingleton<JobInstance>();
        services.AddSingleton<JobRequests>();
        services.AddScoped<JobStates>();
        services.AddHostedService<JobRunner>();
        services.AddHealthChecks().AddCheck<JobsHealthCheck>("jobs", tags: ["ready"]);
        return services;
    }

    /// <summary>Runs <typeparamref name="TJob"/> every <see cref="IRecurringJob.Interval"/>.</summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services) where TJob : class, IRecurringJob
    {
        services.AddScoped<TJob>();
        services.AddSingleton(new RecurringJobRegistration(TJob.Name, typeof(TJob), TJob.PerInstance));
        return services;
    }
}

/// <summary>The name this instance claims jobs under.</summary>
public sealed class JobInstance(Microsoft.Extensions.Options.IOptions<JobOptions> options)
{
    public string Name { get; } = string.IsNullOrWhiteSpace(options.Value.InstanceName)
        // Two hosts in one process (tests) are two instances too, hence the random part.
        ? $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..6]}"
        : options.Value.InstanceName.Trim();

    /// <summary>The schedule row of a job on this instance.</summary>
    public string KeyOf(RecurringJobRegistration job) => job.PerInstance ? $"{job.Name}@{Name}" : job.Name;
}

/// <summary>
/// Asks for a job to run soon, without waiting for its due time: when something changed that it should act on
/// (stays saved, a search index update that failed). The request wakes this instance's runner, which still claims
/// the job first, so a requested run never overlaps a run elsewhere.
/// </summary>
public sealed class JobRequests
{
    private readonly HashSet<string> requested = [];
    private readonly SemaphoreSlim wake = new(0, 1);

    public void RunSoon(string name)
    {
        lock (requested) requested.Add(name);
        Wake();
    }

    /// <summary>Makes the runner look for due jobs now (a job finished here, and may be due again soon).</summary>
    internal void Wake()
    {
        try { wake.Release(); }
        catch (SemaphoreFullException) { }
    }

    internal bool IsRequested(string name) { lock (requested) return requested.Contains(name); }

    internal void Taken(string name) { lock (requested) requested.Remove(name); }

    internal Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => wake.WaitAsync(timeout, cancellationToken);
}
