using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Yhdessa.Features.Communication.Issues;
using Yhdessa.Features.Communication.Issues.Data;
using Yhdessa.Features.Communication.Items.Data;
using Yhdessa.Features.Communication.Newsletter.Data;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Events;
using Yhdessa.Tests.Network;

namespace Yhdessa.Tests.Communication;

[Collection("Communication on SQLite")]
public sealed class IssuesOnSqlite(SqliteApp app) : IssueTests(app);
[Collection("Communication on PostgreSQL")]
public sealed class IssuesOnPostgres(PostgresApp app) : IssueTests(app);

/// <summary>Composing an issue from members' items and the coordinator's texts, and sending it: every subscriber gets it
/// once, in her language, with one-click unsubscribing; the archive shows it; bad input changes nothing.</summary>
public abstract class IssueTests(YhdessaApp app) : IAsyncLifetime
{
    private readonly WebApplicationFactory<Program> host = NetworkTestHost.For(app);
    private readonly SmtpInbox inbox = new();
    private WebApplicationFactory<Program> sending = null!;

    public Task InitializeAsync()
    {
        sending = host.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Yhdessa:Smtp:Host", inbox.Host);
            builder.UseSetting("Yhdessa:Smtp:Port", inbox.Port.ToString());
            builder.UseSetting("Yhdessa:Smtp:Security", "None");
            builder.UseSetting("Yhdessa:Smtp:From", "Yhdessä <uutiskirje@yhdessa.test>");
            builder.UseSetting("Yhdessa:Newsletter:MessagesPerSecond", "10000");
            builder.UseSetting("Yhdessa:Newsletter:UndeliverableAfter", "2");
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await sending.DisposeAsync();
        await inbox.DisposeAsync();
    }

    /// <summary>One run of the sender, as the job runs it: starts due scheduled issues and sends what waits.</summary>
    private async Task SendAsync()
    {
        using var scope = sending.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IssueSending>().RunAsync(CancellationToken.None);
    }

    private static string Unique(string prefix) => $"{prefix}.{Guid.NewGuid():N}@example.org";

    private Task<Subscription> SubscriberAsync(string email, string language, params int[] topics) => host.WithDbAsync(async db =>
    {
        var subscription = new Subscription
        {
            Email = email, EmailKey = email.ToLowerInvariant(), Language = language, State = SubscriptionState.Active,
            ManageToken = Guid.NewGuid().ToString("N"), CreatedAt = DateTimeOffset.UtcNow, ConfirmedAt = DateTimeOffset.UtcNow,
            Topics = [.. topics.Select(t => new SubscriptionTopic { ThemeId = t })],
        };
        db.Subscriptions.Add(subscription);
        await db.SaveChangesAsync();
        return subscription;
    });

    private Task<int> ThemeAsync(string name) => host.WithDbAsync(async db =>
    {
        var theme = new EventTheme { NameFi = EventTestData.Unique(name) };
        db.EventThemes.Add(theme);
        await db.SaveChangesAsync();
        return theme.Id;
    });

    private Task<NewsletterItem> AcceptedItemAsync(string title, int? organisationId = null, string language = "fi") => host.WithDbAsync(async db =>
    {
        var item = new NewsletterItem
        {
            Title = title, Text = "Kokeilimme **uutta** tapaa ja kerromme tuloksista.", Language = language, Link = "https://example.org/malli",
            OrganisationId = organisationId, State = ItemState.Accepted, SubmittedAt = DateTimeOffset.UtcNow, DecidedAt = DateTimeOffset.UtcNow,
        };
        db.NewsletterItems.Add(item);
        await db.SaveChangesAsync();
        return item;
    });

