using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Communication.Newsletter.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Jobs;

namespace Yhdessa.Features.Communication.Newsletter;

/// <summary>
/// Deletes addresses the list no longer needs: an unsubscribed address (with its topics and consents) 30 days after it
/// left, time enough to answer her question about it and to come back with the link she has; a request never
/// confirmed, once its link has expired.
/// </summary>
internal sealed class SubscriptionRetention(YhdessaDb db, TimeProvider clock) : IRecurringJob
{
    public static readonly TimeSpan KeptAfterUnsubscribing = TimeSpan.FromDays(30);

    public static string Name => "newsletter-subscriptions-retention";

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var leftBefore = now - KeptAfterUnsubscribing;
        await db.Subscriptions.Where(s => (s.State == SubscriptionState.Unsubscribed && s.UnsubscribedAt <= leftBefore)
                || (s.State == SubscriptionState.Pending && s.ConfirmExpiresAt <= now))
            .ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>Settings of the newsletter (section <c>Yhdessa:Newsletter</c>).</summary>
public sealed class NewsletterOptions
{
    /// <summary>Subscription requests per connection address and hour; the database sends one mail an hour per address.</summary>
    public int RequestsPerHour { get; set; } = 10;
    /// <summary>How fast an issue goes out, across all instances (one instance sends at a time): messages per second.</summary>
    public double MessagesPerSecond { get; set; } = 10;
    /// <summary>SMTP connections used at once while sending an issue (1–16): each message waits for the server's answers and
    /// its own commit, so a few connections keep the mail server busy. Ask the mail service how many it allows. On SQLite,
    /// which writes one commit at a time, one.</summary>
    public int Connections { get; set; } = 4;
    /// <summary>Permanent refusals (5xx) in a row after which an address is undeliverable: shown to coordinators and skipped.</summary>
    public int UndeliverableAfter { get; set; } = 3;
    /// <summary>Tries of one delivery that fails for a passing reason (the server away, a 4xx answer) before it counts as failed.</summary>
    public int MaxAttempts { get; set; } = 6;
    /// <summary>How often the sender looks for issues to start or to go on with.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
