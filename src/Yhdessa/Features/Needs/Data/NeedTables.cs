using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Platform.Data
{
    public abstract partial class YhdessaDb
    {
        public DbSet<Need> Needs => Set<Need>();
        public DbSet<NeedThemeLink> NeedThemeLinks => Set<NeedThemeLink>();
        public DbSet<NeedSupport> NeedSupports => Set<NeedSupport>();
        public DbSet<NeedChange> NeedChanges => Set<NeedChange>();
        public DbSet<NeedFollower> NeedFollowers => Set<NeedFollower>();
        public DbSet<NeedAnswer> NeedAnswers => Set<NeedAnswer>();
        public DbSet<NeedTriageNote> NeedTriageNotes => Set<NeedTriageNote>();
        public DbSet<NeedTriageGroup> NeedTriageGroups => Set<NeedTriageGroup>();
        public DbSet<NeedVisitor> NeedVisitors => Set<NeedVisitor>();
        public DbSet<NeedFeedbackSource> NeedFeedbackSources => Set<NeedFeedbackSource>();
    }
}

namespace Yhdessa.Features.Needs.Data
{
    public static class NeedLimits
    {
        public const int Title = 200;
        public const int Description = 10_000;
        public const int Comment = 1_000;
        public const int DeclineReason = 2_000;
        public const int TriageNote = 4_000;
        public const int SearchTerms = 4_000;
        public const int MaxThemes = 10;
        public const int FeedbackText = 4_000;
        public const int Email = 256;
    }

