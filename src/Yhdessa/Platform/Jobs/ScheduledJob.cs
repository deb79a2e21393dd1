using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Yhdessa.Platform.Jobs;

/// <summary>
/// The schedule and last outcome of one recurring job, shared by all app instances. An instance runs the job only
/// after claiming its lease (<see cref="LeaseOwner"/>, <see cref="LeaseUntil"/>) with one conditional update, renews
/// the lease while the job runs and releases it with the outcome and the next due time.
/// </summary>
public class ScheduledJob
{
    /// <summary>The job's name, followed by <c>@instance</c> for a job that runs on every instance.</summary>
    public string Name { get; set; } = "";
    public DateTimeOffset NextRunAt { get; set; }
    public string? LeaseOwner { get; set; }
    /// <summary>Past this moment the lease is free again, whoever held it (a crashed instance renews nothing).</summary>
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset? LastStartedAt { get; set; }
    public DateTimeOffset? LastFinishedAt { get; set; }
    public DateTimeOffset? LastSucceededAt { get; set; }
    public JobOutcome? LastOutcome { get; set; }
    /// <summary>The exception's message of the last failed run; cleared by a successful one.</summary>
    public string? LastError { get; set; }
    public long? LastDurationMilliseconds { get; set; }
}

public enum JobOutcome
{
    Succeeded,
    Failed,
    /// <summary>Stopped with its instance before it finished; due again at once.</summary>
    Interrupted,
}

internal sealed class ScheduledJobConfiguration : IEntityTypeConfiguration<ScheduledJob>
{
    public void Configure(EntityTypeBuilder<ScheduledJob> job)
    {
        job.ToTable("ScheduledJobs");
        job.HasKey(j => j.Name);
        job.Property(j => j.Name).HasMaxLength(200);
        job.Property(j => j.LeaseOwner).HasMaxLength(200);
        job.Property(j => j.LastOutcome).HasConversion<string>().HasMaxLength(20);
        job.Property(j => j.LastError).HasMaxLength(2000);
    }
}
