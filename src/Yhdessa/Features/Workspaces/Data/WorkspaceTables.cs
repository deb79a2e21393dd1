using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Features.Network.Data;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Platform.Data
{
    public abstract partial class YhdessaDb
    {
        public DbSet<Workspace> Workspaces => Set<Workspace>();
        public DbSet<WorkspaceThemeLink> WorkspaceThemeLinks => Set<WorkspaceThemeLink>();
        public DbSet<WorkspaceParticipant> WorkspaceParticipants => Set<WorkspaceParticipant>();
        public DbSet<WorkspaceInvitation> WorkspaceInvitations => Set<WorkspaceInvitation>();
        public DbSet<WorkspaceMeeting> WorkspaceMeetings => Set<WorkspaceMeeting>();
        public DbSet<WorkspaceAgendaItem> WorkspaceAgendaItems => Set<WorkspaceAgendaItem>();
        public DbSet<WorkspaceDecision> WorkspaceDecisions => Set<WorkspaceDecision>();
        public DbSet<WorkspaceAction> WorkspaceActions => Set<WorkspaceAction>();
        public DbSet<WorkspaceAttendance> WorkspaceAttendances => Set<WorkspaceAttendance>();
        public DbSet<WorkspaceNeedLink> WorkspaceNeedLinks => Set<WorkspaceNeedLink>();
        public DbSet<WorkspaceDocument> WorkspaceDocuments => Set<WorkspaceDocument>();
        public DbSet<WorkspaceDigest> WorkspaceDigests => Set<WorkspaceDigest>();
        public DbSet<WorkspaceMilestone> WorkspaceMilestones => Set<WorkspaceMilestone>();
        public DbSet<WorkspaceGroup> WorkspaceGroups => Set<WorkspaceGroup>();
        public DbSet<WorkspaceGroupMember> WorkspaceGroupMembers => Set<WorkspaceGroupMember>();
        public DbSet<WorkspaceDocumentVersion> WorkspaceDocumentVersions => Set<WorkspaceDocumentVersion>();
    }
}

namespace Yhdessa.Features.Workspaces.Data
{
    public static class WorkspaceLimits
    {
        public const int Name = 200;
        public const int Slug = 100;
        public const int Purpose = 10_000;
        public const int Outputs = 10_000;
        public const int MaxThemes = 10;
        public const int Email = 256;
        public const int Title = 200;
        public const int Place = 300;
        public const int Link = 500;
        public const int Notes = 20_000;
        public const int Decision = 4_000;
        public const int Action = 1_000;
        public const int AgendaItems = 50;
        public const int DocumentNote = 1_000;
        public const int DocumentVersions = 100;
        public const int Milestones = 500;
    }

