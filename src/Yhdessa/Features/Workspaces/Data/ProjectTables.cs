using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Yhdessa.Features.Network.Data;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Platform.Data
{
    public abstract partial class YhdessaDb
    {
        public DbSet<WorkspaceSubProject> WorkspaceSubProjects => Set<WorkspaceSubProject>();
        public DbSet<WorkspaceSubProjectMember> WorkspaceSubProjectMembers => Set<WorkspaceSubProjectMember>();
        public DbSet<WorkspaceGoal> WorkspaceGoals => Set<WorkspaceGoal>();
        public DbSet<WorkspaceIndicator> WorkspaceIndicators => Set<WorkspaceIndicator>();
        public DbSet<WorkspaceMeasurement> WorkspaceMeasurements => Set<WorkspaceMeasurement>();
        public DbSet<WorkspaceReportRound> WorkspaceReportRounds => Set<WorkspaceReportRound>();
        public DbSet<WorkspaceReport> WorkspaceReports => Set<WorkspaceReport>();
        public DbSet<WorkspaceBudget> WorkspaceBudgets => Set<WorkspaceBudget>();
        public DbSet<WorkspaceCost> WorkspaceCosts => Set<WorkspaceCost>();
    }
}

namespace Yhdessa.Features.Workspaces.Data
{
    public static class ProjectLimits
    {
        public const int Goals = 300;
        public const int Indicators = 10;
        public const int Unit = 40;
        public const int Period = 40;
        /// <summary>The largest amount taken, in euros: above any sub-project's budget, below what a typo in a
        /// spreadsheet would make.</summary>
        public const decimal MaxAmount = 100_000_000m;
        public const decimal MaxValue = 1_000_000_000m;
        public const int CostRows = 10_000;
    }

