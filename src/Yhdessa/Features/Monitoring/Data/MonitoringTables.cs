using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Platform.Data
{
    public abstract partial class YhdessaDb
    {
        public DbSet<ReportingUnit> ReportingUnits => Set<ReportingUnit>();
        public DbSet<ReportingUnitReporter> ReportingUnitReporters => Set<ReportingUnitReporter>();
        public DbSet<HousingService> HousingServices => Set<HousingService>();
        public DbSet<Stay> Stays => Set<Stay>();
        public DbSet<CollectionRound> CollectionRounds => Set<CollectionRound>();
        public DbSet<RoundUnit> RoundUnits => Set<RoundUnit>();
        public DbSet<RoundUnitEvent> RoundUnitEvents => Set<RoundUnitEvent>();
        public DbSet<AggregateValue> AggregateValues => Set<AggregateValue>();
        public DbSet<AnnualSurvey> AnnualSurveys => Set<AnnualSurvey>();
    }
}

namespace Yhdessa.Features.Monitoring.Data
{
    public static class MonitoringLimits
    {
        public const int Name = 200;
        public const int ServiceCode = 20;
        public const int ResidentCode = 40;
        public const int Period = 6;
        public const int Comment = 2000;
        public const int Category = 40;
        public const int EnumText = 40;
        /// <summary>A count or a number of places no unit comes near; a larger one is a typing error.</summary>
        public const int MaxCount = 100_000;
    }

    internal sealed class ReportingUnitConfiguration : IEntityTypeConfiguration<ReportingUnit>
    {
        public void Configure(EntityTypeBuilder<ReportingUnit> unit)
        {
            unit.ToTable("MonitoringUnits");
            unit.Property(u => u.Name).HasMaxLength(MonitoringLimits.Name);
            unit.HasIndex(u => u.Name).IsUnique();
            unit.Property(u => u.Kind).HasConversion<string>().HasMaxLength(MonitoringLimits.EnumText);
            unit.Property(u => u.MunicipalityCode).HasMaxLength(3);
            unit.HasIndex(u => u.MunicipalityCode);
            // A directory entry may go; the unit and its data stay.
            unit.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        }
    }

    internal sealed class ReportingUnitReporterConfiguration : IEntityTypeConfiguration<ReportingUnitReporter>
    {
        public void Configure(EntityTypeBuilder<ReportingUnitReporter> reporter)
        {
            reporter.ToTable("MonitoringUnitReporters");
            reporter.HasKey(r => new { r.UnitId, r.UserId });
            // The access filter looks units up by the signed-in user.
            reporter.HasIndex(r => r.UserId);
            reporter.HasOne<ReportingUnit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Cascade);
            reporter.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class HousingServiceConfiguration : IEntityTypeConfiguration<HousingService>
    {
        public void Configure(EntityTypeBuilder<HousingService> service)
        {
            service.ToTable("MonitoringServices");
            service.Property(s => s.Code).HasMaxLength(MonitoringLimits.ServiceCode);
            service.HasIndex(s => new { s.UnitId, s.Code }).IsUnique();
            service.Property(s => s.Name).HasMaxLength(MonitoringLimits.Name);
            service.Property(s => s.MunicipalityCode).HasMaxLength(3);
            service.Property(s => s.Type).HasConversion<string>().HasMaxLength(MonitoringLimits.EnumText);
            service.HasOne<ReportingUnit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
            service.ToTable(t => t.HasCheckConstraint("CK_MonitoringServices_Places", "\"Places\" >= 0"));
        }
    }

    internal sealed class StayConfiguration : IEntityTypeConfiguration<Stay>
    {
        public void Configure(EntityTypeBuilder<Stay> stay)
        {
            stay.ToTable("MonitoringStays", t =>
            {
                // The entity's invariants again, so that no path around it (SQL, a bug) can store a broken stay.
                t.HasCheckConstraint("CK_MonitoringStays_EndAfterMoveIn", "\"End\" IS NULL OR \"End\" >= \"MoveIn\"");
                t.HasCheckConstraint("CK_MonitoringStays_DestinationIffEnd",
                    "(\"End\" IS NULL AND \"Destination\" IS NULL) OR (\"End\" IS NOT NULL AND \"Destination\" IS NOT NULL)");
            });
            stay.Property(s => s.ResidentCode).HasMaxLength(MonitoringLimits.ResidentCode);
            stay.Property(s => s.SituationBefore).HasConversion<string>().HasMaxLength(MonitoringLimits.EnumText);
            stay.Property(s => s.Destination).HasConversion<string>().HasMaxLength(MonitoringLimits.EnumText);
            // The same stay reported twice (the same file imported again) is the same row.
            stay.HasIndex(s => new { s.UnitId, s.ServiceId, s.ResidentCode, s.MoveIn }).IsUnique();
            // Overlap checks and returns to homelessness look a resident up within a unit.
            stay.HasIndex(s => new { s.UnitId, s.ResidentCode });
            stay.HasIndex(s => s.ServiceId);
            stay.HasIndex(s => s.RoundId);
            // The dashboard summary's staleness check (count and latest change per unit) reads only this index.
            stay.HasIndex(s => new { s.UnitId, s.UpdatedAt });
            stay.HasOne<ReportingUnit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
            stay.HasOne<HousingService>().WithMany().HasForeignKey(s => s.ServiceId).OnDelete(DeleteBehavior.Restrict);
            stay.HasOne<CollectionRound>().WithMany().HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Restrict);
        }
    }

