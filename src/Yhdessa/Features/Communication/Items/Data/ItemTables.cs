using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Yhdessa.Features.Communication.Items.Data;
using Yhdessa.Features.Communication.News.Data;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Platform.Data
{
    public abstract partial class YhdessaDb
    {
        public DbSet<NewsletterItem> NewsletterItems => Set<NewsletterItem>();
        public DbSet<NewsletterEditorGroup> NewsletterEditorGroups => Set<NewsletterEditorGroup>();
    }
}

namespace Yhdessa.Features.Communication.Items.Data
{
    public static class ItemLimits
    {
        public const int Title = 200;
        public const int Text = 5_000;
        public const int Link = 500;
        public const int Note = 2_000;
    }

    internal sealed class NewsletterItemConfiguration : IEntityTypeConfiguration<NewsletterItem>
    {
        public void Configure(EntityTypeBuilder<NewsletterItem> i)
        {
            i.Property(x => x.Language).HasMaxLength(2);
            i.Property(x => x.Title).HasMaxLength(ItemLimits.Title);
            i.Property(x => x.Text).HasMaxLength(ItemLimits.Text);
            i.Property(x => x.SubmittedTitle).HasMaxLength(ItemLimits.Title);
            i.Property(x => x.SubmittedText).HasMaxLength(ItemLimits.Text);
            i.Property(x => x.Link).HasMaxLength(ItemLimits.Link);
            i.Property(x => x.ImageAlt).HasMaxLength(NewsLimits.ImageAlt);
            i.Property(x => x.EditorNote).HasMaxLength(ItemLimits.Note);
            i.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            // Two editors deciding at once, or an editor and the author editing: the second save is refused.
            i.Property(x => x.Revision).IsConcurrencyToken();
            i.Property(x => x.AuthorId).HasMaxLength(450);
            i.HasIndex(x => x.AuthorId);
            i.HasIndex(x => new { x.State, x.SubmittedAt });
            i.HasOne<User>().WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.SetNull);
            i.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.SetNull);
            i.HasOne<NewsImage>().WithMany().HasForeignKey(x => x.ImageId).OnDelete(DeleteBehavior.SetNull);
        }
    }

    internal sealed class NewsletterEditorGroupConfiguration : IEntityTypeConfiguration<NewsletterEditorGroup>
    {
        public void Configure(EntityTypeBuilder<NewsletterEditorGroup> g)
        {
            g.HasKey(x => x.GroupId);
            g.HasOne<Group>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