    internal sealed class WorkspaceSubProjectConfiguration : IEntityTypeConfiguration<WorkspaceSubProject>
    {
        public void Configure(EntityTypeBuilder<WorkspaceSubProject> s)
        {
            s.Property(x => x.Name).HasMaxLength(WorkspaceLimits.Title);
            s.Property(x => x.LeadId).HasMaxLength(450);
            s.HasIndex(x => new { x.WorkspaceId, x.Name }).IsUnique();
            s.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
            s.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            s.HasOne<User>().WithMany().HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.SetNull);
        }
    }

    internal sealed class WorkspaceSubProjectMemberConfiguration : IEntityTypeConfiguration<WorkspaceSubProjectMember>
    {
        public void Configure(EntityTypeBuilder<WorkspaceSubProjectMember> m)
        {
            m.HasKey(x => new { x.SubProjectId, x.UserId });
            m.Property(x => x.UserId).HasMaxLength(450);
            m.HasIndex(x => x.UserId);
            m.HasOne<WorkspaceSubProject>().WithMany().HasForeignKey(x => x.SubProjectId).OnDelete(DeleteBehavior.Cascade);
            m.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class WorkspaceGoalConfiguration : IEntityTypeConfiguration<WorkspaceGoal>
    {
        public void Configure(EntityTypeBuilder<WorkspaceGoal> g)
        {
            g.Property(x => x.Title).HasMaxLength(WorkspaceLimits.Title);
            g.Property(x => x.Description).HasMaxLength(WorkspaceLimits.Decision);
            g.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            g.HasIndex(x => new { x.WorkspaceId, x.Position });
            g.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
            g.HasOne<WorkspaceGoal>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Cascade);
            g.HasOne<WorkspaceSubProject>().WithMany().HasForeignKey(x => x.SubProjectId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class WorkspaceIndicatorConfiguration : IEntityTypeConfiguration<WorkspaceIndicator>
    {
        public void Configure(EntityTypeBuilder<WorkspaceIndicator> i)
        {
            i.Property(x => x.Name).HasMaxLength(WorkspaceLimits.Title);
            i.Property(x => x.Unit).HasMaxLength(ProjectLimits.Unit);
            i.Property(x => x.Baseline).HasPrecision(14, 2);
            i.Property(x => x.Target).HasPrecision(14, 2);
            i.HasIndex(x => x.WorkspaceId);
            i.HasOne<WorkspaceGoal>().WithMany().HasForeignKey(x => x.GoalId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class WorkspaceMeasurementConfiguration : IEntityTypeConfiguration<WorkspaceMeasurement>
    {
        public void Configure(EntityTypeBuilder<WorkspaceMeasurement> m)
        {
            m.Property(x => x.Period).HasMaxLength(ProjectLimits.Period);
            m.Property(x => x.Value).HasPrecision(14, 2);
            m.HasIndex(x => new { x.IndicatorId, x.Period }).IsUnique();
            m.HasOne<WorkspaceIndicator>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Cascade);
            m.HasOne<WorkspaceReport>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.SetNull);
        }
    }

    internal sealed class WorkspaceReportRoundConfiguration : IEntityTypeConfiguration<WorkspaceReportRound>
    {
        public void Configure(EntityTypeBuilder<WorkspaceReportRound> r)
        {
            r.Property(x => x.Period).HasMaxLength(ProjectLimits.Period);
            r.HasIndex(x => new { x.WorkspaceId, x.Period }).IsUnique();
            r.HasIndex(x => x.DueOn);
            r.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class WorkspaceReportConfiguration : IEntityTypeConfiguration<WorkspaceReport>
    {
        public void Configure(EntityTypeBuilder<WorkspaceReport> r)
        {
            r.Property(x => x.AnsweredById).HasMaxLength(450);
            r.HasIndex(x => new { x.RoundId, x.SubProjectId }).IsUnique();
            r.HasIndex(x => x.AnsweredById);
            r.HasOne<WorkspaceReportRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
            r.HasOne<WorkspaceSubProject>().WithMany().HasForeignKey(x => x.SubProjectId).OnDelete(DeleteBehavior.Cascade);
            r.HasOne<User>().WithMany().HasForeignKey(x => x.AnsweredById).OnDelete(DeleteBehavior.SetNull);
        }
    }

    internal sealed class WorkspaceBudgetConfiguration : IEntityTypeConfiguration<WorkspaceBudget>
    {
        public void Configure(EntityTypeBuilder<WorkspaceBudget> b)
        {
            foreach (var amount in new[] { nameof(WorkspaceBudget.Personnel), nameof(WorkspaceBudget.Services), nameof(WorkspaceBudget.Travel), nameof(WorkspaceBudget.Other) })
                b.Property<decimal>(amount).HasPrecision(14, 2);
            b.Ignore(x => x.Total);
            b.Property(x => x.Revision).IsConcurrencyToken();
            b.HasIndex(x => new { x.SubProjectId, x.StartsOn }).IsUnique();
            b.HasIndex(x => x.WorkspaceId);
            b.HasOne<WorkspaceSubProject>().WithMany().HasForeignKey(x => x.SubProjectId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class WorkspaceCostConfiguration : IEntityTypeConfiguration<WorkspaceCost>
    {
        public void Configure(EntityTypeBuilder<WorkspaceCost> c)
        {
            c.Property(x => x.Amount).HasPrecision(14, 2);
            c.Property(x => x.Category).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.Description).HasMaxLength(WorkspaceLimits.Action);
            c.Property(x => x.EnteredById).HasMaxLength(450);
            c.HasIndex(x => new { x.SubProjectId, x.Month });
            c.HasIndex(x => x.WorkspaceId);
            c.HasIndex(x => x.EnteredById);
            c.HasOne<WorkspaceSubProject>().WithMany().HasForeignKey(x => x.SubProjectId).OnDelete(DeleteBehavior.Cascade);
            c.HasOne<User>().WithMany().HasForeignKey(x => x.EnteredById).OnDelete(DeleteBehavior.SetNull);
        }
    }
}
