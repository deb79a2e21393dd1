using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Communication.Issues;
using Yhdessa.Features.Communication.Issues.Data;
using Yhdessa.Features.Communication.Newsletter.Data;
using Yhdessa.Platform.Data;

namespace Yhdessa.Tests.Communication;

/// <summary>
/// Exactly once, the hard way: an issue to 2,000 subscribers is sent by the app running as a process of its own, which is
/// killed with SIGKILL part-way and started again; the SMTP server then holds every address exactly once. (The benchmark
/// does the same with 50,000, and restarts PostgreSQL under the sender too.)
/// </summary>
[RunsLong(60)]
public sealed class SendingCrashTests
{
    private const int Subscribers = 2_000;

    [Theory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task An_issue_killed_while_sending_reaches_every_subscriber_exactly_once(Engine engine)
    {
        await using var app = new YhdessaApp(engine);
        await using var inbox = new SmtpInbox();
        var run = Guid.NewGuid().ToString("N")[..8];
        var addresses = Enumerable.Range(0, Subscribers).Select(i => $"lukija{i}.{run}@example.org").ToList();
        var issueId = await PrepareAsync(app, addresses);

        string[] settings =
        [
            .. app.ProcessSettings(),
            $"--Yhdessa:Smtp:Host={inbox.Host}", $"--Yhdessa:Smtp:Port={inbox.Port}", "--Yhdessa:Smtp:Security=None",
            "--Yhdessa:Smtp:From=uutiskirje@yhdessa.test",
            "--Yhdessa:Newsletter:MessagesPerSecond=100000", "--Yhdessa:Newsletter:PollInterval=00:00:00.200",
            // A killed instance's lease on the sending job runs out soon, so the next one takes over without a long wait.
            "--Yhdessa:Jobs:LeaseSeconds=1", "--Yhdessa:Jobs:PollInterval=00:00:00.200",
        ];
        using (var sender = new AppProcess([.. settings, $"--Yhdessa:Materials:IndexDirectory={Path.Combine(app.DataDirectory, "search-first")}"]))
        {
            await WaitAsync(() => inbox.Count >= Subscribers * 2 / 5, TimeSpan.FromSeconds(90), () => $"{inbox.Count} sent; the app said:\n{sender.Output}");
            sender.Kill();
            Assert.True(inbox.Count < Subscribers, $"the sending had finished before the kill ({inbox.Count} sent)");
        }
        using (var last = new AppProcess([.. settings, $"--Yhdessa:Materials:IndexDirectory={Path.Combine(app.DataDirectory, "search-last")}"]))
        {
            await WaitAsync(async () => await StateAsync(app, issueId) == IssueState.Sent, TimeSpan.FromSeconds(120),
                () => $"{inbox.Count} sent; the app said:\n{last.Output}");
        }

        var counts = inbox.CountByRecipient();
        Assert.Equal(Subscribers, counts.Count);
        Assert.All(addresses, address => Assert.Equal(1, counts.GetValueOrDefault(address)));
        Assert.Equal(Subscribers, inbox.Count);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<YhdessaDb>();
        Assert.Equal(Subscribers, await db.NewsletterDeliveries.CountAsync(d => d.IssueId == issueId && d.State == DeliveryState.Sent));
    }

    /// <summary>The subscribers, and an issue already started (its deliveries made), as a coordinator's press of "send" leaves it.</summary>
    private static async Task<int> PrepareAsync(YhdessaApp app, List<string> addresses)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<YhdessaDb>();
        var now = DateTimeOffset.UtcNow;
        db.Subscriptions.AddRange(addresses.Select((address, i) => new Subscription
        {
            Email = address, EmailKey = address, Language = i % 3 == 0 ? "sv" : "fi", State = SubscriptionState.Active,
            ManageToken = Guid.NewGuid().ToString("N"), CreatedAt = now, ConfirmedAt = now,
        }));
        await db.SaveChangesAsync();
        var issues = scope.ServiceProvider.GetRequiredService<NewsletterIssues>();
        var issue = await issues.CreateAsync(CancellationToken.None);
        issue.Texts = [new IssueText { Language = "fi", Subject = "Kaatumistesti", Editorial = "Jokainen saa tämän kerran." },
            new IssueText { Language = "sv", Subject = "Kraschtest", Editorial = "Alla får detta en gång." }];
        issue.Choices = [new IssueLanguageChoice { SubscriberLanguage = "en", SendIn = "fi" }];
        await db.SaveChangesAsync();
        Assert.Null(await issues.StartAsync(issue, null, CancellationToken.None));
        return issue.Id;
    }

    private static async Task<IssueState> StateAsync(YhdessaApp app, int issueId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<YhdessaDb>().NewsletterIssues.Where(i => i.Id == issueId).Select(i => i.State).SingleAsync();
    }

    private static Task WaitAsync(Func<bool> done, TimeSpan timeout, Func<string> explain) => WaitAsync(() => Task.FromResult(done()), timeout, explain);

    private static async Task WaitAsync(Func<Task<bool>> done, TimeSpan timeout, Func<string> explain)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException(explain());
            await Task.Delay(20);
        }
    }
}
