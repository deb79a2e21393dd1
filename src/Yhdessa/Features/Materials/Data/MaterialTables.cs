using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Platform.Data
{
    public abstract partial class YhdessaDb
    {
        public DbSet<Material> Materials => Set<Material>();
        public DbSet<MaterialFile> MaterialFiles => Set<MaterialFile>();
        public DbSet<MaterialVersion> MaterialVersions => Set<MaterialVersion>();
        public DbSet<PodcastEpisode> PodcastEpisodes => Set<PodcastEpisode>();
    }
}

namespace Yhdessa.Features.Materials.Data
{
    public static class MaterialLimits
    {
        public const int Title = 300;
        public const int Summary = 2000;
        public const int Body = 50000;
        public const int Slug = 120;
        public const int Name = 200;
        public const int Url = 500;
        public const int Licence = 100;
        public const int ReviewNote = 2000;
        public const int Tag = 60;
        public const int MaxTags = 20;
        public const int MaxLinks = 20;
        public const int MaxAuthors = 20;
        public const int MaxFiles = 20;
        /// <summary>Enough for the text of a long report; the rest of a file is not searched.</summary>
        public const int FileText = 400_000;
        /// <summary>A conversation of three hours or more, written out.</summary>
        public const int Transcript = 200_000;
        public const int ShowNotes = 20_000;
        public const int MaxEpisodeNumber = 100_000;
        /// <summary>A day: longer is a typing error.</summary>
        public const int MaxDurationSeconds = 24 * 60 * 60;
    }

    internal sealed class MaterialConfiguration : IEntityTypeConfiguration<Material>
    {
        public void Configure(EntityTypeBuilder<Material> m)
        {
            m.Property(x => x.Slug).HasMaxLength(MaterialLimits.Slug);
            m.HasIndex(x => x.Slug).IsUnique();
            m.Property(x => x.Type).HasConversion<string>().HasMaxLength(30);
            m.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            m.Property(x => x.Language).HasMaxLength(2);
            m.Property(x => x.Title).HasMaxLength(MaterialLimits.Title);
            m.Property(x => x.Summary).HasMaxLength(MaterialLimits.Summary);
            m.Property(x => x.Body).HasMaxLength(MaterialLimits.Body);
            m.Property(x => x.Licence).HasMaxLength(MaterialLimits.Licence);
            m.Property(x => x.ReviewNote).HasMaxLength(MaterialLimits.ReviewNote);
            // Views of Files, not relations of their own.
            m.Ignore(x => x.CurrentFiles);
            m.Ignore(x => x.EpisodeAudio);
            m.Property(x => x.CreatedById).HasMaxLength(450);
            m.HasIndex(x => x.TranslationKey);
            // The review queue and "my materials" read by status and author.
            m.HasIndex(x => new { x.Status, x.UpdatedAt });
            m.HasIndex(x => x.CreatedById);
            // A deleted account leaves its materials; only the link to the account goes.
            m.HasOne<User>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.SetNull);
            m.HasMany(x => x.Themes).WithOne().HasForeignKey(t => t.MaterialId).OnDelete(DeleteBehavior.Cascade);
            m.HasMany(x => x.Authors).WithOne().HasForeignKey(a => a.MaterialId).OnDelete(DeleteBehavior.Cascade);
            m.HasMany(x => x.Files).WithOne().HasForeignKey(f => f.MaterialId).OnDelete(DeleteBehavior.Cascade);
            m.HasMany(x => x.Links).WithOne().HasForeignKey(l => l.MaterialId).OnDelete(DeleteBehavior.Cascade);
            m.HasMany(x => x.Events).WithOne().HasForeignKey(e => e.MaterialId).OnDelete(DeleteBehavior.Cascade);
            m.HasMany(x => x.Versions).WithOne().HasForeignKey(v => v.MaterialId).OnDelete(DeleteBehavior.Cascade);
            m.HasOne(x => x.Episode).WithOne().HasForeignKey<PodcastEpisode>(e => e.MaterialId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    /// <summary>A table of its own rather than columns of every material: a transcript is long, and lists of materials
    /// never read it.</summary>
    internal sealed class PodcastEpisodeConfiguration : IEntityTypeConfiguration<PodcastEpisode>
    {
        public void Configure(EntityTypeBuilder<PodcastEpisode> e)
        {
            e.HasKey(x => x.MaterialId);
            e.Property(x => x.Transcript).HasMaxLength(MaterialLimits.Transcript);
            e.Property(x => x.ShowNotes).HasMaxLength(MaterialLimits.ShowNotes);
        }
    }

    internal sealed class MaterialThemeLinkConfiguration : IEntityTypeConfiguration<MaterialThemeLink>
    {
        public void Configure(EntityTypeBuilder<MaterialThemeLink> l)
        {
            l.HasKey(x => new { x.MaterialId, x.ThemeId });
            l.HasOne(x => x.Theme).WithMany().HasForeignKey(x => x.ThemeId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class MaterialAuthorConfiguration : IEntityTypeConfiguration<MaterialAuthor>
    {
        public void Configure(EntityTypeBuilder<MaterialAuthor> a)
        {
            a.Property(x => x.Name).HasMaxLength(MaterialLimits.Name);
            a.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            a.HasOne<PersonProfile>().WithMany().HasForeignKey(x => x.ProfileId).OnDelete(DeleteBehavior.SetNull);
            a.HasIndex(x => x.OrganisationId);
        }
    }

    internal sealed class MaterialFileConfiguration : IEntityTypeConfiguration<MaterialFile>
    {
        public void Configure(EntityTypeBuilder<MaterialFile> f)
        {
            f.Property(x => x.FileName).HasMaxLength(MaterialLimits.Name);
            f.Property(x => x.StoredName).HasMaxLength(100);
            f.Property(x => x.ContentType).HasMaxLength(100);
            f.Property(x => x.Text).HasMaxLength(MaterialLimits.FileText);
        }
    }

    internal sealed class MaterialLinkConfiguration : IEntityTypeConfiguration<MaterialLink>
    {
        public void Configure(EntityTypeBuilder<MaterialLink> l)
        {
            l.Property(x => x.Title).HasMaxLength(MaterialLimits.Name);
            l.Property(x => x.Url).HasMaxLength(MaterialLimits.Url);
        }
    }

    internal sealed class MaterialEventLinkConfiguration : IEntityTypeConfiguration<MaterialEventLink>
    {
        public void Configure(EntityTypeBuilder<MaterialEventLink> l)
        {
            l.HasKey(x => new { x.MaterialId, x.EventId });
            l.HasOne(x => x.Event).WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class MaterialVersionConfiguration : IEntityTypeConfiguration<MaterialVersion>
    {
        public void Configure(EntityTypeBuilder<MaterialVersion> v)
        {
            v.Property(x => x.Title).HasMaxLength(MaterialLimits.Title);
            v.Property(x => x.Summary).HasMaxLength(MaterialLimits.Summary);
            v.Property(x => x.Body).HasMaxLength(MaterialLimits.Body);
            v.HasIndex(x => new { x.MaterialId, x.Number }).IsUnique();
        }
    }
}
