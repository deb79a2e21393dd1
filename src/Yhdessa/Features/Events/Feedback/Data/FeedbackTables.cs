using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Feedback.Data;

namespace Yhdessa.Platform.Data
{
    public abstract partial class YhdessaDb
    {
        public DbSet<EventFeedbackRun> EventFeedbackRuns => Set<EventFeedbackRun>();
    }
}

namespace Yhdessa.Features.Events.Feedback.Data
{
    /// <summary>That an event's attendees were invited to give feedback, and when. The event id is the key, so that
    /// however many app instances run the job, one of them invites and the others fail to insert the same row.</summary>
    public class EventFeedbackRun
    {
        public int EventId { get; set; }
        public int SurveyId { get; set; }
        public DateTimeOffset InvitedAt { get; set; }
        public int Invited { get; set; }
    }

    internal sealed class EventFeedbackRunConfiguration : IEntityTypeConfiguration<EventFeedbackRun>
    {
        public void Configure(EntityTypeBuilder<EventFeedbackRun> r)
        {
            r.HasKey(x => x.EventId);
            r.Property(x => x.EventId).ValueGeneratedNever();
            r.HasOne<Event>().WithOne().HasForeignKey<EventFeedbackRun>(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
