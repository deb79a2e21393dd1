using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Yhdessa.Features.Communication.Issues.Data;
using Yhdessa.Features.Communication.Items.Data;
using Yhdessa.Features.Communication.News.Data;
using Yhdessa.Features.Communication.Newsletter.Data;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Network.Data;

namespace Yhdessa.Platform.Data
{
    public abstract partial class YhdessaDb
    {
        public DbSet<NewsletterIssue> NewsletterIssues => Set<NewsletterIssue>();
        public DbSet<IssueText> IssueTexts => Set<IssueText>();
        public DbSet<IssueEntry> IssueEntries => Set<IssueEntry>();
        public DbSet<IssueTheme> IssueThemes => Set<IssueTheme>();
        public DbSet<IssueLanguageChoice> IssueLanguageChoices => Set<IssueLanguageChoice>();
        public DbSet<NewsletterDelivery> NewsletterDeliveries => Set<NewsletterDelivery>();
    }
}

namespace Yhdessa.Features.Communication.Issues.Data
{
    public static class IssueLimits
    {
        public const int Subject = 150;
        public const int Editorial = 10_000;
        public const int Entries = 40;
        public const int Error = 500;
    }

    internal sealed class NewsletterIssueConfiguration : IEntityTypeConfiguration<NewsletterIssue>
    {
        public void Configure(EntityTypeBuilder<NewsletterIssue> i)
        {
            i.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            i.HasIndex(x => x.Number).IsUnique();
            i.HasIndex(x => new { x.State, x.ScheduledAt });
            i.Property(x => x.Revision).IsConcurrencyToken();
            i.HasMany(x => x.Texts).WithOne().HasForeignKey(x => x.IssueId).OnDelete(DeleteBehavior.Cascade);
            i.HasMany(x => x.Entries).WithOne().HasForeignKey(x => x.IssueId).OnDelete(DeleteBehavior.Cascade);
            i.HasMany(x => x.Themes).WithOne().HasForeignKey(x => x.IssueId).OnDelete(DeleteBehavior.Cascade);
            i.HasMany(x => x.Choices).WithOne().HasForeignKey(x => x.IssueId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class IssueTextConfiguration : IEntityTypeConfiguration<IssueText>
    {
        public void Configure(EntityTypeBuilder<IssueText> t)
        {
            t.HasKey(x => new { x.IssueId, x.Language });
            t.Property(x => x.Language).HasMaxLength(2);
            t.Property(x => x.Subject).HasMaxLength(IssueLimits.Subject);
            t.Property(x => x.Editorial).HasMaxLength(IssueLimits.Editorial);
        }
    }

    internal sealed class IssueEntryConfiguration : IEntityTypeConfiguration<IssueEntry>
    {
        public void Configure(EntityTypeBuilder<IssueEntry> e)
        {
            e.HasIndex(x => new { x.IssueId, x.Position });
            e.HasIndex(x => x.ItemId);
            e.Property(x => x.Language).HasMaxLength(2);
            e.Property(x => x.Title).HasMaxLength(ItemLimits.Title);
            e.Property(x => x.Text).HasMaxLength(ItemLimits.Text);
            e.Property(x => x.Link).HasMaxLength(ItemLimits.Link);
            e.Property(x => x.ImageAlt).HasMaxLength(NewsLimits.ImageAlt);
            e.HasOne<NewsletterItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<NewsImage>().WithMany().HasForeignKey(x => x.ImageId).OnDelete(DeleteBehavior.SetNull);
        }
    }

    internal sealed class IssueThemeConfiguration : IEntityTypeConfiguration<IssueTheme>
    {
        public void Configure(EntityTypeBuilder<IssueTheme> t)
        {
            t.HasKey(x => new { x.IssueId, x.ThemeId });
            t.HasOne<EventTheme>().WithMany().HasForeignKey(x => x.ThemeId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class IssueLanguageChoiceConfiguration : IEntityTypeConfiguration<IssueLanguageChoice>
    {
        public void Configure(EntityTypeBuilder<IssueLanguageChoice> c)
        {
            c.HasKey(x => new { x.IssueId, x.SubscriberLanguage });
            c.Property(x => x.SubscriberLanguage).HasMaxLength(2);
            c.Property(x => x.SendIn).HasMaxLength(2);
        }
    }

    internal sealed class NewsletterDeliveryConfiguration : IEntityTypeConfiguration<NewsletterDelivery>
    {
        public void Configure(EntityTypeBuilder<NewsletterDelivery> d)
        {
            d.Property(x => x.Language).HasMaxLength(2);
            d.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            d.Property(x => x.LastError).HasMaxLength(IssueLimits.Error);
            // One delivery per subscriber and issue, even if two instances start the same issue at once.
            d.HasIndex(x => new { x.IssueId, x.SubscriptionId }).IsUnique();
            d.HasIndex(x => new { x.IssueId, x.State, x.Id });
            d.HasIndex(x => x.SubscriptionId);
            d.HasOne<NewsletterIssue>().WithMany().HasForeignKey(x => x.IssueId).OnDelete(DeleteBehavior.Cascade);
            d.HasOne<Subscription>().WithMany().HasForeignKey(x => x.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
