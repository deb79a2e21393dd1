using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Yhdessa.Features.Communication.Newsletter.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Tests.Browser;

// SQLite only: what a page shows and does is the same on both engines, which the HTTP tests of each feature prove.
/// <summary>
/// The two-way newsletter in a real browser, in Finnish and in Swedish: a member writes an item, the editor returns it with
/// a note, she edits and resubmits it, the editor accepts it, the coordinator composes it into an issue and sends it, the
/// subscriber gets it at the real SMTP server, reads it on the web archive and unsubscribes with one click. Every page on
/// the way, and the email itself, passes axe.
/// </summary>
public sealed class NewsletterJourneyTests(SqliteBrowserApp browser) : IClassFixture<SqliteBrowserApp>
{
    private const string Password = "viisi punaista kettua metsässä";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private async Task<string> PersonAsync(string name, string language, string? role = null)
    {
        var email = $"{Guid.NewGuid():N}@example.org";
        using var scope = browser.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = new User
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, PreferredLanguage = language, CreatedAt = DateTimeOffset.UtcNow,
        };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRolesAsync(user, role is null ? [Roles.Member] : [Roles.Member, role]);
        return email;
    }

    private async Task<IPage> SignedInAsync(string email, string language)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/language?to={language}&returnUrl=/");
        await page.SignInAsync(email, Password);
        return page;
    }

    private async Task<Subscription> SubscriberAsync(string language)
    {
        var email = $"lukija.{Guid.NewGuid():N}@example.org";
        using var scope = browser.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<YhdessaDb>();
        var subscription = new Subscription
        {
            Email = email, EmailKey = email, Language = language, State = SubscriptionState.Active, ManageToken = Guid.NewGuid().ToString("N"),
            CreatedAt = DateTimeOffset.UtcNow, ConfirmedAt = DateTimeOffset.UtcNow,
        };
        db.Subscriptions.Add(subscription);
        await db.SaveChangesAsync();
        return subscription;
    }

    private async Task<MimeKit.MimeMessage> MailAsync(string to, Func<MimeKit.MimeMessage, bool> which)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (browser.Inbox.MessagesTo(to).FirstOrDefault(which) is { } message) return message;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"no such mail to {to}");
            await Task.Delay(200);
        }
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task An_item_is_returned_resubmitted_accepted_composed_sent_read_on_the_web_and_unsubscribed_with_one_click(string language)
    {
        var marker = Guid.NewGuid().ToString("N")[..6];
        var finnish = language == "fi";

        // A member writes an item for the newsletter.
        var authorEmail = await PersonAsync("Kirjoittava Jäsen", language);
        var author = await SignedInAsync(authorEmail, language);
        await author.GotoAsync("/newsletter/items/new");
        await Axe.AssertNoViolationsAsync(author);
        var title = (finnish ? "Asukaskahvila avattiin " : "Invånarkaféet öppnade ") + marker;
        await author.Locator("#Input_Language").SelectOptionAsync(language);
        await author.Locator("#Input_Title").FillAsync(title);
        await author.Locator("#Input_Text").FillAsync(finnish ? "Asukkaat suunnittelivat kahvilan itse." : "Invånarna planerade kaféet själva.");
        await author.Locator("main form button.primary[type=submit]").ClickAsync();
        await author.WaitForAddressAsync(url => !url.EndsWith("/items/new"));
        await Axe.AssertNoViolationsAsync(author);

        // The editor returns it with a note; the author is mailed in her language.
        var coordinatorEmail = await PersonAsync("Toimittava Koordinaattori", language, Roles.Coordinator);
        var coordinator = await SignedInAsync(coordinatorEmail, language);
        await coordinator.GotoAsync("/newsletter/queue");
        await Axe.AssertNoViolationsAsync(coordinator);
        var card = coordinator.Locator("article.card", new() { HasText = marker });
        var note = finnish ? "Kerro myös aukioloajat." : "Berätta också öppettiderna.";
        await card.Locator("textarea[name=note]").FillAsync(note);
        await card.Locator("button[value=Return]").ClickAsync();
        await Assertions.Expect(coordinator.Locator("main")).Not.ToContainTextAsync(title);
        var returned = await MailAsync(authorEmail, m => (m.TextBody ?? "").Contains(note));
        Assert.Contains(title, returned.TextBody);

        // She edits and resubmits it.
        await author.GotoAsync("/newsletter/items");
        await Assertions.Expect(author.Locator("main")).ToContainTextAsync(note);
        await Axe.AssertNoViolationsAsync(author);
        await author.Locator($"main a[href$='/edit']", new() { HasText = title }).ClickAsync();
        await author.Locator("#Input_Text").FillAsync(finnish ? "Asukkaat suunnittelivat kahvilan itse. Auki tiistaisin." : "Invånarna planerade kaféet. Öppet tisdagar.");
        await Axe.AssertNoViolationsAsync(author);
        await author.Locator("main form button.primary[type=submit]").ClickAsync();
        await author.WaitForAddressAsync(url => !url.Contains("/edit"));

        // The editor accepts it.
        await coordinator.GotoAsync("/newsletter/queue");
        await coordinator.Locator("article.card", new() { HasText = marker }).Locator("button[value=Accept]").ClickAsync();
        await Assertions.Expect(coordinator.Locator("section[aria-labelledby='accepted-heading']")).ToContainTextAsync(title);

        // The coordinator composes an issue of it, in the journey's language only, and sends it.
        var subscriber = await SubscriberAsync(language);
        await coordinator.GotoAsync("/admin");
        await coordinator.Locator("main a[href='/newsletter/issues']").ClickAsync();
        await Axe.AssertNoViolationsAsync(coordinator);
        await coordinator.Locator("main form button.primary[type=submit]").ClickAsync();
        await coordinator.WaitForAddressAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, @"/newsletter/issues/\d+$"));
        await Axe.AssertNoViolationsAsync(coordinator);
        var subject = (finnish ? "Kevään uutiskirje " : "Vårens nyhetsbrev ") + marker;
        await coordinator.Locator($"#Subject_{language}").FillAsync(subject);
        await coordinator.Locator($"#Editorial_{language}").FillAsync(finnish ? "Hyvä verkosto, tässä kevään kuulumiset." : "Bästa nätverk, här är vårens nyheter.");
        foreach (var other in new[] { "fi", "sv", "en" }.Where(l => l != language))
            await coordinator.Locator($"#Choice_{other}").SelectOptionAsync("none");
        await coordinator.Locator("form[action*='handler=Save'] button[type=submit]").ClickAsync();
        await Assertions.Expect(coordinator.Locator(".notice").First).ToBeVisibleAsync();
        await coordinator.Locator("#itemId").SelectOptionAsync(new SelectOptionValue { Label = $"{title} ({(finnish ? "suomi" : "svenska")})" });
        await coordinator.Locator("form[action*='handler=AddItem'] button").ClickAsync();
        await Assertions.Expect(coordinator.Locator("ol.issue-entries")).ToContainTextAsync(title);
        await Axe.AssertNoViolationsAsync(coordinator);
        // The previews: the email as a document, and the web page.
        await coordinator.Locator($"a[href$='/preview/{language}']").ClickAsync();
        await Assertions.Expect(coordinator.Locator("h1")).ToHaveTextAsync(subject);
        await Axe.AssertNoViolationsAsync(coordinator);
        await coordinator.GoBackAsync();
        await coordinator.Locator($"a[href$='/web/{language}']").ClickAsync();
        await Assertions.Expect(coordinator.Locator("main h1")).ToHaveTextAsync(subject);
        await Axe.AssertNoViolationsAsync(coordinator);
        await coordinator.GoBackAsync();
        await coordinator.Locator("#confirm").CheckAsync();
        await coordinator.Locator("form[action*='handler=Send'] button.primary").ClickAsync();
        await coordinator.WaitForAddressAsync(url => url.Contains("/progress"));
        await Axe.AssertNoViolationsAsync(coordinator);
        // The page follows the sending by itself until it is done.
        await Assertions.Expect(coordinator.Locator("#progress-summary")).ToContainTextAsync(finnish ? "Valmis" : "Klart", new() { Timeout = 60_000 });
        await Axe.AssertNoViolationsAsync(coordinator);

        // The subscriber gets it once, in her language, with the one-click headers; the email itself passes axe.
        var issue = await MailAsync(subscriber.Email, m => m.Subject == subject);
        Assert.Single(browser.Inbox.MessagesTo(subscriber.Email));
        Assert.Equal("List-Unsubscribe=One-Click", issue.Headers["List-Unsubscribe-Post"]);
        Assert.Contains(title, issue.TextBody);
        var reader = await browser.NewPageAsync(width: 375, height: 800);
        await reader.SetContentAsync(issue.HtmlBody);
        await Axe.AssertNoViolationsAsync(reader);

        // She reads it on the web from the link in the mail, then unsubscribes with the visible link: one press.
        var links = SmtpInbox.LinksIn(issue);
        var web = links.First(l => l.AbsolutePath.StartsWith("/newsletter/archive/"));
        await reader.GotoAsync(web.PathAndQuery);
        await Assertions.Expect(reader.Locator("main h1")).ToHaveTextAsync(subject);
        await Assertions.Expect(reader.Locator("main")).ToContainTextAsync(title);
        await Axe.AssertNoViolationsAsync(reader);
        var unsubscribe = links.First(l => l.AbsolutePath.StartsWith("/newsletter/unsubscribe/"));
        await reader.GotoAsync(unsubscribe.PathAndQuery);
        await Axe.AssertNoViolationsAsync(reader);
        await reader.Locator("main form button.primary[type=submit]").ClickAsync();
        await Assertions.Expect(reader.Locator("main")).ToContainTextAsync(finnish ? "Et saa enää uutiskirjettä" : "inte längre");
        await Axe.AssertNoViolationsAsync(reader);
        using var scope = browser.Services.CreateScope();
        Assert.Equal(SubscriptionState.Unsubscribed, await scope.ServiceProvider.GetRequiredService<YhdessaDb>().Subscriptions
            .Where(s => s.Id == subscriber.Id).Select(s => s.State).SingleAsync());
    }
}