    private Task<Organisation> OrganisationAsync(string name) => host.WithDbAsync(async db =>
    {
        var organisation = new Organisation { Slug = Guid.NewGuid().ToString("N")[..12], CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
        organisation.SetNames(name, null, null);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation;
    });

    private Task<NewsletterIssue> IssueAsync(int id) => host.WithDbAsync(db => db.NewsletterIssues.AsNoTracking()
        .Include(i => i.Texts).Include(i => i.Entries).Include(i => i.Choices).SingleAsync(i => i.Id == id));

    private static async Task<int> NewIssueAsync(HttpClient coordinator)
    {
        var created = await coordinator.PostFormAsync("/newsletter/issues");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return int.Parse(Regex.Match(NetworkTestHost.LocalPath(created), @"/newsletter/issues/(\d+)$").Groups[1].Value);
    }

    private static Task<HttpResponseMessage> SaveAsync(HttpClient coordinator, int id, int revision, params (string Name, string Value)[] fields) =>
        coordinator.PostFormAsync($"/newsletter/issues/{id}", Form([("revision", revision.ToString()), .. fields]), $"/newsletter/issues/{id}?handler=Save");

    private static Task<HttpResponseMessage> HandlerAsync(HttpClient coordinator, int id, string handler, params (string Name, string Value)[] fields) =>
        coordinator.PostFormAsync($"/newsletter/issues/{id}", Form(fields), $"/newsletter/issues/{id}?handler={handler}");

    private static KeyValuePair<string, string>[] Form((string Name, string Value)[] fields) => [.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))];

    private static int Count(Dictionary<string, int> counts, string address) => counts.GetValueOrDefault(address);

    [Fact]
    public async Task An_issue_of_items_and_own_texts_reaches_every_subscriber_once_in_her_language_and_unsubscribes_with_one_click()
    {
        var coordinator = host.Client(await host.CreateUserAsync("Kokoava Koordinaattori", Roles.Coordinator));
        var organisation = await OrganisationAsync(EventTestData.Unique("Asunnottomien tuki ry"));
        var item = await AcceptedItemAsync(EventTestData.Unique("Uusi asumisneuvonnan malli"), organisation.Id);
        var (fi, sv, en) = (await SubscriberAsync(Unique("lukija"), "fi"), await SubscriberAsync(Unique("lasare"), "sv"),
            await SubscriberAsync(Unique("reader"), "en"));
        var subject = EventTestData.Unique("Joulukuun uutiskirje");
        var id = await NewIssueAsync(coordinator);

        var saved = await SaveAsync(coordinator, id, 0, ("subjectFi", subject), ("editorialFi", "Hyvää joulua, verkosto!"),
            ("subjectSv", "Decembers nyhetsbrev " + subject), ("editorialSv", "God jul, nätverket!"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await HandlerAsync(coordinator, id, "AddItem", ("itemId", item.Id.ToString()))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await HandlerAsync(coordinator, id, "AddText", ("entryLanguage", "fi"),
            ("entryTitle", "Koordinaattorin terveiset"), ("entryText", "Seuraava verkostopäivä on helmikuussa."), ("entryLink", ""))).StatusCode);
        var issue = await IssueAsync(id);
        var own = issue.Entries.Single(e => e.ItemId is null);
        Assert.Equal(HttpStatusCode.Redirect, (await HandlerAsync(coordinator, id, "Move", ("entryId", own.Id.ToString()), ("step", "-1"))).StatusCode);
        issue = await IssueAsync(id);
        Assert.Equal(["Koordinaattorin terveiset", item.Title], issue.Entries.OrderBy(e => e.Position).Select(e => e.Title));
        // The item is in this issue now, so it is no longer offered for another.
        Assert.DoesNotContain($"<option value=\"{item.Id}\">", await coordinator.GetStringAsync($"/newsletter/issues/{await NewIssueAsync(coordinator)}"));

        // Not written in English, and no choice made: the English subscribers cannot be sent to.
        var page = await coordinator.GetStringAsync($"/newsletter/issues/{id}?culture=fi");
        Assert.Contains("Numeroa ei ole kirjoitettu kaikilla kielillä", page);
        Assert.Contains("valitsematta", page);
        var refused = await HandlerAsync(coordinator, id, "Send", ("revision", issue.Revision.ToString()), ("confirm", "true"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Valitse kohdassa", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(IssueState.Draft, (await IssueAsync(id)).State);
        Assert.Equal(0, await host.WithDbAsync(db => db.NewsletterDeliveries.CountAsync(d => d.IssueId == id)));

        // The English subscribers get the Finnish version, by the coordinator's explicit choice.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(coordinator, id, (await IssueAsync(id)).Revision, ("subjectFi", subject),
            ("editorialFi", "Hyvää joulua, verkosto!"), ("subjectSv", "Decembers nyhetsbrev " + subject), ("editorialSv", "God jul, nätverket!"),
            ("choiceEn", "fi"))).StatusCode);
        issue = await IssueAsync(id);
        var unconfirmed = await HandlerAsync(coordinator, id, "Send", ("revision", issue.Revision.ToString()));
        Assert.Contains("Vahvista lähetys", WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync()));
        IssueReach reach;
        using (var scope = host.Services.CreateScope())
        {
            var issues = scope.ServiceProvider.GetRequiredService<NewsletterIssues>();
            reach = await issues.ReachAsync((await issues.FindAsync(id, CancellationToken.None))!, CancellationToken.None);
        }
        Assert.True(reach.Languages.Single(l => l.Language == "en").Subscribers >= 1);
        Assert.Equal("fi", reach.Languages.Single(l => l.Language == "en").Version);
        var started = await HandlerAsync(coordinator, id, "Send", ("revision", issue.Revision.ToString()), ("confirm", "true"));
        Assert.Equal($"/newsletter/issues/{id}/progress", NetworkTestHost.LocalPath(started));
        Assert.Equal(reach.Total, await host.WithDbAsync(db => db.NewsletterDeliveries.CountAsync(d => d.IssueId == id)));

        await SendAsync();
        await SendAsync();
        var counts = inbox.CountByRecipient();
        Assert.Equal(1, Count(counts, fi.Email));
        Assert.Equal(1, Count(counts, sv.Email));
        Assert.Equal(1, Count(counts, en.Email));
        issue = await IssueAsync(id);
        Assert.Equal(IssueState.Sent, issue.State);
        Assert.False(await host.WithDbAsync(db => db.NewsletterDeliveries.AnyAsync(d => d.IssueId == id && d.State == DeliveryState.Waiting)));
        long[] mine = [fi.Id, sv.Id, en.Id];
        Assert.Equal(3, await host.WithDbAsync(db => db.NewsletterDeliveries
            .CountAsync(d => d.IssueId == id && mine.Contains(d.SubscriptionId) && d.State == DeliveryState.Sent && d.SentAt != null)));

        var finnish = Assert.Single(inbox.MessagesTo(fi.Email));
        Assert.Equal(subject, finnish.Subject);
        Assert.Equal($"<https://yhdessa.test/newsletter/unsubscribe/{fi.ManageToken}?culture=fi>", finnish.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", finnish.Headers["List-Unsubscribe-Post"]);
        Assert.Contains(organisation.NameFi, finnish.TextBody);
        Assert.Contains(item.Title, finnish.TextBody);
        Assert.Contains($"https://yhdessa.test/newsletter/archive/{issue.Number}/fi", finnish.TextBody);
        Assert.Contains("<html lang=\"fi\">", finnish.HtmlBody);
        Assert.DoesNotContain("<img", finnish.HtmlBody);
        var swedish = Assert.Single(inbox.MessagesTo(sv.Email));
        Assert.StartsWith("Decembers nyhetsbrev", swedish.Subject);
        Assert.Contains("God jul", swedish.TextBody);
        Assert.Contains("<html lang=\"sv\">", swedish.HtmlBody);
        // The Finnish item in the Swedish version is marked as Finnish, for the reader and for her screen reader.
        Assert.Contains("På finska", swedish.TextBody);
        Assert.Contains("lang=\"fi\"", swedish.HtmlBody);
        Assert.Equal(subject, Assert.Single(inbox.MessagesTo(en.Email)).Subject);

        var progress = await coordinator.GetStringAsync($"/newsletter/issues/{id}/progress?culture=fi");
        Assert.Contains("Valmis: lähetetty", progress);
        var visitor = host.Client();
        Assert.Contains(subject, await visitor.GetStringAsync("/newsletter/archive?culture=fi"));
        var archived = await visitor.GetStringAsync($"/newsletter/archive/{issue.Number}/sv?culture=sv");
        Assert.Contains("God jul, nätverket!", archived);
        Assert.Contains(organisation.NameFi, archived);
        Assert.Contains("God jul", await visitor.GetStringAsync("/newsletter/archive/feed?culture=sv"));
        Assert.Equal($"/newsletter/archive/{issue.Number}/fi", NetworkTestHost.LocalPath(await visitor.GetAsync($"/newsletter/archive/{issue.Number}/en")));

        // A mail program unsubscribes with the header's address: a POST with no cookie and no antiforgery token.
        using var mailProgram = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var unsubscribe = new Uri(finnish.Headers["List-Unsubscribe"].Trim('<', '>'));
        var oneClick = await mailProgram.PostAsync(unsubscribe.PathAndQuery,
            new FormUrlEncodedContent([new KeyValuePair<string, string>("List-Unsubscribe", "One-Click")]));
        Assert.True(oneClick.IsSuccessStatusCode, $"one-click unsubscribe answered {oneClick.StatusCode}");
        Assert.Equal(SubscriptionState.Unsubscribed, await host.WithDbAsync(db => db.Subscriptions.Where(s => s.Id == fi.Id).Select(s => s.State).SingleAsync()));
        // Every other form keeps its protection.
        var forged = await mailProgram.PostAsync($"/newsletter/issues/{id}?handler=Delete", new FormUrlEncodedContent([]));
        Assert.False(forged.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Download_my_data_lists_the_issues_sent_to_her_address_and_deleting_the_account_deletes_them()
    {
        var memberId = await host.CreateUserAsync("Tilaava Jäsen");
        var email = await host.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => u.Email!).SingleAsync());
        var subscription = await SubscriberAsync(email, "sv");
        var coordinator = host.Client(await host.CreateUserAsync("Tietokoordinaattori", Roles.Coordinator));
        var subject = EventTestData.Unique("Numret till hennes adress");
        var id = await NewIssueAsync(coordinator);
        await SaveAsync(coordinator, id, 0, ("subjectSv", subject), ("editorialSv", "Innehåll."), ("choiceFi", "sv"), ("choiceEn", "sv"));
        Assert.Equal(HttpStatusCode.Redirect, (await HandlerAsync(coordinator, id, "Send", ("revision", (await IssueAsync(id)).Revision.ToString()),
            ("confirm", "true"))).StatusCode);
        await SendAsync();

        var data = await host.Client(memberId).GetStringAsync("/account/my-data");
        Assert.Contains(subject, data);
        await host.WithDbAsync(async db =>
        {
            foreach (var holder in host.Services.CreateScope().ServiceProvider.GetServices<Yhdessa.Platform.Identity.IPersonalDataHolder>()
                         .Where(h => h.Section == "newsletter"))
                await holder.EraseAsync(memberId, default);
            Assert.False(await db.NewsletterDeliveries.AnyAsync(d => d.SubscriptionId == subscription.Id));
        });
    }

    [Fact]
    public async Task An_items_image_is_public_once_its_issue_goes_out_and_not_before()
    {
        var coordinator = host.Client(await host.CreateUserAsync("Kuvakoordinaattori", Roles.Coordinator));
        var imageId = await host.WithDbAsync(async db =>
        {
            var image = new Features.Communication.News.Data.NewsImage { Content = NewsTests.Png, ContentType = "image/png", CreatedAt = DateTimeOffset.UtcNow };
            db.NewsImages.Add(image);
            await db.SaveChangesAsync();
            db.NewsletterItems.Add(new NewsletterItem
            {
                Title = "Kuvallinen juttu " + image.Id, Text = "Teksti.", Language = "fi", State = ItemState.Accepted, ImageId = image.Id,
                ImageAlt = "Asukkaat kahvilan pöydän ääressä", SubmittedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            return image.Id;
        });
        var itemId = await host.WithDbAsync(db => db.NewsletterItems.Where(i => i.ImageId == imageId).Select(i => i.Id).SingleAsync());
        var reader = await SubscriberAsync(Unique("kuvat"), "fi");
        var id = await NewIssueAsync(coordinator);
        await SaveAsync(coordinator, id, 0, ("subjectFi", "Kuvanumero"), ("choiceSv", "none"), ("choiceEn", "none"));
        await HandlerAsync(coordinator, id, "AddItem", ("itemId", itemId.ToString()));
        var visitor = host.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/news/images/{imageId}")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await HandlerAsync(coordinator, id, "Send", ("revision", (await IssueAsync(id)).Revision.ToString()),
            ("confirm", "true"))).StatusCode);
        var image = await visitor.GetAsync($"/news/images/{imageId}");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        await SendAsync();
        var mail = Assert.Single(inbox.MessagesTo(reader.Email));
        Assert.Contains($"src=\"https://yhdessa.test/news/images/{imageId}\"", mail.HtmlBody);
        Assert.Contains("alt=\"Asukkaat kahvilan pöydän ääressä\"", mail.HtmlBody);
    }

    [Fact]
    public async Task Themes_and_language_choices_decide_who_gets_an_issue_and_the_reach_says_so_beforehand()
    {
        var coordinator = host.Client(await host.CreateUserAsync("Teemakoordinaattori", Roles.Coordinator));
        var (housing, work) = (await ThemeAsync("Asumisen tuki"), await ThemeAsync("Työllisyys"));
        var interested = await SubscriberAsync(Unique("asuminen"), "fi", housing);
        var elsewhere = await SubscriberAsync(Unique("tyo"), "fi", work);
        var everything = await SubscriberAsync(Unique("kaikki"), "fi");
        var english = await SubscriberAsync(Unique("english"), "en", housing);
        var id = await NewIssueAsync(coordinator);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(coordinator, id, 0, ("subjectFi", "Asumisen teemanumero"),
            ("editorialFi", "Tässä numerossa asumisesta."), ("themeIds", housing.ToString()), ("choiceSv", "fi"), ("choiceEn", "none"))).StatusCode);

        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/newsletter/issues/{id}?culture=fi"));
        Assert.Contains("Tilaajat teeman mukaan", page);
        Assert.Contains("ei lähetetä", page);
        var issue = await IssueAsync(id);
        Assert.Equal(HttpStatusCode.Redirect, (await HandlerAsync(coordinator, id, "Send", ("revision", issue.Revision.ToString()), ("confirm", "true"))).StatusCode);
        await SendAsync();

        var counts = inbox.CountByRecipient();
        Assert.Equal(1, Count(counts, interested.Email));
        Assert.Equal(1, Count(counts, everything.Email));
        Assert.Equal(0, Count(counts, elsewhere.Email));
        Assert.Equal(0, Count(counts, english.Email));
    }

    [Fact]
    public async Task An_address_refused_for_good_fails_is_counted_and_after_the_limit_is_skipped_and_shown()
    {
        // The instance that sends has the limit of two refusals; the coordinator's pages read the same setting.
        var coordinator = sending.Client(await host.CreateUserAsync("Osoitekoordinaattori", Roles.Coordinator));
        var gone = await SubscriberAsync(Unique(SmtpInbox.RefusedPrefix + "poistunut"), "fi");
        var fine = await SubscriberAsync(Unique("toimiva"), "fi");

        async Task<int> SendIssueAsync(string subject)
        {
            var id = await NewIssueAsync(coordinator);
            await SaveAsync(coordinator, id, 0, ("subjectFi", subject), ("editorialFi", "Sisältöä."), ("choiceSv", "none"), ("choiceEn", "none"));
            var issue = await IssueAsync(id);
            Assert.Equal(HttpStatusCode.Redirect, (await HandlerAsync(coordinator, id, "Send", ("revision", issue.Revision.ToString()), ("confirm", "true"))).StatusCode);
            await SendAsync();
            return id;
        }

        var first = await SendIssueAsync(EventTestData.Unique("Ensimmäinen"));
        var failed = await host.WithDbAsync(db => db.NewsletterDeliveries.AsNoTracking().SingleAsync(d => d.IssueId == first && d.SubscriptionId == gone.Id));
        Assert.Equal(DeliveryState.Failed, failed.State);
        Assert.Contains("550", failed.LastError);
        Assert.Contains(gone.Email, await coordinator.GetStringAsync($"/newsletter/issues/{first}/progress?culture=fi"));
        Assert.Equal(IssueState.Sent, (await IssueAsync(first)).State);
        await SendIssueAsync(EventTestData.Unique("Toinen"));
        Assert.Equal(2, await host.WithDbAsync(db => db.Subscriptions.Where(s => s.Id == gone.Id).Select(s => s.Refusals).SingleAsync()));

        // At the limit the address is undeliverable: shown to the coordinator and not sent to.
        var list = await coordinator.GetStringAsync("/newsletter/issues?culture=fi");
        Assert.Contains(gone.Email, list);
        var third = await SendIssueAsync(EventTestData.Unique("Kolmas"));
        Assert.False(await host.WithDbAsync(db => db.NewsletterDeliveries.AnyAsync(d => d.IssueId == third && d.SubscriptionId == gone.Id)));
        Assert.Equal(3, inbox.CountByRecipient().GetValueOrDefault(fine.Email));

        // The coordinator lets it be tried again, e.g. after the person said her mailbox works again.
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync("/newsletter/issues", Form([("subscriptionId", gone.Id.ToString())]),
            "/newsletter/issues?handler=Retry")).StatusCode);
        Assert.DoesNotContain(gone.Email, await coordinator.GetStringAsync("/newsletter/issues?culture=fi"));
    }

    [Fact]
    public async Task A_scheduled_issue_starts_at_its_time_and_a_test_goes_only_to_the_coordinator()
    {
        var (coordinatorId, coordinatorEmail) = (await host.CreateUserAsync("Ajastava Koordinaattori", Roles.Coordinator), "");
        coordinatorEmail = await host.WithDbAsync(db => db.Users.Where(u => u.Id == coordinatorId).Select(u => u.Email!).SingleAsync());
        var coordinator = host.Client(coordinatorId);
        var reader = await SubscriberAsync(Unique("ajastettu"), "fi");
        var subject = EventTestData.Unique("Ajastettu numero");
        var id = await NewIssueAsync(coordinator);
        await SaveAsync(coordinator, id, 0, ("subjectFi", subject), ("editorialFi", "Ajastettu sisältö."), ("choiceSv", "fi"), ("choiceEn", "fi"));

        Assert.Equal(HttpStatusCode.Redirect, (await HandlerAsync(coordinator, id, "Test", ("language", "fi"))).StatusCode);
        var test = Assert.Single(await host.WithDbAsync(db => db.Set<OutgoingEmail>().AsNoTracking().Where(m => m.To == coordinatorEmail).ToListAsync()));
        Assert.Equal("[Testi] " + subject, test.Subject);
        Assert.Contains("Ajastettu sisältö.", test.TextBody);

        var issue = await IssueAsync(id);
        var past = await HandlerAsync(coordinator, id, "Schedule", ("revision", issue.Revision.ToString()),
            ("scheduleAt", app.Clock.GetUtcNow().AddDays(-1).ToString("yyyy-MM-ddTHH:mm")));
        Assert.Contains("Valitse tuleva päivä", WebUtility.HtmlDecode(await past.Content.ReadAsStringAsync()));
        var at = Yhdessa.Platform.Localization.HelsinkiTime.ToHelsinki(app.Clock.GetUtcNow().AddHours(2));
        Assert.Equal(HttpStatusCode.Redirect, (await HandlerAsync(coordinator, id, "Schedule", ("revision", issue.Revision.ToString()),
            ("scheduleAt", at.ToString("yyyy-MM-ddTHH:mm")))).StatusCode);
        Assert.Equal(IssueState.Scheduled, (await IssueAsync(id)).State);

        await SendAsync();
        Assert.Equal(0, Count(inbox.CountByRecipient(), reader.Email));
        app.Clock.Advance(TimeSpan.FromHours(3));
        try
        {
            await SendAsync();
            await SendAsync();
        }
        finally { app.Clock.Advance(TimeSpan.FromHours(-3)); }
        Assert.Equal(1, Count(inbox.CountByRecipient(), reader.Email));
        Assert.Equal(IssueState.Sent, (await IssueAsync(id)).State);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_message_and_changes_nothing()
    {
        var coordinator = host.Client(await host.CreateUserAsync("Tarkka Koordinaattori", Roles.Coordinator));
        var id = await NewIssueAsync(coordinator);
        await SaveAsync(coordinator, id, 0, ("subjectFi", "Alkuperäinen otsikko"), ("editorialFi", "Alkuperäinen pääkirjoitus."));
        var revision = (await IssueAsync(id)).Revision;

        var cases = new (string Expected, (string, string)[] Fields)[]
        {
            ("Kirjoita otsikko", [("subjectFi", ""), ("editorialFi", "Pelkkä pääkirjoitus ilman otsikkoa.")]),
            ("enintään 150 merkkiä", [("subjectFi", new string('x', 151)), ("editorialFi", "")]),
            ("Valitse kieli listalta", [("subjectFi", "Otsikko"), ("choiceSv", "de")]),
            ("Valitse teemat listalta", [("subjectFi", "Otsikko"), ("themeIds", "999999")]),
        };
        foreach (var (expected, fields) in cases)
        {
            var refused = await SaveAsync(coordinator, id, revision, fields);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(expected, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        }
        var stale = await SaveAsync(coordinator, id, revision - 1, ("subjectFi", "Vanhalta sivulta"));
        Assert.Contains("Joku muu tallensi", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
        var link = await HandlerAsync(coordinator, id, "AddText", ("entryLanguage", "fi"), ("entryTitle", "Linkki"), ("entryText", "Teksti."),
            ("entryLink", "javascript:alert(1)"));
        Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        var notAccepted = await host.WithDbAsync(async db =>
        {
            var waiting = new NewsletterItem { Title = "Odottava", Text = "Teksti.", State = ItemState.Submitted, SubmittedAt = DateTimeOffset.UtcNow };
            db.NewsletterItems.Add(waiting);
            await db.SaveChangesAsync();
            return waiting.Id;
        });
        var item = await HandlerAsync(coordinator, id, "AddItem", ("itemId", notAccepted.ToString()));
        Assert.Contains("Valitse hyväksytty juttu", WebUtility.HtmlDecode(await item.Content.ReadAsStringAsync()));

        var issue = await IssueAsync(id);
        Assert.Equal("Alkuperäinen otsikko", Assert.Single(issue.Texts).Subject);
        Assert.Equal("Alkuperäinen pääkirjoitus.", issue.Texts[0].Editorial);
        Assert.Empty(issue.Entries);
        Assert.Empty(issue.Choices);
        Assert.Equal(revision, issue.Revision);
    }

    [Fact]
    public async Task Only_coordinators_compose_and_nobody_reads_a_draft_or_an_unsent_issue_in_the_archive()
    {
        var coordinator = host.Client(await host.CreateUserAsync("Luonnoskoordinaattori", Roles.Coordinator));
        var id = await NewIssueAsync(coordinator);
        await SaveAsync(coordinator, id, 0, ("subjectFi", "Salainen luonnos"), ("editorialFi", "Ei vielä julkinen."));
        var member = host.Client(await host.CreateUserAsync("Utelias Jäsen"));
        foreach (var url in new[] { "/newsletter/issues", $"/newsletter/issues/{id}", $"/newsletter/issues/{id}/progress",
                     $"/newsletter/issues/{id}/web/fi", $"/newsletter/issues/{id}/preview/fi" })
        {
            NetworkTestHost.AssertForbidden(await member.GetAsync(url));
            NetworkTestHost.AssertSignInRedirect(await host.Client().GetAsync(url));
        }
        Assert.DoesNotContain("Salainen luonnos", await host.Client().GetStringAsync("/newsletter/archive"));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client().GetAsync("/newsletter/archive/999999/fi")).StatusCode);

        // The coordinator's previews: the email as a whole document in its language, and the web page.
        var email = await coordinator.GetAsync($"/newsletter/issues/{id}/preview/fi");
        Assert.Equal("text/html", email.Content.Headers.ContentType?.MediaType);
        var html = await email.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html><html lang=\"fi\">", html);
        Assert.Contains("Ei vielä julkinen.", html);
        Assert.Contains("Ei vielä julkinen.", await coordinator.GetStringAsync($"/newsletter/issues/{id}/web/fi"));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/newsletter/issues/{id}/web/sv")).StatusCode);
    }
}
