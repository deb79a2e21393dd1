using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Yhdessa.Features.Surveys.Data;

namespace Yhdessa.Platform.Data
{
    public abstract partial class YhdessaDb
    {
        public DbSet<Survey> Surveys => Set<Survey>();
        public DbSet<SurveyQuestion> SurveyQuestions => Set<SurveyQuestion>();
        public DbSet<SurveyInvitation> SurveyInvitations => Set<SurveyInvitation>();
        public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
        public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();
        public DbSet<WishedTopic> WishedTopics => Set<WishedTopic>();
    }
}

namespace Yhdessa.Features.Surveys.Data
{
    public static class SurveyLimits
    {
        public const int Title = 200;
        public const int Intro = 2000;
        public const int Question = 500;
        public const int Label = 100;
        public const int Options = 2000;
        public const int MaxOptions = 20;
        public const int Answer = 4000;
        public const int Topic = 200;
        public const int MaxTopics = 5;
        public const int Owner = 100;
        public const int MaxQuestions = 40;
        /// <summary>The largest number a number question takes, either way from zero.</summary>
        public const decimal MaxNumber = 1_000_000_000m;
    }

    internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
    {
        public void Configure(EntityTypeBuilder<Survey> survey)
        {
            survey.Property(s => s.OwnerKind).HasMaxLength(SurveyLimits.Owner);
            survey.Property(s => s.OwnerId).HasMaxLength(SurveyLimits.Owner);
            survey.Property(s => s.Series).HasMaxLength(SurveyLimits.Owner);
            survey.HasIndex(s => new { s.OwnerKind, s.OwnerId });
            survey.HasIndex(s => s.Series);
            survey.Property(s => s.TitleFi).HasMaxLength(SurveyLimits.Title);
            survey.Property(s => s.TitleSv).HasMaxLength(SurveyLimits.Title);
            survey.Property(s => s.TitleEn).HasMaxLength(SurveyLimits.Title);
            survey.Property(s => s.IntroFi).HasMaxLength(SurveyLimits.Intro);
            survey.Property(s => s.IntroSv).HasMaxLength(SurveyLimits.Intro);
            survey.Property(s => s.IntroEn).HasMaxLength(SurveyLimits.Intro);
            survey.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
            survey.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.SurveyId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class SurveyQuestionConfiguration : IEntityTypeConfiguration<SurveyQuestion>
    {
        public void Configure(EntityTypeBuilder<SurveyQuestion> question)
        {
            question.HasIndex(q => new { q.SurveyId, q.Position });
            question.Property(q => q.Kind).HasConversion<string>().HasMaxLength(20);
            question.Property(q => q.TextFi).HasMaxLength(SurveyLimits.Question);
            question.Property(q => q.TextSv).HasMaxLength(SurveyLimits.Question);
            question.Property(q => q.TextEn).HasMaxLength(SurveyLimits.Question);
            question.Property(q => q.Key).HasMaxLength(SurveyLimits.Owner);
            foreach (var label in new[] { "LowLabelFi", "LowLabelSv", "LowLabelEn", "HighLabelFi", "HighLabelSv", "HighLabelEn" })
                question.Property<string?>(label).HasMaxLength(SurveyLimits.Label);
            foreach (var options in new[] { "OptionsFi", "OptionsSv", "OptionsEn" })
                question.Property<string?>(options).HasMaxLength(SurveyLimits.Options);
        }
    }

    internal sealed class SurveyInvitationConfiguration : IEntityTypeConfiguration<SurveyInvitation>
    {
        public void Configure(EntityTypeBuilder<SurveyInvitation> invitation)
        {
            invitation.Property(i => i.TokenHash).HasMaxLength(64);
            invitation.HasIndex(i => i.TokenHash).IsUnique();
            invitation.HasIndex(i => new { i.SurveyId, i.Email });
            invitation.HasOne<Survey>().WithMany().HasForeignKey(i => i.SurveyId).OnDelete(DeleteBehavior.Cascade);
            invitation.Property(i => i.Email).HasMaxLength(256);
            invitation.Property(i => i.Name).HasMaxLength(200);
            invitation.Property(i => i.Language).HasMaxLength(2);
        }
    }

    internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
    {
        public void Configure(EntityTypeBuilder<SurveyResponse> response)
        {
            // The id is random, never generated in sequence: a sequence would order responses like the invitations.
            response.Property(r => r.Id).ValueGeneratedNever();
            response.HasIndex(r => r.SurveyId);
            response.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
            response.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
            response.HasMany(r => r.Topics).WithOne().HasForeignKey(t => t.ResponseId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
    {
        public void Configure(EntityTypeBuilder<SurveyAnswer> answer)
        {
            answer.HasKey(a => new { a.ResponseId, a.QuestionId });
            answer.HasIndex(a => a.QuestionId);
            answer.HasOne<SurveyQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Cascade);
            answer.Property(a => a.Choices).HasMaxLength(100);
            answer.Property(a => a.Text).HasMaxLength(SurveyLimits.Answer);
            answer.Property(a => a.Number).HasPrecision(14, 2);
        }
    }

    internal sealed class WishedTopicConfiguration : IEntityTypeConfiguration<WishedTopic>
    {
        public void Configure(EntityTypeBuilder<WishedTopic> topic)
        {
            topic.Property(t => t.Id).ValueGeneratedNever();
            topic.HasIndex(t => t.SurveyId);
            topic.HasOne<SurveyQuestion>().WithMany().HasForeignKey(t => t.QuestionId).OnDelete(DeleteBehavior.Cascade);
            topic.Property(t => t.Topic).HasMaxLength(SurveyLimits.Topic);
        }
    }
}