    internal sealed class NeedConfiguration : IEntityTypeConfiguration<Need>
    {
        public void Configure(EntityTypeBuilder<Need> n)
        {
            n.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            n.Property(x => x.Origin).HasConversion<string>().HasMaxLength(20);
            n.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            n.Property(x => x.RaisedFromSector).HasConversion<string>().HasMaxLength(30);
            n.Property(x => x.Title).HasMaxLength(NeedLimits.Title);
            n.Property(x => x.Description).HasMaxLength(NeedLimits.Description);
            n.Property(x => x.DeclineReason).HasMaxLength(NeedLimits.DeclineReason);
            n.Property(x => x.SearchTerms).HasMaxLength(NeedLimits.SearchTerms);
            n.Property(x => x.MunicipalityCode).HasMaxLength(3);
            n.Property(x => x.RaisedById).HasMaxLength(450);
            // The public list sorts by supports or by age within a state.
            n.HasIndex(x => new { x.State, x.SupportCount });
            n.HasIndex(x => x.RaisedAt);
            // "You said, we did" lists answered needs by the year they were answered.
            n.HasIndex(x => x.AnsweredAt);
            // The public list by supports, newest first among equals, read in the index's order (bench/needs.sh).
            n.HasIndex(x => new { x.SupportCount, x.RaisedAt, x.Id }).IsDescending();
            // "You said, we did": its years, a year's count and pages, and the list's count, from the index alone.
            n.HasIndex(x => new { x.State, x.AnsweredAt, x.ConfirmedAt });
            n.HasIndex(x => x.RaisedById);
            n.HasOne<User>().WithMany().HasForeignKey(x => x.RaisedById).OnDelete(DeleteBehavior.SetNull);
            n.Property(x => x.AssigneeId).HasMaxLength(450);
            n.HasOne<User>().WithMany().HasForeignKey(x => x.AssigneeId).OnDelete(DeleteBehavior.SetNull);
            n.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.SetNull);
            n.HasOne<Need>().WithMany().HasForeignKey(x => x.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
            n.HasMany(x => x.Themes).WithOne().HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class NeedThemeLinkConfiguration : IEntityTypeConfiguration<NeedThemeLink>
    {
        public void Configure(EntityTypeBuilder<NeedThemeLink> l)
        {
            l.HasKey(x => new { x.NeedId, x.ThemeId });
            l.HasIndex(x => x.ThemeId);
            l.HasOne(x => x.Theme).WithMany().HasForeignKey(x => x.ThemeId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class NeedSupportConfiguration : IEntityTypeConfiguration<NeedSupport>
    {
        public void Configure(EntityTypeBuilder<NeedSupport> s)
        {
            // One support per person and need: the key refuses a second one even when two arrive at once.
            s.HasKey(x => new { x.NeedId, x.UserId });
            s.HasIndex(x => x.UserId);
            s.Property(x => x.UserId).HasMaxLength(450);
            s.Property(x => x.Comment).HasMaxLength(NeedLimits.Comment);
            s.HasOne<Need>().WithMany().HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Cascade);
            s.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class NeedChangeConfiguration : IEntityTypeConfiguration<NeedChange>
    {
        public void Configure(EntityTypeBuilder<NeedChange> c)
        {
            c.Property(x => x.Actor).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.From).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.To).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.Note).HasMaxLength(NeedLimits.DeclineReason);
            c.HasIndex(x => new { x.NeedId, x.At });
            c.HasOne<Need>().WithMany().HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class NeedTriageNoteConfiguration : IEntityTypeConfiguration<NeedTriageNote>
    {
        public void Configure(EntityTypeBuilder<NeedTriageNote> t)
        {
            t.Property(x => x.Text).HasMaxLength(NeedLimits.TriageNote);
            t.Property(x => x.AuthorId).HasMaxLength(450);
            t.HasIndex(x => new { x.NeedId, x.At });
            t.HasIndex(x => x.AuthorId);
            t.HasOne<Need>().WithMany().HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Cascade);
            t.HasOne<User>().WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.SetNull);
        }
    }

    internal sealed class NeedTriageGroupConfiguration : IEntityTypeConfiguration<NeedTriageGroup>
    {
        public void Configure(EntityTypeBuilder<NeedTriageGroup> g)
        {
            g.HasKey(x => x.GroupId);
            g.HasOne<Group>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class NeedFollowerConfiguration : IEntityTypeConfiguration<NeedFollower>
    {
        public void Configure(EntityTypeBuilder<NeedFollower> f)
        {
            f.HasKey(x => new { x.NeedId, x.UserId });
            f.HasIndex(x => x.UserId);
            f.Property(x => x.UserId).HasMaxLength(450);
            f.Property(x => x.StopToken).HasMaxLength(64);
            f.HasIndex(x => x.StopToken).IsUnique();
            f.HasOne<Need>().WithMany().HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Cascade);
            f.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class NeedAnswerConfiguration : IEntityTypeConfiguration<NeedAnswer>
    {
        public void Configure(EntityTypeBuilder<NeedAnswer> a)
        {
            a.Property(x => x.Kind).HasMaxLength(20);
            a.HasIndex(x => new { x.NeedId, x.Kind, x.TargetId }).IsUnique();
            // An event's or a material's page asks which needs it answers.
            a.HasIndex(x => new { x.Kind, x.TargetId });
            a.HasOne<Need>().WithMany().HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class NeedVisitorConfiguration : IEntityTypeConfiguration<NeedVisitor>
    {
        public void Configure(EntityTypeBuilder<NeedVisitor> v)
        {
            v.HasKey(x => x.NeedId);
            v.Property(x => x.Email).HasMaxLength(256);
            v.Property(x => x.Language).HasMaxLength(5);
            v.Property(x => x.ConfirmTokenHash).HasMaxLength(64);
            v.Property(x => x.StopToken).HasMaxLength(64);
            v.HasIndex(x => x.ConfirmTokenHash).IsUnique();
            v.HasIndex(x => x.StopToken).IsUnique();
            // The flood checks count unconfirmed needs by address and in all.
            v.HasIndex(x => x.Email);
            v.HasIndex(x => x.CreatedAt);
            v.HasOne<Need>().WithOne().HasForeignKey<NeedVisitor>(x => x.NeedId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class NeedFeedbackSourceConfiguration : IEntityTypeConfiguration<NeedFeedbackSource>
    {
        public void Configure(EntityTypeBuilder<NeedFeedbackSource> f)
        {
            f.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            f.Property(x => x.Text).HasMaxLength(NeedLimits.FeedbackText);
            // An answer goes into one need at most; the feedback view shows where it went.
            f.HasIndex(x => new { x.Kind, x.AnswerId, x.QuestionId }).IsUnique();
            f.HasIndex(x => x.NeedId);
            f.HasOne<Need>().WithMany().HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
