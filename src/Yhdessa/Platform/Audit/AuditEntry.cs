using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Yhdessa.Platform.Audit;

/// <summary>One thing that happened and must be answerable later: who did what, to what, when, from where.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The account that acted; null for a visitor or the system.</summary>
    public string? ActorId { get; set; }
    /// <summary>A short, stable name such as <c>role.granted</c> or <c>account.deleted</c>.</summary>
    public string Action { get; set; } = "";
    /// <summary>What the action was done to, e.g. <c>user:1f2e…</c>.</summary>
    public string Subject { get; set; } = "";
    /// <summary>Detail without personal data beyond what the action needs.</summary>
    public string? Details { get; set; }
    public string? IpAddress { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.Property(e => e.Action).HasMaxLength(100);
        entry.Property(e => e.Subject).HasMaxLength(200);
        entry.Property(e => e.Details).HasMaxLength(2000);
        entry.Property(e => e.ActorId).HasMaxLength(450);
        entry.Property(e => e.IpAddress).HasMaxLength(64);
        entry.HasIndex(e => e.At);
        entry.HasIndex(e => e.Action);
        entry.HasIndex(e => e.Subject);
    }
}
