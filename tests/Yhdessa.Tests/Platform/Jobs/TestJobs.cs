using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Platform.Jobs;
using Yhdessa.Tests.Support;

namespace Yhdessa.Tests.Platform.Jobs;

/// <summary>What the test jobs did, shared by every host of a test.</summary>
public sealed class JobRecorder
{
    private readonly ConcurrentQueue<string> sharedRuns = new();
    private readonly ConcurrentDictionary<string, int> ticks = new();
    private int failingRuns;
    private volatile bool failing = true;

    /// <summary>The shared job's runs wait for this.</summary>
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Only the first run of the shared job waits for <see cref="Gate"/>; later ones finish at once.</summary>
    public bool OnlyFirstRunWaits { get; init; }

    public IReadOnlyList<string> SharedRuns => sharedRuns.ToList();
    public int Ticks(string instance) => ticks.GetValueOrDefault(instance);
    public int CountedRuns;
    public int FailingRuns => Volatile.Read(ref failingRuns);

    public Task RunSharedAsync(string instance)
    {
        sharedRuns.Enqueue(instance);
        // A run blocked here ignores cancellation, as a run stuck in work would: only a crash ends it.
        return !OnlyFirstRunWaits || sharedRuns.Count == 1 ? Gate.Task : Task.CompletedTask;
    }

    public void Tick(string instance) => ticks.AddOrUpdate(instance, 1, (_, n) => n + 1);

    /// <summary>Counts a run of the failing job; true while it is to fail.</summary>
    public bool Fail()
    {
        Interlocked.Increment(ref failingRuns);
        return failing;
    }

    public void StopFailing() => failing = false;
}

/// <summary>Runs hourly on one instance at a time; see <see cref="JobRecorder.RunSharedAsync"/>.</summary>
internal sealed class SharedJob(JobRecorder recorder, JobInstance instance) : IRecurringJob
{
    public static string Name => "test-shared";
    public TimeSpan Interval => TimeSpan.FromHours(1);
    public Task RunAsync(CancellationToken cancellationToken) => recorder.RunSharedAsync(instance.Name);
}

/// <summary>Runs often on every instance, so a test sees that an instance keeps looking for due jobs.</summary>
internal sealed class TickJob(JobRecorder recorder, JobInstance instance) : IRecurringJob
{
    public static string Name => "test-tick";
    public static bool PerInstance => true;
    public TimeSpan Interval => TimeSpan.FromMilliseconds(100);
    public Task RunAsync(CancellationToken cancellationToken)
    {
        recorder.Tick(instance.Name);
        return Task.CompletedTask;
    }
}

internal sealed class CountedJob(JobRecorder recorder) : IRecurringJob
{
    public static string Name => "test-counted";
    public TimeSpan Interval => TimeSpan.FromHours(1);
    public Task RunAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref recorder.CountedRuns);
        return Task.CompletedTask;
    }
}

/// <summary>Fails until <see cref="JobRecorder.StopFailing"/>.</summary>
internal sealed class FailingJob(JobRecorder recorder) : IRecurringJob
{
    public static string Name => "test-failing";
    public TimeSpan Interval => TimeSpan.FromHours(1);
    public Task RunAsync(CancellationToken cancellationToken) => recorder.Fail()
        ? throw new InvalidOperationException("Palvelin ei vastannut ajoissa")
        : Task.CompletedTask;
}

/// <summary>An app whose jobs run (polling often), with two test jobs beside the platform's own.</summary>
public sealed class JobsAppOnSqlite : SqliteApp
{
    public JobRecorder Recorder { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        JobsApps.Configure(builder, Recorder);
    }
}

public sealed class JobsAppOnPostgres : PostgresApp
{
    public JobRecorder Recorder { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        JobsApps.Configure(builder, Recorder);
    }
}

internal static class JobsApps
{
    public static void Configure(IWebHostBuilder builder, JobRecorder recorder)
    {
        builder.UseSetting("Yhdessa:Jobs:Enabled", "true");
        builder.UseSetting("Yhdessa:Jobs:PollInterval", "00:00:00.100");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(recorder);
            services.AddRecurringJob<CountedJob>();
            services.AddRecurringJob<FailingJob>();
        });
    }

    /// <summary>Waits for a condition, polling, up to a deadline.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Waited {seconds} s for: {what}");
            await Task.Delay(50);
        }
    }

    public static Task WaitUntilAsync(Func<bool> condition, string what, int seconds = 30) =>
        WaitUntilAsync(() => Task.FromResult(condition()), what, seconds);
}
