using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Yhdessa.Features.Communication.Newsletter.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Platform.Data
{
    public abstract partial class YhdessaDb
    {
        public DbSet<Subscription> Subscriptions => Set<Subscription>();
        public DbSet<SubscriptionTopic> SubscriptionTopics => Set<SubscriptionTopic>();
        public DbSet<SubscriptionConsent> SubscriptionConsents => Set<SubscriptionConsent>();
    }
}

namespace Yhdessa.Features.Communication.Newsletter.Data
{
    public static class SubscriptionLimits
    {
        public const int Email = 254;
        public const int MaxTopics = 20;
    }

    internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
    {
        public void Configure(EntityTypeBuilder<Subscription> s)
        {
            s.Property(x => x.Email).HasMaxLength(SubscriptionLimits.Email);
            s.Property(x => x.EmailKey).HasMaxLength(SubscriptionLimits.Email);
            // One subscription per address, even when two requests for it arrive at once.
            s.HasIndex(x => x.EmailKey).IsUnique();
            s.Property(x => x.Language).HasMaxLength(2);
            s.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            s.Property(x => x.ConfirmHash).HasMaxLength(64);
            s.HasIndex(x => x.ConfirmHash);
            s.Property(x => x.ManageToken).HasMaxLength(64);
            s.HasIndex(x => x.ManageToken).IsUnique();
            s.Property(x => x.UserId).HasMaxLength(450);
            s.HasIndex(x => x.UserId);
            s.HasIndex(x => new { x.State, x.Language });
            s.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
            s.HasMany(x => x.Topics).WithOne().HasForeignKey(x => x.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
            s.HasMany(x => x.Consents).WithOne().HasForeignKey(x => x.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class SubscriptionTopicConfiguration : IEntityTypeConfiguration<SubscriptionTopic>
    {
        public void Configure(EntityTypeBuilder<SubscriptionTopic> t)
        {
            t.HasKey(x => new { x.SubscriptionId, x.ThemeId });
            t.HasIndex(x => x.ThemeId);
            t.HasOne(x => x.Theme).WithMany().HasForeignKey(x => x.ThemeId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class SubscriptionConsentConfiguration : IEntityTypeConfiguration<SubscriptionConsent>
    {
        public void Configure(EntityTypeBuilder<SubscriptionConsent> c)
        {
            c.Property(x => x.Action).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.Language).HasMaxLength(2);
            c.Property(x => x.Text).HasMaxLength(2000);
            c.HasIndex(x => x.SubscriptionId);
        }
    }
}
