using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Yhdessa.Features.Communication.News.Data;
using Yhdessa.Features.Network.Data;

namespace Yhdessa.Platform.Data
{
    public abstract partial class YhdessaDb
    {
        public DbSet<NewsPost> NewsPosts => Set<NewsPost>();
        public DbSet<NewsText> NewsTexts => Set<NewsText>();
        public DbSet<NewsThemeLink> NewsThemeLinks => Set<NewsThemeLink>();
        public DbSet<NewsLink> NewsLinks => Set<NewsLink>();
        public DbSet<NewsImage> NewsImages => Set<NewsImage>();
    }
}

namespace Yhdessa.Features.Communication.News.Data
{
    public static class NewsLimits
    {
        public const int Title = 200;
        public const int Lead = 600;
        public const int Body = 20_000;
        public const int ImageAlt = 300;
        public const int MaxThemes = 10;
        public const int MaxLinks = 20;
        /// <summary>An image for the web: a photo of a few megabytes is plenty.</summary>
        public const int ImageBytes = 3 * 1024 * 1024;
    }

    internal sealed class NewsPostConfiguration : IEntityTypeConfiguration<NewsPost>
    {
        public void Configure(EntityTypeBuilder<NewsPost> p)
        {
            p.Property(x => x.Slug).HasMaxLength(100);
            p.HasIndex(x => x.Slug).IsUnique();
            p.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            // The lists: published posts, newest first.
            p.HasIndex(x => new { x.State, x.PublishedAt });
            p.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.SetNull);
            p.HasOne<NewsImage>().WithMany().HasForeignKey(x => x.ImageId).OnDelete(DeleteBehavior.SetNull);
            p.HasMany(x => x.Texts).WithOne().HasForeignKey(x => x.PostId).OnDelete(DeleteBehavior.Cascade);
            p.HasMany(x => x.Themes).WithOne().HasForeignKey(x => x.PostId).OnDelete(DeleteBehavior.Cascade);
            p.HasMany(x => x.Links).WithOne().HasForeignKey(x => x.PostId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class NewsTextConfiguration : IEntityTypeConfiguration<NewsText>
    {
        public void Configure(EntityTypeBuilder<NewsText> t)
        {
            t.HasKey(x => new { x.PostId, x.Language });
            t.Property(x => x.Language).HasMaxLength(2);
            t.Property(x => x.Title).HasMaxLength(NewsLimits.Title);
            t.Property(x => x.Lead).HasMaxLength(NewsLimits.Lead);
            t.Property(x => x.Body).HasMaxLength(NewsLimits.Body);
            t.Property(x => x.ImageAlt).HasMaxLength(NewsLimits.ImageAlt);
        }
    }

    internal sealed class NewsThemeLinkConfiguration : IEntityTypeConfiguration<NewsThemeLink>
    {
        public void Configure(EntityTypeBuilder<NewsThemeLink> l)
        {
            l.HasKey(x => new { x.PostId, x.ThemeId });
            l.HasIndex(x => x.ThemeId);
            l.HasOne(x => x.Theme).WithMany().HasForeignKey(x => x.ThemeId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class NewsLinkConfiguration : IEntityTypeConfiguration<NewsLink>
    {
        public void Configure(EntityTypeBuilder<NewsLink> l)
        {
            l.HasKey(x => new { x.PostId, x.Kind, x.TargetId });
            l.Property(x => x.Kind).HasMaxLength(20);
            // An event's or material's page lists the news that link to it.
            l.HasIndex(x => new { x.Kind, x.TargetId });
        }
    }

    internal sealed class NewsImageConfiguration : IEntityTypeConfiguration<NewsImage>
    {
        public void Configure(EntityTypeBuilder<NewsImage> i)
        {
            i.Property(x => x.ContentType).HasMaxLength(40);
        }
    }
}
