using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Jobs;

namespace Yhdessa.Platform.Email;

/// <summary>SMTP settings (section <c>Yhdessa:Smtp</c>). Without a host, email stays in the outbox at /admin/outbox.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>None (only for a relay on the same host), StartTls or SslOnConnect. Auto, the default, is
    /// SslOnConnect on port 465 and StartTls otherwise: never a silent fall-back to an unencrypted connection.</summary>
    public string Security { get; set; } = "Auto";
    public string From { get; set; } = "Yhdessä <no-reply@localhost>";
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    public int MaxAttempts { get; set; } = 8;
}

public static class EmailSending
{
    public static IServiceCollection AddEmailSending(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmtpOptions>(configuration.GetSection("Yhdessa:Smtp"));
        services.AddRecurringJob<EmailSender>();
        return services;
    }
}

/// <summary>
/// Delivers queued email in the background, every <see cref="SmtpOptions.PollInterval"/>. Each message is claimed
/// with a conditional update before it is sent, marked sent as the server takes it (<see cref="SmtpDelivery"/>), and
/// retried with growing pauses when the server refuses; so a message goes out once even if a run is cut short and
/// taken over by another instance.
/// </summary>
internal sealed class EmailSender(YhdessaDb db, IOptionsMonitor<SmtpOptions> options, TimeProvider clock,
    ILogger<EmailSender> logger) : IRecurringJob
{
    private readonly Guid instance = Guid.NewGuid();

    public static string Name => "email-sending";

    public TimeSpan Interval => options.CurrentValue.PollInterval;

    public Task RunAsync(CancellationToken cancellationToken)
    {
        var smtp = options.CurrentValue;
        return string.IsNullOrWhiteSpace(smtp.Host) ? Task.CompletedTask : SendDueAsync(smtp, cancellationToken);
    }

    internal async Task SendDueAsync(SmtpOptions smtp, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Set<OutgoingEmail>()
            .Where(e => e.SentAt == null && e.Attempts < smtp.MaxAttempts)
            .Where(e => e.NextAttemptAt == null || e.NextAttemptAt <= now)
            .Where(e => e.ClaimedUntil == null || e.ClaimedUntil < now)
            .OrderBy(e => e.Id).Select(e => e.Id).Take(20).ToListAsync(cancellationToken);
        if (due.Count == 0) return;

        using var client = SmtpDelivery.NewClient();
        foreach (var id in due)
        {
            var claimedUntil = clock.GetUtcNow().AddMinutes(5);
            var claimed = await db.Set<OutgoingEmail>()
                // The same conditions as the query above: another instance may have tried it meanwhile.
                .Where(e => e.Id == id && e.SentAt == null && e.Attempts < smtp.MaxAttempts)
                .Where(e => e.NextAttemptAt == null || e.NextAttemptAt <= now)
                .Where(e => e.ClaimedUntil == null || e.ClaimedUntil < now)
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.ClaimedBy, instance)
                    .SetProperty(e => e.ClaimedUntil, claimedUntil), cancellationToken);
            if (claimed == 0) continue;

            var email = await db.Set<OutgoingEmail>().AsNoTracking().Include(e => e.Attachments).SingleAsync(e => e.Id == id, cancellationToken);
            var sentAt = clock.GetUtcNow();
            SmtpResult result;
            try
            {
                if (!client.IsConnected) await SmtpDelivery.ConnectAsync(client, smtp, cancellationToken);
                // Marked sent between the data and its ending dot (see SmtpDelivery), so a crash never sends it twice.
                // Recording must not be cancelled by a shutdown.
                result = await SmtpDelivery.SendOnceAsync(client, ToMime(email, smtp),
                    SmtpDelivery.MarkInTransaction(db, () => db.Set<OutgoingEmail>().Where(e => e.Id == id && e.SentAt == null && e.ClaimedBy == instance)
                        .ExecuteUpdate(set => set.SetProperty(e => e.SentAt, sentAt).SetProperty(e => e.Attempts, e => e.Attempts + 1)
                            .SetProperty(e => e.LastError, (string?)null))),
                    () => db.Set<OutgoingEmail>().Where(e => e.Id == id && e.SentAt == sentAt)
                        .ExecuteUpdateAsync(set => set.SetProperty(e => e.SentAt, (DateTimeOffset?)null)
                            .SetProperty(e => e.Attempts, e => e.Attempts - 1), CancellationToken.None),
                    cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                result = new SmtpResult(SmtpOutcome.NotSent, e);
            }
            if (result.Outcome == SmtpOutcome.TakenElsewhere) continue;
            if (result.Outcome == SmtpOutcome.NotSent)
            {
                var e = result.Error!;
                // Pauses of 1, 2, 4 … minutes, at most an hour, then the message waits for a person.
                var pause = TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, email.Attempts)));
                var error = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
                await db.Set<OutgoingEmail>().Where(x => x.Id == id).ExecuteUpdateAsync(set => set
                    .SetProperty(x => x.Attempts, x => x.Attempts + 1)
                    .SetProperty(x => x.NextAttemptAt, clock.GetUtcNow().Add(pause))
                    .SetProperty(x => x.LastError, error)
                    .SetProperty(x => x.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
                // The server's text often quotes addresses, so the log gets only the kind of failure; the full
                // text stays in the outbox row, which only coordinators read.
                logger.LogWarning("Email {EmailId} not sent (attempt {Attempt}): {ErrorType} {SmtpStatus}",
                    id, email.Attempts + 1, e.GetType().Name, (e as SmtpCommandException)?.StatusCode);
                // A connection in an unknown state is dropped; failing to say goodbye is no new error.
                try { if (client.IsConnected) await client.DisconnectAsync(true, CancellationToken.None); }
                catch (Exception) { }
                continue;
            }
            // The body (personal data, sign-in links) is no longer needed once it is sent: only the facts stay.
            await db.Set<OutgoingEmail>().Where(e => e.Id == id).ExecuteUpdateAsync(set => set
                .SetProperty(e => e.TextBody, "")
                .SetProperty(e => e.HtmlBody, (string?)null), CancellationToken.None);
            if (email.Attachments.Count > 0)
                await db.Set<OutgoingEmailAttachment>().Where(a => a.EmailId == id)
                    .ExecuteUpdateAsync(set => set.SetProperty(a => a.Content, Array.Empty<byte>()), CancellationToken.None);
        }
        if (client.IsConnected) await client.DisconnectAsync(true, cancellationToken);
    }

    private static MimeMessage ToMime(OutgoingEmail email, SmtpOptions smtp)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        // A stable Message-Id lets receiving servers drop a duplicate if a send is ever repeated.
        message.MessageId = $"outbox-{email.Id}-{email.CreatedAt.UtcTicks}@yhdessa";
        var body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody };
        foreach (var attachment in email.Attachments)
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        message.Body = body.ToMessageBody();
        return message;
    }
}
