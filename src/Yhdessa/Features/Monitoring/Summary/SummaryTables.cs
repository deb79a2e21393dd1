using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Monitoring.Summary;

namespace Yhdessa.Platform.Data
{
    public abstract partial class YhdessaDb
    {
        public DbSet<SummaryCount> SummaryCounts => Set<SummaryCount>();
        public DbSet<SummaryLengths> SummaryLengths => Set<SummaryLengths>();
        public DbSet<SummaryStamp> SummaryStamps => Set<SummaryStamp>();
    }
}

namespace Yhdessa.Features.Monitoring.Summary
{
    internal sealed class SummaryCountConfiguration : IEntityTypeConfiguration<SummaryCount>
    {
        public void Configure(EntityTypeBuilder<SummaryCount> count)
        {
            count.ToTable("MonitoringSummaryCounts");
            // The key doubles as the rebuild's guard: two rebuilds of one unit at once cannot both insert.
            count.HasKey(c => new { c.UnitId, c.MunicipalityCode, c.ServiceType, c.Year, c.Month, c.Measure, c.Key });
            count.Property(c => c.MunicipalityCode).HasMaxLength(3);
            count.Property(c => c.ServiceType).HasConversion<string>().HasMaxLength(MonitoringLimits.EnumText);
            // Dashboards read by year across units (nation, region, municipality).
            count.HasIndex(c => new { c.Year, c.Measure });
            count.HasOne<ReportingUnit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class SummaryLengthsConfiguration : IEntityTypeConfiguration<SummaryLengths>
    {
        public void Configure(EntityTypeBuilder<SummaryLengths> lengths)
        {
            lengths.ToTable("MonitoringSummaryLengths");
            lengths.HasKey(l => new { l.UnitId, l.MunicipalityCode, l.ServiceType, l.Year });
            lengths.Property(l => l.MunicipalityCode).HasMaxLength(3);
            lengths.Property(l => l.ServiceType).HasConversion<string>().HasMaxLength(MonitoringLimits.EnumText);
            lengths.HasIndex(l => l.Year);
            lengths.HasOne<ReportingUnit>().WithMany().HasForeignKey(l => l.UnitId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class SummaryStampConfiguration : IEntityTypeConfiguration<SummaryStamp>
    {
        public void Configure(EntityTypeBuilder<SummaryStamp> stamp)
        {
            stamp.ToTable("MonitoringSummaryStamps");
            stamp.HasKey(s => s.UnitId);
            stamp.Property(s => s.UnitId).ValueGeneratedNever();
            stamp.HasOne<ReportingUnit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
