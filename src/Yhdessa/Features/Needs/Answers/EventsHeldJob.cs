using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Events;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Jobs;

namespace Yhdessa.Features.Needs.Answers;

/// <summary>
/// When an event that answers a need has taken place, the need's followers are told, once per event and need. Runs on
/// one instance at a time (the platform's job lease); the mark and the mail are saved together, so a crash tells no
/// one twice and no one never.
/// </summary>
internal sealed class EventsHeldJob(YhdessaDb db, EventCatalogue events, NeedFollowers followers, TimeProvider clock) : IRecurringJob
{
    public static string Name => "need-events-held";

    public TimeSpan Interval => TimeSpan.FromMinutes(15);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var held = await (from a in db.NeedAnswers
                          join e in events.VisibleTo(Viewer.Anonymous) on a.TargetId equals e.Id
                          join n in db.Needs on a.NeedId equals n.Id
                          where a.Kind == EventAnswers.Kind && a.ToldTookPlaceAt == null && e.EndsAt <= now && e.Status != EventStatus.Cancelled
                              && n.ConfirmedAt != null && n.State != NeedState.Merged
                          select new { Answer = a, Need = n.Title, Event = e })
            .Take(200).ToListAsync(cancellationToken);
        foreach (var one in held)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The event's title is picked in each follower's language, inside the mail's own language scope.
            await followers.TellEventHeldAsync(one.Answer.NeedId, one.Need, () => one.Event.Title, cancellationToken);
            one.Answer.ToldTookPlaceAt = now;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