    internal sealed class CollectionRoundConfiguration : IEntityTypeConfiguration<CollectionRound>
    {
        public void Configure(EntityTypeBuilder<CollectionRound> round)
        {
            round.ToTable("MonitoringRounds", t =>
                t.HasCheckConstraint("CK_MonitoringRounds_Period", "\"End\" >= \"Start\""));
            round.Property(r => r.Name).HasMaxLength(MonitoringLimits.Name);
            round.Property(r => r.Period).HasMaxLength(MonitoringLimits.Period);
            round.HasIndex(r => r.Start);
        }
    }

    internal sealed class RoundUnitConfiguration : IEntityTypeConfiguration<RoundUnit>
    {
        public void Configure(EntityTypeBuilder<RoundUnit> roundUnit)
        {
            roundUnit.ToTable("MonitoringRoundUnits");
            roundUnit.HasKey(r => new { r.RoundId, r.UnitId });
            roundUnit.HasIndex(r => r.UnitId);
            roundUnit.Property(r => r.Status).HasConversion<string>().HasMaxLength(MonitoringLimits.EnumText);
            roundUnit.Property(r => r.Method).HasConversion<string>().HasMaxLength(MonitoringLimits.EnumText);
            roundUnit.Property(r => r.LastComment).HasMaxLength(MonitoringLimits.Comment);
            roundUnit.HasOne<CollectionRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
            roundUnit.HasOne<ReportingUnit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        }
    }

    internal sealed class RoundUnitEventConfiguration : IEntityTypeConfiguration<RoundUnitEvent>
    {
        public void Configure(EntityTypeBuilder<RoundUnitEvent> e)
        {
            e.ToTable("MonitoringRoundUnitEvents");
            e.HasIndex(x => new { x.RoundId, x.UnitId, x.At });
            e.Property(x => x.ActorId).HasMaxLength(450);
            // The history stays when the account that wrote it is erased; only the link goes.
            e.HasOne<User>().WithMany().HasForeignKey(x => x.ActorId).OnDelete(DeleteBehavior.SetNull);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(MonitoringLimits.EnumText);
            e.Property(x => x.Comment).HasMaxLength(MonitoringLimits.Comment);
            e.HasOne<RoundUnit>().WithMany().HasForeignKey(x => new { x.RoundId, x.UnitId }).OnDelete(DeleteBehavior.Cascade);
            // A settled report's history reads the notes other rounds wrote about its stays.
            e.HasIndex(x => new { x.SettledRoundId, x.UnitId });
            e.HasOne<CollectionRound>().WithMany().HasForeignKey(x => x.SettledRoundId).OnDelete(DeleteBehavior.Restrict);
        }
    }

    internal sealed class AggregateValueConfiguration : IEntityTypeConfiguration<AggregateValue>
    {
        public void Configure(EntityTypeBuilder<AggregateValue> value)
        {
            value.ToTable("MonitoringAggregateValues", t =>
                t.HasCheckConstraint("CK_MonitoringAggregateValues_Count", "\"Count\" >= 0"));
            value.Property(v => v.ServiceType).HasConversion<string>().HasMaxLength(MonitoringLimits.EnumText);
            value.Property(v => v.Measure).HasConversion<string>().HasMaxLength(MonitoringLimits.EnumText);
            value.Property(v => v.Category).HasMaxLength(MonitoringLimits.Category);
            // One value per cell of the data set: reporting again replaces, never adds.
            value.HasIndex(v => new { v.RoundId, v.UnitId, v.ServiceType, v.Measure, v.Category }).IsUnique();
            value.HasIndex(v => v.UnitId);
            value.HasOne<CollectionRound>().WithMany().HasForeignKey(v => v.RoundId).OnDelete(DeleteBehavior.Restrict);
            value.HasOne<ReportingUnit>().WithMany().HasForeignKey(v => v.UnitId).OnDelete(DeleteBehavior.Restrict);
        }
    }

    internal sealed class AnnualSurveyConfiguration : IEntityTypeConfiguration<AnnualSurvey>
    {
        public void Configure(EntityTypeBuilder<AnnualSurvey> survey)
        {
            survey.ToTable("MonitoringAnnualSurveys", t =>
            {
                foreach (var column in new[] { "AddedScatteredWithSupport", "AddedHousingFirstCongregate",
                             "AddedSupportedHousing", "AddedIntensiveServiceHousing", "AddedOther" })
                    t.HasCheckConstraint($"CK_MonitoringAnnualSurveys_{column}", $"\"{column}\" >= 0");
            });
            survey.Property(s => s.MunicipalityCode).HasMaxLength(3);
            survey.HasIndex(s => new { s.MunicipalityCode, s.Year }).IsUnique();
            survey.HasOne<ReportingUnit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.SetNull);
            survey.Property(s => s.WorkForms).HasMaxLength(1000);
            survey.Property(s => s.Comments).HasMaxLength(MonitoringLimits.Comment);
            survey.Property(s => s.ChangeExplanation).HasMaxLength(MonitoringLimits.Comment);
            survey.Ignore(s => s.AddedTotal);
        }
    }
}
