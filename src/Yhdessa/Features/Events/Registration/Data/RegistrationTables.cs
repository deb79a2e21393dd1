using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Platform.Data
{
    public abstract partial class YhdessaDb
    {
        public DbSet<EventRegistrationSettings> EventRegistrationSettings => Set<EventRegistrationSettings>();
        public DbSet<EventRegistration> EventRegistrations => Set<EventRegistration>();
        public DbSet<EventQuestion> EventQuestions => Set<EventQuestion>();
        public DbSet<RegistrationAnswer> RegistrationAnswers => Set<RegistrationAnswer>();
    }
}

namespace Yhdessa.Features.Events.Registration.Data
{
    public static class RegistrationLimits
    {
        public const int Name = 200;
        public const int Email = 254;
        public const int OrganisationName = 200;
        public const int Needs = 1000;
        public const int Answer = 2000;
        public const int QuestionText = 500;
        public const int OptionText = 200;
        public const int DefaultOfferHoldHours = 48;
        public const int MaxOfferHoldHours = 24 * 14;
    }

    internal sealed class EventRegistrationSettingsConfiguration : IEntityTypeConfiguration<EventRegistrationSettings>
    {
        public void Configure(EntityTypeBuilder<EventRegistrationSettings> s)
        {
            s.HasKey(x => x.EventId);
            s.HasOne<Event>().WithOne().HasForeignKey<EventRegistrationSettings>(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
            s.Property(x => x.ReservedFor).HasConversion<string>().HasMaxLength(30);
        }
    }

    internal sealed class EventQuestionConfiguration : IEntityTypeConfiguration<EventQuestion>
    {
        public void Configure(EntityTypeBuilder<EventQuestion> q)
        {
            q.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            q.Property(x => x.TextFi).HasMaxLength(RegistrationLimits.QuestionText);
            q.Property(x => x.TextSv).HasMaxLength(RegistrationLimits.QuestionText);
            q.Property(x => x.TextEn).HasMaxLength(RegistrationLimits.QuestionText);
            q.HasIndex(x => new { x.EventId, x.Position });
            q.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
            q.HasMany(x => x.Options).WithOne().HasForeignKey(o => o.QuestionId).OnDelete(DeleteBehavior.Cascade);
            q.Ignore(x => x.Text);
        }
    }

    internal sealed class EventQuestionOptionConfiguration : IEntityTypeConfiguration<EventQuestionOption>
    {
        public void Configure(EntityTypeBuilder<EventQuestionOption> o)
        {
            o.Property(x => x.TextFi).HasMaxLength(RegistrationLimits.OptionText);
            o.Property(x => x.TextSv).HasMaxLength(RegistrationLimits.OptionText);
            o.Property(x => x.TextEn).HasMaxLength(RegistrationLimits.OptionText);
            o.Ignore(x => x.Text);
        }
    }

    internal sealed class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
    {
        public void Configure(EntityTypeBuilder<EventRegistration> r)
        {
            r.Property(x => x.UserId).HasMaxLength(450);
            r.Property(x => x.Name).HasMaxLength(RegistrationLimits.Name);
            r.Property(x => x.Email).HasMaxLength(RegistrationLimits.Email);
            r.Property(x => x.EmailNormalized).HasMaxLength(RegistrationLimits.Email);
            r.Property(x => x.OrganisationName).HasMaxLength(RegistrationLimits.OrganisationName);
            r.Property(x => x.OrganisationSector).HasConversion<string>().HasMaxLength(30);
            r.Property(x => x.Language).HasMaxLength(5);
            r.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            r.Property(x => x.WaitingReason).HasConversion<string>().HasMaxLength(20);
            r.Property(x => x.CancellationReason).HasConversion<string>().HasMaxLength(20);
            r.Property(x => x.Attendance).HasConversion<string>().HasMaxLength(20);
            r.Property(x => x.DietaryNeeds).HasMaxLength(RegistrationLimits.Needs);
            r.Property(x => x.AccessibilityNeeds).HasMaxLength(RegistrationLimits.Needs);
            // One live registration per address and event, also under racing requests; a cancelled or declined
            // one does not stop the person from registering again. Quoted names work in SQLite and PostgreSQL.
            r.HasIndex(x => new { x.EventId, x.EmailNormalized }).IsUnique()
                .HasFilter("\"EmailNormalized\" IS NOT NULL AND \"Status\" <> 'Cancelled' AND \"Status\" <> 'Declined'");
            // Seats are counted and the waiting list read in arrival order (Id) per event and status.
            r.HasIndex(x => new { x.EventId, x.Status, x.Id });
            r.HasIndex(x => x.UserId);
            r.HasIndex(x => new { x.Status, x.OfferExpiresAt });
            r.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
            r.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
            r.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.SetNull);
            r.HasMany(x => x.Answers).WithOne().HasForeignKey(a => a.RegistrationId).OnDelete(DeleteBehavior.Cascade);
            r.Ignore(x => x.HoldsSeat);
            r.Ignore(x => x.IsLive);
        }
    }

    internal sealed class RegistrationAnswerConfiguration : IEntityTypeConfiguration<RegistrationAnswer>
    {
        public void Configure(EntityTypeBuilder<RegistrationAnswer> a)
        {
            a.Property(x => x.Text).HasMaxLength(RegistrationLimits.Answer);
            a.HasIndex(x => x.QuestionId);
            a.HasOne<EventQuestion>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Cascade);
            a.HasOne<EventQuestionOption>().WithMany().HasForeignKey(x => x.OptionId).OnDelete(DeleteBehavior.SetNull);
        }
    }
}