    internal sealed class WorkspaceConfiguration : IEntityTypeConfiguration<Workspace>
    {
        public void Configure(EntityTypeBuilder<Workspace> w)
        {
            w.Property(x => x.Slug).HasMaxLength(WorkspaceLimits.Slug);
            // Two saves of one form at once: the second finds the revision changed and is refused.
            w.Property(x => x.Revision).IsConcurrencyToken();
            w.HasIndex(x => x.Slug).IsUnique();
            w.Property(x => x.Name).HasMaxLength(WorkspaceLimits.Name);
            w.Property(x => x.Purpose).HasMaxLength(WorkspaceLimits.Purpose);
            w.Property(x => x.Outputs).HasMaxLength(WorkspaceLimits.Outputs);
            w.Property(x => x.Method).HasConversion<string>().HasMaxLength(20);
            w.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            w.Property(x => x.CalendarToken).HasMaxLength(64);
            w.HasIndex(x => x.CalendarToken).IsUnique();
            // The public list: published workspaces by name.
            w.HasIndex(x => new { x.IsPublic, x.Name });
            w.HasMany(x => x.Themes).WithOne().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class WorkspaceThemeLinkConfiguration : IEntityTypeConfiguration<WorkspaceThemeLink>
    {
        public void Configure(EntityTypeBuilder<WorkspaceThemeLink> l)
        {
            l.HasKey(x => new { x.WorkspaceId, x.ThemeId });
            l.HasIndex(x => x.ThemeId);
            l.HasOne(x => x.Theme).WithMany().HasForeignKey(x => x.ThemeId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class WorkspaceParticipantConfiguration : IEntityTypeConfiguration<WorkspaceParticipant>
    {
        public void Configure(EntityTypeBuilder<WorkspaceParticipant> p)
        {
            p.Property(x => x.UserId).HasMaxLength(450);
            p.Property(x => x.Revision).IsConcurrencyToken();
            p.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
            // One participation per person and workspace, even when two invitations are accepted at once.
            p.HasIndex(x => new { x.WorkspaceId, x.UserId }).IsUnique();
            // A person's own workspaces.
            p.HasIndex(x => x.UserId);
            p.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
            p.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            p.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        }
    }

    internal sealed class WorkspaceInvitationConfiguration : IEntityTypeConfiguration<WorkspaceInvitation>
    {
        public void Configure(EntityTypeBuilder<WorkspaceInvitation> i)
        {
            i.Property(x => x.Email).HasMaxLength(WorkspaceLimits.Email);
            i.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
            i.Property(x => x.TokenHash).HasMaxLength(64);
            i.HasIndex(x => x.TokenHash).IsUnique();
            // One open invitation per address and workspace.
            i.Property(x => x.NormalizedEmail).HasMaxLength(WorkspaceLimits.Email);
            i.HasIndex(x => new { x.WorkspaceId, x.NormalizedEmail }).IsUnique();
            // The invitations waiting for a person who signs in.
            i.HasIndex(x => x.NormalizedEmail);
            i.Property(x => x.InvitedById).HasMaxLength(450);
            i.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
            i.HasOne<User>().WithMany().HasForeignKey(x => x.InvitedById).OnDelete(DeleteBehavior.SetNull);
            i.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        }
    }

    internal sealed class WorkspaceMeetingConfiguration : IEntityTypeConfiguration<WorkspaceMeeting>
    {
        public void Configure(EntityTypeBuilder<WorkspaceMeeting> m)
        {
            m.Property(x => x.Title).HasMaxLength(WorkspaceLimits.Title);
            m.Property(x => x.Revision).IsConcurrencyToken();
            m.Property(x => x.Place).HasMaxLength(WorkspaceLimits.Place);
            m.Property(x => x.OnlineLink).HasMaxLength(WorkspaceLimits.Link);
            m.Property(x => x.MemoApprovedById).HasMaxLength(450);
            m.HasIndex(x => new { x.WorkspaceId, x.StartsAt });
            m.HasOne<WorkspaceGroup>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.SetNull);
            m.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
            m.HasOne<User>().WithMany().HasForeignKey(x => x.MemoApprovedById).OnDelete(DeleteBehavior.SetNull);
            m.HasOne<WorkspaceMeeting>().WithMany().HasForeignKey(x => x.MemoApprovedAtMeetingId).OnDelete(DeleteBehavior.SetNull);
            m.HasMany(x => x.Agenda).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
            m.HasMany(x => x.Decisions).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class WorkspaceAgendaItemConfiguration : IEntityTypeConfiguration<WorkspaceAgendaItem>
    {
        public void Configure(EntityTypeBuilder<WorkspaceAgendaItem> a)
        {
            a.Property(x => x.Title).HasMaxLength(WorkspaceLimits.Title);
            a.Property(x => x.Notes).HasMaxLength(WorkspaceLimits.Notes);
            a.HasIndex(x => new { x.MeetingId, x.Position });
        }
    }

    internal sealed class WorkspaceDecisionConfiguration : IEntityTypeConfiguration<WorkspaceDecision>
    {
        public void Configure(EntityTypeBuilder<WorkspaceDecision> d)
        {
            d.Property(x => x.Text).HasMaxLength(WorkspaceLimits.Decision);
            d.HasOne<WorkspaceAgendaItem>().WithMany().HasForeignKey(x => x.AgendaItemId).OnDelete(DeleteBehavior.SetNull);
        }
    }

    internal sealed class WorkspaceActionConfiguration : IEntityTypeConfiguration<WorkspaceAction>
    {
        public void Configure(EntityTypeBuilder<WorkspaceAction> a)
        {
            a.Property(x => x.Text).HasMaxLength(WorkspaceLimits.Action);
            a.Property(x => x.OwnerId).HasMaxLength(450);
            // Her own list: open actions by deadline.
            a.HasIndex(x => new { x.OwnerId, x.DoneAt, x.DueOn });
            a.HasIndex(x => new { x.WorkspaceId, x.DoneAt, x.DueOn });
            // The reminder job: open actions not yet reminded, by deadline.
            a.HasIndex(x => new { x.RemindedAt, x.DoneAt, x.DueOn });
            a.HasIndex(x => x.MeetingId);
            a.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
            a.HasOne<WorkspaceMeeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
            a.HasOne<User>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.SetNull);
        }
    }

    internal sealed class WorkspaceAttendanceConfiguration : IEntityTypeConfiguration<WorkspaceAttendance>
    {
        public void Configure(EntityTypeBuilder<WorkspaceAttendance> a)
        {
            a.HasKey(x => new { x.MeetingId, x.UserId });
            a.HasIndex(x => x.UserId);
            a.Property(x => x.UserId).HasMaxLength(450);
            a.HasOne<WorkspaceMeeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
            a.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class WorkspaceNeedLinkConfiguration : IEntityTypeConfiguration<WorkspaceNeedLink>
    {
        public void Configure(EntityTypeBuilder<WorkspaceNeedLink> l)
        {
            l.HasKey(x => new { x.WorkspaceId, x.NeedId });
            l.HasIndex(x => x.NeedId);
            l.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
            l.HasOne<Need>().WithMany().HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class WorkspaceDocumentConfiguration : IEntityTypeConfiguration<WorkspaceDocument>
    {
        public void Configure(EntityTypeBuilder<WorkspaceDocument> d)
        {
            d.Property(x => x.Title).HasMaxLength(WorkspaceLimits.Title);
            d.HasIndex(x => new { x.WorkspaceId, x.UpdatedAt });
            d.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
            d.HasMany(x => x.Versions).WithOne().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class WorkspaceDocumentVersionConfiguration : IEntityTypeConfiguration<WorkspaceDocumentVersion>
    {
        public void Configure(EntityTypeBuilder<WorkspaceDocumentVersion> v)
        {
            // One number per document, even when two versions are added at once.
            v.HasIndex(x => new { x.DocumentId, x.Number }).IsUnique();
            v.Property(x => x.FileName).HasMaxLength(MaterialLimits.Name);
            v.Property(x => x.StoredName).HasMaxLength(100);
            v.Property(x => x.ContentType).HasMaxLength(100);
            v.Property(x => x.Text).HasMaxLength(MaterialLimits.FileText);
            v.Property(x => x.Note).HasMaxLength(WorkspaceLimits.DocumentNote);
            v.Property(x => x.AddedById).HasMaxLength(450);
            v.HasIndex(x => x.AddedById);
            v.HasOne<User>().WithMany().HasForeignKey(x => x.AddedById).OnDelete(DeleteBehavior.SetNull);
        }
    }

    internal sealed class WorkspaceDigestConfiguration : IEntityTypeConfiguration<WorkspaceDigest>
    {
        public void Configure(EntityTypeBuilder<WorkspaceDigest> d)
        {
            d.HasKey(x => x.UserId);
            d.Property(x => x.UserId).HasMaxLength(450);
            d.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class WorkspaceMilestoneConfiguration : IEntityTypeConfiguration<WorkspaceMilestone>
    {
        public void Configure(EntityTypeBuilder<WorkspaceMilestone> m)
        {
            m.Property(x => x.Title).HasMaxLength(WorkspaceLimits.Title);
            m.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            m.Property(x => x.Repeat).HasConversion<string>().HasMaxLength(20);
            m.HasIndex(x => new { x.WorkspaceId, x.StartsOn });
            m.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class WorkspaceGroupConfiguration : IEntityTypeConfiguration<WorkspaceGroup>
    {
        public void Configure(EntityTypeBuilder<WorkspaceGroup> g)
        {
            g.Property(x => x.Name).HasMaxLength(WorkspaceLimits.Title);
            g.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            g.HasIndex(x => new { x.WorkspaceId, x.Name }).IsUnique();
            g.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class WorkspaceGroupMemberConfiguration : IEntityTypeConfiguration<WorkspaceGroupMember>
    {
        public void Configure(EntityTypeBuilder<WorkspaceGroupMember> m)
        {
            m.HasKey(x => new { x.GroupId, x.UserId });
            m.Property(x => x.UserId).HasMaxLength(450);
            m.HasIndex(x => x.UserId);
            m.HasOne<WorkspaceGroup>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
            m.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
