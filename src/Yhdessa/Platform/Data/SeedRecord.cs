using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Yhdessa.Platform.Data;

/// <summary>Remembers that a one-time step (the demo content) has been done, so a restart never repeats it.</summary>
public class SeedRecord
{
    public string Name { get; set; } = "";
    public DateTimeOffset AppliedAt { get; set; }
}

internal sealed class SeedRecordConfiguration : IEntityTypeConfiguration<SeedRecord>
{
    public void Configure(EntityTypeBuilder<SeedRecord> seed)
    {
        seed.HasKey(s => s.Name);
        seed.Property(s => s.Name).HasMaxLength(100);
    }
}
