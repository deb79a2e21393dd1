using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Jobs;

namespace Yhdessa.Tests.Platform.Jobs;

/// <summary>Two app instances on one PostgreSQL database: a due job runs on one of them only, and when that one
/// crashes mid-run, the other takes the job over once the lease has run out. PostgreSQL only: several instances
/// share a PostgreSQL database; the embedded SQLite database belongs to one process.</summary>
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private readonly PostgresApp database = new();
    private JobRecorder recorder = new();
    private readonly Dictionary<string, WebApplicationFactory<Program>> hosts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        recorder.Gate.TrySetResult();
        await database.DisposeAsync();
    }

    /// <summary>Starts both instances, one after the other (the first migrates the database).</summary>
    private void Start()
    {
        foreach (var name in new[] { "instance-a", "instance-b" })
        {
            var host = database.WithWebHostBuilder(builder =>
            {
                builder.UseSetting("Yhdessa:Jobs:Enabled", "true");
                builder.UseSetting("Yhdessa:Jobs:PollInterval", "00:00:00.100");
                builder.UseSetting("Yhdessa:Jobs:LeaseSeconds", "2");
                builder.UseSetting("Yhdessa:Jobs:InstanceName", name);
                builder.ConfigureTestServices(services =>
                {
                    services.AddSingleton(recorder);
                    services.AddRecurringJob<SharedJob>();
                    services.AddRecurringJob<TickJob>();
                    // A run stuck in its work does not hold up the end of a test for long.
                    services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(1));
                });
            });
            _ = host.Services;
            hosts[name] = host;
        }
    }

    private async Task<ScheduledJob> SharedScheduleAsync()
    {
        using var scope = hosts.Values.First().Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<YhdessaDb>().Set<ScheduledJob>().AsNoTracking()
            .SingleAsync(j => j.Name == SharedJob.Name);
    }

    /// <summary>Waits until the instance has looked for due jobs a few more times.</summary>
    private async Task PollsOfAsync(string instance)
    {
        var seen = recorder.Ticks(instance);
        await JobsApps.WaitUntilAsync(() => recorder.Ticks(instance) >= seen + 3, $"{instance} to keep polling");
    }

    [Fact]
    public async Task A_due_job_runs_on_one_instance_only()
    {
        Start();
        await JobsApps.WaitUntilAsync(() => recorder.SharedRuns.Count > 0, "the shared job to start");
        var runner = recorder.SharedRuns.Single();
        Assert.Equal(runner, (await SharedScheduleAsync()).LeaseOwner);

        // While it runs, both instances keep looking for due jobs, and neither starts it again.
        await PollsOfAsync("instance-a");
        await PollsOfAsync("instance-b");
        Assert.Single(recorder.SharedRuns);

        recorder.Gate.SetResult();
        await JobsApps.WaitUntilAsync(async () => (await SharedScheduleAsync()).LastOutcome == JobOutcome.Succeeded,
            "the shared job's outcome");
        var done = await SharedScheduleAsync();
        Assert.Null(done.LeaseOwner);
        Assert.True(done.NextRunAt > DateTimeOffset.UtcNow.AddMinutes(50), "the next run is an interval later");
        await PollsOfAsync("instance-a");
        await PollsOfAsync("instance-b");
        Assert.Single(recorder.SharedRuns);
    }

    [Fact]
    public async Task When_the_instance_running_a_job_crashes_the_other_finishes_it_after_the_lease()
    {
        recorder = new JobRecorder { OnlyFirstRunWaits = true };
        Start();
        await JobsApps.WaitUntilAsync(() => recorder.SharedRuns.Count > 0, "the shared job to start");
        var crashed = recorder.SharedRuns.Single();
        var survivor = hosts.Keys.Single(k => k != crashed);
        // The lease is renewed while the run goes on: past its first end, the other instance still waits.
        var firstLease = (await SharedScheduleAsync()).LeaseUntil!.Value;
        await JobsApps.WaitUntilAsync(async () => DateTimeOffset.UtcNow > firstLease
            && (await SharedScheduleAsync()).LeaseUntil > firstLease, "the lease to be renewed");
        await PollsOfAsync(survivor);
        Assert.Single(recorder.SharedRuns);

        // The run never ends; its instance goes away without releasing the lease, as a crash leaves it.
        await hosts[crashed].DisposeAsync();
        hosts.Remove(crashed);
        var held = await SharedScheduleAsync();
        Assert.Equal(crashed, held.LeaseOwner);
        Assert.Null(held.LastFinishedAt);

        await JobsApps.WaitUntilAsync(async () => (await SharedScheduleAsync()).LastOutcome == JobOutcome.Succeeded,
            "the other instance to finish the job");
        Assert.Equal([crashed, survivor], recorder.SharedRuns);
        var finished = await SharedScheduleAsync();
        Assert.Null(finished.LeaseOwner);
        Assert.True(finished.LastStartedAt >= held.LeaseUntil, "taken over only after the lease ran out");
    }
}
