using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Platform.Data
{
    public abstract partial class YhdessaDb
    {
        public DbSet<Event> Events => Set<Event>();
        public DbSet<EventTheme> EventThemes => Set<EventTheme>();
        public DbSet<EventSeries> EventSeries => Set<EventSeries>();
    }
}

namespace Yhdessa.Features.Events.Data
{
    public static class EventLimits
    {
        public const int Title = 200;
        public const int Description = 20000;
        public const int Address = 300;
        public const int Url = 500;
        public const int Slug = 100;
        public const int Name = 200;
        /// <summary>The largest venue the network uses holds some hundreds; a webinar a few thousand.</summary>
        public const int MaxCapacity = 10000;
        public const int MaxSpeakers = 12;
        public const int MaxMaterials = 20;
    }

    internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
    {
        public void Configure(EntityTypeBuilder<Event> e)
        {
            e.Property(x => x.Slug).HasMaxLength(EventLimits.Slug);
            e.HasIndex(x => x.Slug).IsUnique();
            e.Property(x => x.Type).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Visibility).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.TitleFi).HasMaxLength(EventLimits.Title);
            e.Property(x => x.TitleSv).HasMaxLength(EventLimits.Title);
            e.Property(x => x.TitleEn).HasMaxLength(EventLimits.Title);
            e.Property(x => x.DescriptionFi).HasMaxLength(EventLimits.Description);
            e.Property(x => x.DescriptionSv).HasMaxLength(EventLimits.Description);
            e.Property(x => x.DescriptionEn).HasMaxLength(EventLimits.Description);
            e.Property(x => x.Address).HasMaxLength(EventLimits.Address);
            e.Property(x => x.MunicipalityCode).HasMaxLength(3);
            e.Property(x => x.OnlineUrl).HasMaxLength(EventLimits.Url);
            // The list picks upcoming or past events by their end and sorts them by start: this index answers the
            // count and the page's ids without reading the rows, which carry three long descriptions.
            e.HasIndex(x => new { x.Visibility, x.EndsAt, x.StartsAt });
            e.HasIndex(x => x.EndsAt);
            e.HasOne<Group>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Series).WithMany().HasForeignKey(x => x.SeriesId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(x => x.Organisers).WithOne().HasForeignKey(o => o.EventId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Speakers).WithOne().HasForeignKey(s => s.EventId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Themes).WithOne().HasForeignKey(t => t.EventId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Materials).WithOne().HasForeignKey(m => m.EventId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(x => x.Title);
            e.Ignore(x => x.Description);
        }
    }

    internal sealed class EventOrganiserConfiguration : IEntityTypeConfiguration<EventOrganiser>
    {
        public void Configure(EntityTypeBuilder<EventOrganiser> o)
        {
            o.HasKey(x => new { x.EventId, x.OrganisationId });
            o.HasIndex(x => x.OrganisationId);
            o.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class EventSpeakerConfiguration : IEntityTypeConfiguration<EventSpeaker>
    {
        public void Configure(EntityTypeBuilder<EventSpeaker> s)
        {
            s.Property(x => x.Name).HasMaxLength(EventLimits.Name);
            s.Property(x => x.UserId).HasMaxLength(450);
            // A deleted account leaves the speaker's name on past events, not the link to the account.
            s.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
        }
    }

    internal sealed class EventThemeConfiguration : IEntityTypeConfiguration<EventTheme>
    {
        public void Configure(EntityTypeBuilder<EventTheme> t)
        {
            t.Property(x => x.NameFi).HasMaxLength(EventLimits.Name);
            t.Property(x => x.NameSv).HasMaxLength(EventLimits.Name);
            t.Property(x => x.NameEn).HasMaxLength(EventLimits.Name);
            t.Ignore(x => x.Name);
        }
    }

    internal sealed class EventThemeLinkConfiguration : IEntityTypeConfiguration<EventThemeLink>
    {
        public void Configure(EntityTypeBuilder<EventThemeLink> l)
        {
            l.HasKey(x => new { x.EventId, x.ThemeId });
            l.HasIndex(x => x.ThemeId);
            l.HasOne(x => x.Theme).WithMany().HasForeignKey(x => x.ThemeId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class EventSeriesConfiguration : IEntityTypeConfiguration<EventSeries>
    {
        public void Configure(EntityTypeBuilder<EventSeries> s)
        {
            s.Property(x => x.Slug).HasMaxLength(EventLimits.Slug);
            s.HasIndex(x => x.Slug).IsUnique();
            s.Property(x => x.NameFi).HasMaxLength(EventLimits.Name);
            s.Property(x => x.NameSv).HasMaxLength(EventLimits.Name);
            s.Property(x => x.NameEn).HasMaxLength(EventLimits.Name);
            s.Ignore(x => x.Name);
        }
    }

    internal sealed class EventMaterialConfiguration : IEntityTypeConfiguration<EventMaterial>
    {
        public void Configure(EntityTypeBuilder<EventMaterial> m)
        {
            m.Property(x => x.Title).HasMaxLength(EventLimits.Name);
            m.Property(x => x.Url).HasMaxLength(EventLimits.Url);
        }
    }
}
