using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Communication.Issues;
using Yhdessa.Features.Communication.Issues.Data;
using Yhdessa.Features.Communication.Newsletter.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Bench;

/// <summary>
/// The newsletter benchmark of bench/newsletter.sh: <c>--Bench:Subscribers=50000</c> writes that many active subscriptions
/// (two in three Finnish, the rest Swedish, a few with topics) straight into the table, makes an issue in Finnish and Swedish
/// with a few entries, and starts it through the app's own <see cref="NewsletterIssues.StartAsync"/> (the one statement that
/// makes a delivery per recipient, timed). It writes the issue's id and a coordinator's session cookie (for the progress
/// view) to the output folder.
/// </summary>
public static class NewsletterBench
{
    public static async Task<int> SeedAsync(IServiceProvider services, int subscribers, string outDirectory, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<YhdessaDb>();
        var now = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        await BulkRows.WriteAsync(db, Enumerable.Range(1, subscribers).Select(i => new Subscription
        {
            Id = i, Email = $"tilaaja{i}@example.org", EmailKey = $"tilaaja{i}@example.org", Language = i % 3 == 0 ? "sv" : "fi",
            State = SubscriptionState.Active, ManageToken = $"{i:x8}{Guid.NewGuid():N}", CreatedAt = now, ConfirmedAt = now,
        }), cancellationToken);
        Console.WriteLine($"Newsletter: {subscribers} subscribers written in {clock.Elapsed.TotalSeconds:0.0} s.");

        var users = services.GetRequiredService<UserManager<User>>();
        var coordinator = new User
        {
            UserName = "koordinaattori@bench.example", Email = "koordinaattori@bench.example", EmailConfirmed = true, DisplayName = "Bench Koordinaattori",
            CreatedAt = now,
        };
        if (!(await users.CreateAsync(coordinator)).Succeeded) throw new InvalidOperationException("could not make the coordinator");
        await users.AddToRolesAsync(coordinator, [Roles.Member, Roles.Coordinator]);
        await File.WriteAllTextAsync(Path.Combine(outDirectory, "coordinator-cookie.txt"), await NeedsSupportLoad.SessionCookieAsync(services, coordinator), cancellationToken);

        var issues = services.GetRequiredService<NewsletterIssues>();
        var issue = await issues.CreateAsync(cancellationToken);
        issue.Texts =
        [
            new IssueText { Language = "fi", Subject = "Kuormitustestin uutiskirje", Editorial = string.Join("\n\n", Enumerable.Repeat(
                "Hyvä verkosto! Tämä pääkirjoitus on yhtä pitkä kuin verkoston tavallinen pääkirjoitus: **kuulumisia**, [linkki](https://example.fi) ja kiitokset.", 6)) },
            new IssueText { Language = "sv", Subject = "Belastningstestets nyhetsbrev", Editorial = string.Join("\n\n", Enumerable.Repeat(
                "Bästa nätverk! Denna ledare är lika lång som nätverkets vanliga ledare: **nyheter**, [länk](https://example.fi) och tack.", 6)) },
        ];
        issue.Choices = [new IssueLanguageChoice { SubscriberLanguage = "en", SendIn = "fi" }];
        issue.Entries = [.. Enumerable.Range(1, 6).Select(i => new IssueEntry
        {
            Position = i, Language = "fi", Title = $"Jäsenen juttu {i}: asukaskahvila, vertaistuki ja uusi toimintamalli",
            Text = "Asukkaat suunnittelivat kahvilan itse. Se on auki tiistaisin ja torstaisin, ja naapurit ovat tervetulleita. " +
                "Kokemusasiantuntijat ovat mukana jokaisessa uusien työntekijöiden perehdytyksessä.",
            Link = "https://example.fi/juttu/" + i,
        })];
        await db.SaveChangesAsync(cancellationToken);
        clock.Restart();
        if (await issues.StartAsync(issue, null, cancellationToken) is { } problem) throw new InvalidOperationException(problem);
        var deliveries = await db.NewsletterDeliveries.CountAsync(d => d.IssueId == issue.Id, cancellationToken);
        Console.WriteLine($"Newsletter: issue {issue.Id} started, {deliveries} deliveries made in {clock.Elapsed.TotalSeconds:0.00} s.");
        await File.WriteAllTextAsync(Path.Combine(outDirectory, "issue.txt"), issue.Id.ToString(), cancellationToken);
        return deliveries == subscribers ? 0 : 1;
    }
}
