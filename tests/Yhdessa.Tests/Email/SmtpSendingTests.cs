using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Jobs;

namespace Yhdessa.Tests.Email;

[Collection("Email on SQLite")]
public sealed class SmtpSendingOnSqlite(SqliteApp app) : SmtpSendingTests(app);
[Collection("Email on PostgreSQL")]
public sealed class SmtpSendingOnPostgres(PostgresApp app) : SmtpSendingTests(app);

/// <summary>Email that the app queues reaches a real SMTP server, once, in UTF-8, and survives a server outage.</summary>
public abstract class SmtpSendingTests(YhdessaApp app) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly SmtpInbox inbox = new();
    private readonly ShiftableClock clock = new();
    private readonly LogCapture logs = new();
    private WebApplicationFactory<Program> sending = null!;

    public Task InitializeAsync()
    {
        // The test server speaks no TLS, so the tests choose an unencrypted connection, as for a local relay.
        sending = SendingApp(security: "None");
        return Task.CompletedTask;
    }

    private WebApplicationFactory<Program> SendingApp(string? security) =>
        app.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Yhdessa:Smtp:Host", inbox.Host);
            builder.UseSetting("Yhdessa:Smtp:Port", inbox.Port.ToString());
            if (security is not null) builder.UseSetting("Yhdessa:Smtp:Security", security);
            builder.UseSetting("Yhdessa:Smtp:From", "Yhdessä <no-reply@yhdessa.test>");
            builder.UseSetting("Yhdessa:Smtp:PollInterval", "00:00:00.200");
            builder.UseSetting("Yhdessa:Jobs:Enabled", "true");
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.AddSingleton<ILoggerProvider>(logs);
            });
        });

    public async Task DisposeAsync()
    {
        await sending.DisposeAsync();
        await inbox.DisposeAsync();
    }

    [Fact]
    public async Task Queued_email_arrives_once_in_utf8_and_is_marked_sent()
    {
        var to = $"kaisa.{Guid.NewGuid():N}@example.org";
        var id = await EnqueueAsync(to, "Tervetuloa Yhdessä-verkostoon", "Hyvää päivää! Vahvista sähköpostiosoitteesi. Åbo, Göteborg.");

        var message = await inbox.WaitForMessageTo(to, Patience);

        Assert.Equal("Tervetuloa Yhdessä-verkostoon", message.Subject);
        Assert.Equal("Hyvää päivää! Vahvista sähköpostiosoitteesi. Åbo, Göteborg.", message.TextBody?.TrimEnd());
        Assert.Equal("utf-8", message.BodyParts.OfType<MimeKit.TextPart>().Single().ContentType.Charset, ignoreCase: true);
        Assert.Equal("no-reply@yhdessa.test", message.From.Mailboxes.Single().Address);
        // The mark is committed as the message goes out and the body is erased once the server has taken it: wait for both.
        var sent = await WaitForRowAsync(id, e => e.SentAt is not null && e.TextBody == "");
        Assert.Equal(1, sent.Attempts);
        Assert.Null(sent.LastError);
        // Once sent, the body is erased from the outbox; what the coordinator's list shows stays.
        Assert.Equal("", sent.TextBody);
        Assert.Null(sent.HtmlBody);
        Assert.Equal("Tervetuloa Yhdessä-verkostoon", sent.Subject);
        Assert.Equal(to, sent.To);
        // Several more polls of the sender must not send it again.
        await SenderRunsAsync(2);
        Assert.Single(inbox.MessagesTo(to));
    }

    [Fact]
    public async Task Email_waits_while_the_server_is_down_and_goes_out_once_when_it_is_back()
    {
        inbox.Stop();
        var to = $"matti.{Guid.NewGuid():N}@example.org";
        var id = await EnqueueAsync(to, "Kokouskutsu", "Tapaaminen torstaina klo 13.");

        var failed = await WaitForRowAsync(id, e => e.Attempts >= 1);
        Assert.Null(failed.SentAt);
        Assert.NotNull(failed.LastError);
        Assert.True(failed.NextAttemptAt > clock.GetUtcNow(), "a failed message waits before the next try");

        inbox.Start();
        // Still inside the pause: nothing is sent yet even though the server is up again.
        await SenderRunsAsync(2);
        Assert.Empty(inbox.MessagesTo(to));

        clock.Advance(failed.NextAttemptAt!.Value - clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        var message = await inbox.WaitForMessageTo(to, Patience);
        Assert.Equal("Kokouskutsu", message.Subject);
        var sent = await WaitForRowAsync(id, e => e.SentAt is not null);
        Assert.Equal(2, sent.Attempts);
        Assert.Null(sent.LastError);
        await SenderRunsAsync(2);
        Assert.Single(inbox.MessagesTo(to));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Auto")]
    [InlineData("StartTls")]
    public async Task Email_is_not_sent_in_clear_text_to_a_server_that_offers_no_encryption(string? security)
    {
        await sending.DisposeAsync();
        sending = SendingApp(security);
        var to = $"liisa.{Guid.NewGuid():N}@example.org";
        var id = await EnqueueAsync(to, "Salasanan vaihto", "Vaihda salasanasi tästä linkistä.");

        var failed = await WaitForRowAsync(id, e => e.Attempts >= 1);

        Assert.Null(failed.SentAt);
        Assert.Contains("STARTTLS", failed.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(inbox.MessagesTo(to));
    }

    [Fact]
    public async Task Misspelt_security_setting_keeps_the_email_in_the_outbox_with_the_reason()
    {
        await sending.DisposeAsync();
        sending = SendingApp("Tls");
        var to = $"pekka.{Guid.NewGuid():N}@example.org";
        var id = await EnqueueAsync(to, "Kutsu", "Tervetuloa.");

        var failed = await WaitForRowAsync(id, e => e.Attempts >= 1);

        Assert.Null(failed.SentAt);
        Assert.Contains("Yhdessa:Smtp:Security", failed.LastError);
        Assert.Empty(inbox.MessagesTo(to));
    }

    [Fact]
    public async Task A_failed_send_is_logged_without_the_servers_text()
    {
        await sending.DisposeAsync();
        sending = SendingApp("StartTls");
        var to = $"outi.{Guid.NewGuid():N}@example.org";
        var id = await EnqueueAsync(to, "Kutsu", "Tervetuloa.");

        var failed = await WaitForRowAsync(id, e => e.Attempts >= 1);

        // The server's text may quote addresses: it stays in the row for coordinators, not in the log.
        var logged = Assert.Single(logs.Messages, m => m.Contains($"Email {id} not sent"));
        Assert.DoesNotContain(failed.LastError!, logged);
        Assert.DoesNotContain("STARTTLS", logged, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Exception", logged);
        Assert.DoesNotContain(logs.Messages, m => m.Contains(to));
    }

    private async Task<long> EnqueueAsync(string to, string subject, string body)
    {
        using var scope = sending.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<YhdessaDb>();
        scope.ServiceProvider.GetRequiredService<EmailOutbox>().Enqueue(to, subject, body);
        await db.SaveChangesAsync();
        return await db.Set<OutgoingEmail>().Where(e => e.To == to).Select(e => e.Id).SingleAsync();
    }

    /// <summary>Waits until the sender has gone through the outbox <paramref name="times"/> more times.</summary>
    private async Task SenderRunsAsync(int times)
    {
        async Task<DateTimeOffset?> LastFinishedAsync()
        {
            using var scope = sending.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<YhdessaDb>().Set<ScheduledJob>().AsNoTracking()
                .Where(j => j.Name == EmailSender.Name).Select(j => j.LastFinishedAt).SingleOrDefaultAsync();
        }
        var deadline = DateTime.UtcNow + Patience;
        var last = await LastFinishedAsync();
        for (var seen = 0; seen < times;)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The sender ran {seen} of {times} times");
            await Task.Delay(50);
            var now = await LastFinishedAsync();
            if (now != last) (seen, last) = (seen + 1, now);
        }
    }

    private async Task<OutgoingEmail> WaitForRowAsync(long id, Func<OutgoingEmail, bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            using var scope = sending.Services.CreateScope();
            var row = await scope.ServiceProvider.GetRequiredService<YhdessaDb>()
                .Set<OutgoingEmail>().AsNoTracking().SingleAsync(e => e.Id == id);
            if (condition(row)) return row;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Outbox row {id}: attempts {row.Attempts}, sent {row.SentAt}, error {row.LastError}");
            await Task.Delay(100);
        }
    }
}
