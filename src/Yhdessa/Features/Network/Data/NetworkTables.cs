using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Platform.Data
{
    public abstract partial class YhdessaDb
    {
        public DbSet<Organisation> Organisations => Set<Organisation>();
        public DbSet<PersonProfile> PersonProfiles => Set<PersonProfile>();
        public DbSet<Affiliation> Affiliations => Set<Affiliation>();
        public DbSet<Group> Groups => Set<Group>();
        public DbSet<GroupMembership> GroupMemberships => Set<GroupMembership>();
    }
}

namespace Yhdessa.Features.Network.Data
{
    public static class NetworkLimits
    {
        public const int Name = 200;
        public const int Slug = 100;
        public const int Website = 500;
        public const int Description = 4000;
        public const int About = 1000;
        public const int Title = 120;
        public const int Tag = 40;
        public const int MaxTags = 12;
    }

    internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
    {
        public void Configure(EntityTypeBuilder<Organisation> organisation)
        {
            organisation.Property(o => o.Slug).HasMaxLength(NetworkLimits.Slug);
            organisation.HasIndex(o => o.Slug).IsUnique();
            organisation.Property(o => o.NameFi).HasMaxLength(NetworkLimits.Name);
            organisation.Property(o => o.NameSv).HasMaxLength(NetworkLimits.Name);
            organisation.Property(o => o.NameEn).HasMaxLength(NetworkLimits.Name);
            organisation.Property(o => o.SearchText).HasMaxLength(3 * NetworkLimits.Name + 2);
            // The directory is ordered by the Finnish name and filtered by sector and municipality. Its search
            // (LIKE '%text%') can use no B-tree index; PostgreSQL gets a trigram index below, SQLite scans.
            organisation.HasIndex(o => o.NameFi);
            organisation.HasIndex(o => new { o.Sector, o.NameFi });
            organisation.HasIndex(o => new { o.MunicipalityCode, o.NameFi });
            organisation.Property(o => o.Sector).HasConversion<string>().HasMaxLength(30);
            organisation.Property(o => o.MunicipalityCode).HasMaxLength(3);
            organisation.Property(o => o.Website).HasMaxLength(NetworkLimits.Website);
            organisation.Property(o => o.Description).HasMaxLength(NetworkLimits.Description);
            organisation.Ignore(o => o.Name);
        }
    }

    /// <summary>The directory's name search on PostgreSQL: a trigram GIN index serves LIKE '%text%'.</summary>
    internal sealed class NetworkPostgresModel : IPostgresModel
    {
        public void Configure(ModelBuilder builder)
        {
            builder.HasPostgresExtension("pg_trgm");
            builder.Entity<Organisation>().HasIndex(o => o.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
        }
    }

    internal sealed class PersonProfileConfiguration : IEntityTypeConfiguration<PersonProfile>
    {
        public void Configure(EntityTypeBuilder<PersonProfile> profile)
        {
            profile.Property(p => p.UserId).HasMaxLength(450);
            profile.HasIndex(p => p.UserId).IsUnique();
            profile.HasOne<User>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
            profile.Property(p => p.About).HasMaxLength(NetworkLimits.About);
            profile.HasMany(p => p.Affiliations).WithOne().HasForeignKey(a => a.ProfileId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class AffiliationConfiguration : IEntityTypeConfiguration<Affiliation>
    {
        public void Configure(EntityTypeBuilder<Affiliation> affiliation)
        {
            affiliation.HasKey(a => new { a.ProfileId, a.OrganisationId });
            affiliation.HasIndex(a => a.OrganisationId);
            affiliation.HasOne(a => a.Organisation).WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            affiliation.Property(a => a.Title).HasMaxLength(NetworkLimits.Title);
        }
    }

    internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
    {
        public void Configure(EntityTypeBuilder<Group> group)
        {
            group.ToTable("NetworkGroups");
            group.Property(g => g.Slug).HasMaxLength(NetworkLimits.Slug);
            group.HasIndex(g => g.Slug).IsUnique();
            group.Property(g => g.NameFi).HasMaxLength(NetworkLimits.Name);
            group.Property(g => g.NameSv).HasMaxLength(NetworkLimits.Name);
            group.Property(g => g.NameEn).HasMaxLength(NetworkLimits.Name);
            group.HasIndex(g => g.NameFi);
            group.Property(g => g.DescriptionFi).HasMaxLength(NetworkLimits.Description);
            group.Property(g => g.DescriptionSv).HasMaxLength(NetworkLimits.Description);
            group.Property(g => g.DescriptionEn).HasMaxLength(NetworkLimits.Description);
            group.Property(g => g.Kind).HasConversion<string>().HasMaxLength(30);
            group.Property(g => g.Joining).HasConversion<string>().HasMaxLength(30);
            group.Property(g => g.Visibility).HasConversion<string>().HasMaxLength(30);
            group.Ignore(g => g.Name);
            group.Ignore(g => g.Description);
            group.Ignore(g => g.DescriptionFallbackLanguage);
        }
    }

    internal sealed class GroupMembershipConfiguration : IEntityTypeConfiguration<GroupMembership>
    {
        public void Configure(EntityTypeBuilder<GroupMembership> membership)
        {
            membership.ToTable("NetworkGroupMemberships");
            membership.HasKey(m => new { m.GroupId, m.UserId });
            membership.HasIndex(m => m.UserId);
            membership.HasOne<Group>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
            membership.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
            membership.Property(m => m.UserId).HasMaxLength(450);
            membership.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        }
    }
}
