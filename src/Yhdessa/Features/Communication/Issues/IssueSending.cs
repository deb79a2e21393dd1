using System.Diagnostics;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Communication.Issues.Data;
using Yhdessa.Features.Communication.Newsletter;
using Yhdessa.Features.Communication.Newsletter.Data;
using Yhdessa.Platform;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Jobs;
using Yhdessa.Platform.Web;

namespace Yhdessa.Features.Communication.Issues;

/// <summary>
/// Sends the issues. A job, so one instance sends at a time (the jobs' lease); the throttle is therefore the whole
/// site's. It starts scheduled issues when their time comes, then works through the waiting deliveries of each issue
/// being sent, in the order they were made, over a few SMTP connections at once (<see cref="NewsletterOptions.Connections"/>),
/// and marks an issue sent when none is left waiting. Each delivery is marked
/// sent exactly as the SMTP server takes it (<see cref="SmtpDelivery"/>), so a kill or a lost database at any moment
/// leaves every subscriber with the issue once: the next run (here or on another instance) goes on from the first
/// delivery not marked.
/// </summary>
internal sealed class IssueSending(YhdessaDb db, IServiceScopeFactory scopes, NewsletterIssues issues, IStringLocalizer<CommunicationText> c, IOptionsMonitor<SmtpOptions> smtp,
    IOptions<NewsletterOptions> options, IOptions<PlatformOptions> platform, Microsoft.AspNetCore.OutputCaching.IOutputCacheStore cache,
    TimeProvider clock, ILogger<IssueSending> logger) : IRecurringJob
{
    private const int Batch = 200;

    public static string Name => "newsletter-sending";

    public TimeSpan Interval => options.Value.PollInterval;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var id in await db.NewsletterIssues.Where(i => i.State == IssueState.Scheduled && i.ScheduledAt <= now)
                     .Select(i => i.Id).ToListAsync(cancellationToken))
        {
            if (await issues.FindAsync(id, cancellationToken) is { } due && await issues.StartAsync(due, null, cancellationToken) is { } problem)
                logger.LogWarning("Scheduled issue {IssueId} could not start: {Problem}", id, problem);
            db.ChangeTracker.Clear();
        }
        var settings = smtp.CurrentValue;
        // Without a mail server nothing is sent, and the issue waits, as the outbox does.
        if (string.IsNullOrWhiteSpace(settings.Host)) return;
        foreach (var id in await db.NewsletterIssues.Where(i => i.State == IssueState.Sending).OrderBy(i => i.StartedAt)
                     .Select(i => i.Id).ToListAsync(cancellationToken))
            await SendAsync(id, settings, cancellationToken);
    }

    /// <summary>A delivery to send, with what the message needs of its subscription.</summary>
    private sealed record Pending(long Id, string Language, int Attempts, string Email, string ManageToken, SubscriptionState State,
        int Refusals, long SubscriptionId);

    /// <summary>One SMTP connection with a database context of its own, so that several messages are on their way at once
    /// (each waits for the server's answers and its commit, not for the others').</summary>
    private sealed class Lane(IServiceScope scope) : IDisposable
    {
        public YhdessaDb Db { get; } = scope.ServiceProvider.GetRequiredService<YhdessaDb>();
        public SmtpClient Client { get; } = SmtpDelivery.NewClient();

        public void Dispose()
        {
            Client.Dispose();
            scope.Dispose();
        }
    }

    private async Task SendAsync(int issueId, SmtpOptions settings, CancellationToken cancellationToken)
    {
        var issue = await issues.FindAsync(issueId, cancellationToken);
        if (issue is null) return;
        var organisations = await issues.OrganisationsAsync(issue, cancellationToken);
        var site = platform.Value.BaseUrl.TrimEnd('/');
        // A delivery's language is always one the issue is written in (the start chose it so).
        var versions = issue.LanguagesWritten.ToDictionary(l => l, l => new IssueMail(issue, organisations, l, site, c));
        var limit = Math.Max(1, options.Value.UndeliverableAfter);
        var pace = new Pace(options.Value.MessagesPerSecond);
        // SQLite takes one writer at a time, and a second lane would only wait for the first one's commits.
        var connections = db.Database.ProviderName?.EndsWith(".Sqlite", StringComparison.Ordinal) == true ? 1 : Math.Clamp(options.Value.Connections, 1, 16);
        var lanes = Enumerable.Range(0, connections).Select(_ => new Lane(scopes.CreateScope())).ToList();
        try
        {
            while (true)
            {
                var now = clock.GetUtcNow();
                var batch = await db.NewsletterDeliveries.AsNoTracking()
                    .Where(d => d.IssueId == issueId && d.State == DeliveryState.Waiting && (d.NextAttemptAt == null || d.NextAttemptAt <= now))
                    .OrderBy(d => d.Id).Take(Batch)
                    .Join(db.Subscriptions, d => d.SubscriptionId, s => s.Id, (d, s) => new Pending(d.Id, d.Language, d.Attempts, s.Email,
                        s.ManageToken, s.State, s.Refusals, s.Id))
                    .ToListAsync(cancellationToken);
                if (batch.Count == 0) break;
                // The batch dealt out to the lanes in turn; the next batch is read once all of this one is done.
                await Task.WhenAll(lanes.Select((lane, i) => SendOnLaneAsync(lane, batch.Where((_, j) => j % lanes.Count == i).ToList(),
                    issueId, versions, settings, limit, pace, cancellationToken)));
            }
            foreach (var lane in lanes.Where(l => l.Client.IsConnected)) await lane.Client.DisconnectAsync(true, cancellationToken);
        }
        finally
        {
            foreach (var lane in lanes) lane.Dispose();
            // Counted as done even on the way out of a cancelled run, when that run finished the last one.
            await FinishIfDoneAsync(issueId);
        }
    }

    private async Task SendOnLaneAsync(Lane lane, List<Pending> deliveries, int issueId, Dictionary<string, IssueMail> versions,
        SmtpOptions settings, int limit, Pace pace, CancellationToken cancellationToken)
    {
        var (laneDb, client) = (lane.Db, lane.Client);
        foreach (var delivery in deliveries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (delivery.State != SubscriptionState.Active || delivery.Refusals >= limit)
            {
                // She left, or her address stopped taking mail, after the issue started.
                await laneDb.NewsletterDeliveries.Where(d => d.Id == delivery.Id && d.State == DeliveryState.Waiting)
                    .ExecuteUpdateAsync(set => set.SetProperty(d => d.State, DeliveryState.Skipped), cancellationToken);
                continue;
            }
            await pace.WaitAsync(cancellationToken);
            var message = versions[delivery.Language].Message(settings.From, delivery.Email, delivery.ManageToken, $"newsletter-{issueId}-{delivery.Id}@yhdessa");
            var sentAt = clock.GetUtcNow();
            SmtpResult result;
            try
            {
                if (!client.IsConnected) await SmtpDelivery.ConnectAsync(client, settings, cancellationToken);
                result = await SmtpDelivery.SendOnceAsync(client, message,
                    SmtpDelivery.MarkInTransaction(laneDb, () => laneDb.NewsletterDeliveries.Where(d => d.Id == delivery.Id && d.State == DeliveryState.Waiting)
                        .ExecuteUpdate(set => set.SetProperty(d => d.State, DeliveryState.Sent).SetProperty(d => d.SentAt, sentAt)
                            .SetProperty(d => d.Attempts, d => d.Attempts + 1).SetProperty(d => d.LastError, (string?)null))),
                    () => laneDb.NewsletterDeliveries.Where(d => d.Id == delivery.Id && d.State == DeliveryState.Sent && d.SentAt == sentAt)
                        .ExecuteUpdateAsync(set => set.SetProperty(d => d.State, DeliveryState.Waiting).SetProperty(d => d.SentAt, (DateTimeOffset?)null)
                            .SetProperty(d => d.Attempts, d => d.Attempts - 1), CancellationToken.None),
                    cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                result = new SmtpResult(SmtpOutcome.NotSent, e);
            }
            if (result.Outcome == SmtpOutcome.Sent)
            {
                if (delivery.Refusals > 0)
                    await laneDb.Subscriptions.Where(s => s.Id == delivery.SubscriptionId)
                        .ExecuteUpdateAsync(set => set.SetProperty(s => s.Refusals, 0), CancellationToken.None);
                continue;
            }
            if (result.Outcome == SmtpOutcome.TakenElsewhere || result.Error is OperationCanceledException)
            {
                cancellationToken.ThrowIfCancellationRequested();
                continue;
            }
            await FailedAsync(laneDb, delivery.Id, delivery.SubscriptionId, delivery.Attempts, result);
            // A connection in an unknown state is dropped; failing to say goodbye is no new error.
            try { if (client.IsConnected) await client.DisconnectAsync(true, CancellationToken.None); }
            catch (Exception) { }
        }
    }

    /// <summary>A permanent refusal (5xx) fails the delivery and counts against the address; anything else waits and is
    /// tried again, with growing pauses, up to the configured number of times.</summary>
    private async Task FailedAsync(YhdessaDb laneDb, long deliveryId, long subscriptionId, int attempts, SmtpResult result)
    {
        // The server's code comes first (550 …), as a coordinator reading the list would look for it.
        var error = result.Error is SmtpCommandException refusal ? $"{(int)refusal.StatusCode} {refusal.Message}" : result.Error?.Message ?? "";
        if (error.Length > IssueLimits.Error) error = error[..IssueLimits.Error];
        var final = result.Permanent || attempts + 1 >= Math.Max(1, options.Value.MaxAttempts);
        var pause = TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, attempts)));
        await laneDb.NewsletterDeliveries.Where(d => d.Id == deliveryId && d.State == DeliveryState.Waiting).ExecuteUpdateAsync(set => set
            .SetProperty(d => d.State, final ? DeliveryState.Failed : DeliveryState.Waiting)
            .SetProperty(d => d.Attempts, d => d.Attempts + 1)
            .SetProperty(d => d.NextAttemptAt, final ? null : clock.GetUtcNow() + pause)
            .SetProperty(d => d.LastError, error), CancellationToken.None);
        if (result.Permanent)
            await laneDb.Subscriptions.Where(s => s.Id == subscriptionId)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.Refusals, s => s.Refusals + 1), CancellationToken.None);
        // The server's text often quotes the address, so the log gets only the kind of failure.
        logger.LogWarning("Newsletter delivery {DeliveryId} not sent: {ErrorType} {SmtpStatus}{Final}", deliveryId,
            result.Error?.GetType().Name, (result.Error as SmtpCommandException)?.StatusCode, final ? " (final)" : "");
    }

    private async Task FinishIfDoneAsync(int issueId)
    {
        try
        {
            if (await db.NewsletterDeliveries.AnyAsync(d => d.IssueId == issueId && d.State == DeliveryState.Waiting)) return;
            var finished = await db.NewsletterIssues.Where(i => i.Id == issueId && i.State == IssueState.Sending)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.State, IssueState.Sent).SetProperty(i => i.FinishedAt, clock.GetUtcNow()));
            // The archive and its feed show the issue now.
            if (finished > 0) await cache.EvictByTagAsync(PublicPages.Tag, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not mark newsletter issue {IssueId} sent; the next run does", issueId);
        }
    }

    /// <summary>At most the configured number of messages a second, measured from the start of the run, so that a pause
    /// (a slow server) is not made up for with a burst.</summary>
    /// <remarks>Shared by the lanes: each message takes the next free moment.</remarks>
    private sealed class Pace(double perSecond)
    {
        private readonly Stopwatch watch = Stopwatch.StartNew();
        private readonly double secondsEach = 1 / Math.Max(0.01, perSecond);
        private readonly Lock gate = new();
        private double next;

        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            double wait;
            lock (gate)
            {
                var now = watch.Elapsed.TotalSeconds;
                if (next < now) next = now;
                wait = next - now;
                next += secondsEach;
            }
            if (wait > 0.001) await Task.Delay(TimeSpan.FromSeconds(wait), cancellationToken);
        }
    }
}
