using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Features.Needs;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Localization;
using Yhdessa.Tests.Account;
using Yhdessa.Tests.Events;
using Yhdessa.Tests.Events.Registration;
using Yhdessa.Tests.Materials;
using static Yhdessa.Tests.Events.EventTestData;

namespace Yhdessa.Tests.Home;

[Collection("Home on SQLite")]
public sealed class FrontPageOnSqlite(SqliteApp app) : FrontPageTests(app);
[Collection("Home on PostgreSQL")]
public sealed class FrontPageOnPostgres(PostgresApp app) : FrontPageTests(app);

public abstract class FrontPageTests(YhdessaApp app)
{
    [Theory]
    [InlineData("fi", "Asunnottomuustyön kehittäjäverkosto")]
    [InlineData("sv", "Utvecklingsnätverket inom arbetet mot bostadslöshet")]
    [InlineData("en", "The development network in homelessness work")]
    public async Task Front_page_speaks_the_chosen_language(string language, string heading)
    {
        var html = await app.CreateClient().GetStringAsync($"/?culture={language}");

        Assert.Contains($"<html lang=\"{language}\"", html);
        Assert.Contains($"<h1>{heading}</h1>", html);
    }

    [Theory]
    [InlineData("fi", "Rekisteröidy", "Omat sivut")]
    [InlineData("sv", "Registrera dig", "Mina sidor")]
    [InlineData("en", "Sign up", "My page")]
    public async Task Signing_up_is_offered_to_visitors_and_the_own_page_to_those_signed_in(string language, string signUp, string myPage)
    {
        static string[] Links(WebBrowser.Page page) => [.. page.Document.QuerySelectorAll("main a").Select(a => $"{a.TextContent} {a.GetAttribute("href")}")];
        var visitor = WebBrowser.Open(app);
        var links = Links(await visitor.OpenAsync($"/?culture={language}"));
        Assert.Contains($"{signUp} /account/sign-up", links);
        Assert.DoesNotContain(links, link => link.EndsWith(" /my"));

        var email = $"etusivu.{language}.{Guid.NewGuid():N}@example.fi";
        await app.CreateUserAsync(email, "etusivun salasana 2026");
        var member = await app.SignInAsync(email, "etusivun salasana 2026");
        links = Links(await member.OpenAsync($"/?culture={language}"));
        Assert.Contains($"{myPage} /my", links);
        Assert.DoesNotContain(links, link => link.EndsWith(" /account/sign-up"));
    }

    [Theory]
    [InlineData("fi", "Organisaatiot", "Ryhmät")]
    [InlineData("en", "Organisations", "Groups")]
    public async Task The_front_page_leads_to_the_organisations_and_groups_of_the_network(string language, string organisations, string groups)
    {
        var page = await WebBrowser.Open(app).OpenAsync($"/?culture={language}");

        var cards = page.Document.QuerySelectorAll("main .card h3 a").Select(a => $"{a.TextContent} {a.GetAttribute("href")}").ToList();
        Assert.Contains($"{organisations} /network/organisations", cards);
        Assert.Contains($"{groups} /network/groups", cards);
    }

    [Fact]
    public async Task Finnish_is_the_default_and_written_as_characters()
    {
        var html = await app.CreateClient().GetStringAsync("/");

        Assert.Contains("<html lang=\"fi\"", html);
        Assert.Contains("Yhdessä", html);
        Assert.DoesNotContain("&#xE4;", html);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        var response = await app.CreateClient().GetAsync("/");

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.Contains("Referrer-Policy"));
    }

    [Fact]
    public async Task Unknown_page_gets_the_translated_not_found_page()
    {
        var response = await app.CreateClient().GetAsync("/no-such-page?culture=sv");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Sidan hittades inte", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_answers_and_ready_checks_the_database()
    {
        var client = app.CreateClient();
        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));
    }
}

public sealed class FrontDoorOnSqlite(SqliteApp app) : FrontDoorTests(app), IClassFixture<SqliteApp>;
public sealed class FrontDoorOnPostgres(PostgresApp app) : FrontDoorTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// The front page as the network's front door: the next events, the newest materials and the needs answered lately, as a
/// visitor gets them from the cache, and a member's own next registrations. A host of its own, as the sections show the
/// few soonest or newest things of the whole database: the tests here add three public upcoming events in all, fewer than
/// the section shows, so every one of them is on the page whatever order the tests run in.
/// </summary>
public abstract class FrontDoorTests(YhdessaApp app)
{
    private static IElement Section(WebBrowser.Page page, string heading) =>
        page.Document.QuerySelectorAll("main section").SingleOrDefault(s => s.QuerySelector("h2")?.TextContent.Trim() == heading)
        ?? throw new Xunit.Sdk.XunitException($"No section \"{heading}\" on the front page: {page.Text}");

    private static List<string> Titles(IElement section) => [.. section.QuerySelectorAll("li.card h3").Select(h => h.TextContent.Trim())];

    private static IElement Card(IElement section, string title) =>
        section.QuerySelectorAll("li.card").Single(card => card.QuerySelector("h3")!.TextContent.Trim() == title);

    private static string SeeAll(IElement section) =>
        section.QuerySelector(".see-all a") is { } a ? $"{a.TextContent} {a.GetAttribute("href")}" : "";

    [Fact]
    public async Task The_next_public_events_come_soonest_first_with_their_time_place_and_seats_left()
    {
        var now = app.Clock.GetUtcNow();
        var soon = await app.OpenEventAsync(capacity: 5, startsInDays: 2);
        // Tuesday 4 June 2030 at 9.00 on the Finnish clock (summer time, UTC+3).
        var later = NewEvent(Unique("Kesän koulutuspäivä"), new DateTimeOffset(2030, 6, 4, 6, 0, 0, TimeSpan.Zero), type: EventType.Training,
            online: "https://meet.example.org/kesa");
        var membersOnly = NewEvent(Unique("Jäsenten iltapäivä"), now.AddDays(1), EventVisibility.Members);
        var past = NewEvent(Unique("Mennyt seminaari"), now.AddDays(-3));
        var groupId = await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<YhdessaDb>();
            var group = new Group
            {
                Slug = "etusivun-ryhma-" + Guid.NewGuid().ToString("N")[..6], NameFi = "Etusivun ryhmä", DescriptionFi = "",
                Kind = GroupKind.ThematicGroup, CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Groups.Add(group);
            await db.SaveChangesAsync();
            return group.Id;
        });
        var groupOnly = NewEvent(Unique("Ryhmän kokous"), now.AddDays(1), EventVisibility.Group);
        groupOnly.GroupId = groupId;
        await app.AddEventsAsync(later, membersOnly, past, groupOnly);

        var page = await WebBrowser.Open(app).OpenAsync("/");

        var events = Section(page, "Tulevat koulutukset ja tapahtumat");
        var titles = Titles(events);
        Assert.True(titles.IndexOf(soon.TitleFi) is >= 0 and var first && titles.IndexOf(later.TitleFi) > first, string.Join(" | ", titles));
        Assert.DoesNotContain(membersOnly.TitleFi, page.Text);
        Assert.DoesNotContain(groupOnly.TitleFi, page.Text);
        Assert.DoesNotContain(past.TitleFi, page.Text);
        Assert.Equal($"/events/{soon.Slug}", Card(events, soon.TitleFi).QuerySelector("h3 a")!.GetAttribute("href"));
        Assert.Contains("Paikkoja jäljellä: 5", Card(events, soon.TitleFi).TextContent);
        Assert.Equal("ti 4.6.2030 klo 9.00–12.00 · Koulutus · Helsinki · verkossa", Card(events, later.TitleFi).QuerySelector(".meta")!.TextContent);
        Assert.DoesNotContain("Paikkoja", Card(events, later.TitleFi).TextContent); // no capacity, so nothing to count
        Assert.Equal("Kaikki tulevat tapahtumat /events", SeeAll(events));

        var swedish = Section(await WebBrowser.Open(app).OpenAsync("/?culture=sv"), "Kommande utbildningar och evenemang");
        Assert.Contains("4.6.2030 kl. 9.00–12.00 · Utbildning · Helsingfors · på nätet", Card(swedish, later.TitleFi).TextContent);
        Assert.Contains("Platser kvar: 5", Card(swedish, soon.TitleFi).TextContent);
        var english = Section(await WebBrowser.Open(app).OpenAsync("/?culture=en"), "Upcoming trainings and events");
        Assert.Contains("Tue 4 Jun 2030, 09:00–12:00 · Training · Helsinki · online", Card(english, later.TitleFi).TextContent);
        Assert.Equal("All upcoming events /events", SeeAll(english));
    }

    [Fact]
    public async Task A_registration_changes_the_seats_left_that_a_visitor_sees_on_the_front_page()
    {
        var ev = await app.OpenEventAsync(capacity: 2, startsInDays: 3);
        var visitor = WebBrowser.Open(app);
        string Seats(WebBrowser.Page page) => Card(Section(page, "Tulevat koulutukset ja tapahtumat"), ev.TitleFi).QuerySelector(".tag")!.TextContent;

        Assert.Equal("Paikkoja jäljellä: 2", Seats(await visitor.OpenAsync("/")));
        // This test is about the cache: the visitor's front page must now come from it.
        Assert.NotNull((await visitor.Client.GetAsync("/")).Headers.Age);

        // The front page was cached for visitors just now: a registration must show at once all the same.
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Aino Asukas", RegistrationApps.NewEmail("aino")));
        Assert.Equal("Paikkoja jäljellä: 1", Seats(await visitor.OpenAsync("/")));
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Eero Esimerkki", RegistrationApps.NewEmail("eero")));
        Assert.Equal("Täynnä, jonoon voi ilmoittautua", Seats(await visitor.OpenAsync("/")));
    }

    [Fact]
    public async Task The_newest_published_materials_are_shown_and_drafts_are_not()
    {
        var visitor = WebBrowser.Open(app);
        await visitor.OpenAsync("/"); // cached before the materials are published
        var older = Unique("Asunto ensin -käsikirja");
        await app.AddPublishedAsync(older, "Teksti", summary: "Miten asunto ensin -työ aloitetaan kunnassa.", date: new DateOnly(2026, 3, 2));
        var draft = Unique("Keskeneräinen luonnos");
        await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<YhdessaDb>();
            db.Materials.Add(new Material
            {
                Slug = "luonnos-" + Guid.NewGuid().ToString("N")[..6], Title = draft, Summary = "Ei vielä julki", Language = "fi",
                Status = MaterialStatus.Draft, PublicationDate = new DateOnly(2026, 11, 1), CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        var newer = Unique("Bostad först i små kommuner");
        await app.AddPublishedAsync(newer, "Text", language: "sv", summary: "Erfarenheter från fem kommuner.", date: new DateOnly(2026, 11, 20));

        var page = await visitor.OpenAsync("/");

        var materials = Section(page, "Uutta aineistopankissa");
        var titles = Titles(materials);
        Assert.True(titles.IndexOf(newer) is >= 0 and var first && titles.IndexOf(older) > first, string.Join(" | ", titles));
        Assert.DoesNotContain(draft, page.Text);
        var swedish = Card(materials, newer);
        Assert.Equal("sv", swedish.QuerySelector("h3 a")!.GetAttribute("lang"));
        Assert.Equal("Julkaisu · ruotsi · 20.11.2026", swedish.QuerySelector(".meta")!.TextContent);
        Assert.Contains("Erfarenheter från fem kommuner.", swedish.TextContent);
        Assert.Null(Card(materials, older).QuerySelector("h3 a")!.GetAttribute("lang"));
        Assert.Equal("Hae ja selaa aineistopankkia /materials", SeeAll(materials));
    }

    [Fact]
    public async Task Needs_answered_lately_say_what_was_done_and_lead_to_you_said_we_did()
    {
        var visitor = WebBrowser.Open(app);
        await visitor.OpenAsync("/"); // cached before the need is answered
        var guide = Unique("Päihdetyön opas");
        var guideSlug = await app.AddPublishedAsync(guide, "Teksti");
        var answered = await RaiseAsync(Unique("Koulutusta päihdetyöhön"));
        var open = await RaiseAsync(Unique("Vielä avoin tarve"));
        await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<YhdessaDb>();
            var material = await db.Materials.SingleAsync(m => m.Slug == guideSlug);
            db.NeedAnswers.Add(new NeedAnswer { NeedId = answered.Id, Kind = "material", TargetId = material.Id, AddedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        var coordinator = await app.CoordinatorAsync();
        await AnswerAsync(coordinator, answered);

        var page = await visitor.OpenAsync("/");

        var needs = Section(page, "Sanoitte – teimme");
        var card = Card(needs, answered.Title);
        Assert.Equal($"/needs/{answered.Id}", card.QuerySelector("h3 a")!.GetAttribute("href"));
        var today = HelsinkiTime.ToHelsinki(app.Clock.GetUtcNow()).ToString("d.M.yyyy", CultureInfo.InvariantCulture);
        Assert.Equal($"Koulutustarve · vastattu {today}", card.QuerySelector(".meta")!.TextContent);
        Assert.Contains($"Teimme: {guide}", card.TextContent);
        Assert.DoesNotContain(open.Title, page.Text);
        Assert.Equal("Kaikki vastatut tarpeet /needs/answered", SeeAll(needs));
    }

    /// <summary>A coordinator moves the need to planned and then to answered on its page, as triagers do.</summary>
    private static async Task AnswerAsync(WebBrowser coordinator, Need need)
    {
        foreach (var to in new[] { NeedState.Planned, NeedState.Answered })
            Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitAsync($"/needs/{need.Id}", new() { ["Triage.To"] = to.ToString() },
                "main form[action*='handler=Move']")).Status);
    }

    private Task<Need> RaiseAsync(string title) => app.WithServicesAsync(services =>
        services.GetRequiredService<NeedCatalogue>().RaiseAsync(new Need { Kind = NeedKind.Training, Title = title, Description = "Kuvaus" }, [], default));

    [Fact]
    public async Task A_member_sees_her_own_next_registration_first_and_visitors_never_do()
    {
        var (member, _) = await app.PersonAsync("front-page-member");
        var ev = await app.OpenEventAsync(capacity: null, startsInDays: 6, visibility: EventVisibility.Members);
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitAsync($"/events/{ev.Slug}/register", [])).Status);

        var page = await member.OpenAsync("/");

        var mine = Section(page, "Tulevat ilmoittautumiseni");
        var link = mine.QuerySelectorAll("li a").Single(a => a.TextContent == ev.TitleFi);
        Assert.StartsWith("/events/registration/", link.GetAttribute("href"));
        Assert.Contains("Vahvistettu", mine.TextContent);
        Assert.True(mine.CompareDocumentPosition(Section(page, "Tulevat koulutukset ja tapahtumat")).HasFlag(DocumentPositions.Following));
        var english = await member.OpenAsync("/?culture=en");
        Assert.Contains(ev.TitleFi, Section(english, "My upcoming registrations").TextContent);

        var visitorPage = await WebBrowser.Open(app).OpenAsync("/");
        Assert.DoesNotContain(ev.TitleFi, visitorPage.Text);
        Assert.DoesNotContain("Tulevat ilmoittautumiseni", visitorPage.Text);
    }

    [Theory]
    [InlineData("fi", "Tulevat koulutukset ja tapahtumat", "Uutta aineistopankissa", "Sanoitte – teimme", "Tutustu verkostoon")]
    [InlineData("sv", "Kommande utbildningar och evenemang", "Nytt i materialbanken", "Ni sade – vi gjorde", "Lär känna nätverket")]
    [InlineData("en", "Upcoming trainings and events", "New in the material bank", "You said, we did", "Get to know the network")]
    public async Task Every_section_speaks_the_chosen_language_in_heading_order(string language, string events, string materials,
        string needs, string network)
    {
        string[] headings = [events, materials, needs, network];
        await app.AddPublishedAsync(Unique("Kielitestin aineisto"), "Teksti");
        await AnswerAsync(await app.CoordinatorAsync(), await RaiseAsync(Unique("Kielitestin tarve")));

        var page = await WebBrowser.Open(app).OpenAsync($"/?culture={language}");

        var shown = page.Document.QuerySelectorAll("main h1, main h2, main h3").Select(h => h.LocalName + " " + h.TextContent.Trim()).ToList();
        Assert.StartsWith("h1 ", shown[0]);
        Assert.Equal(headings.Select(h => "h2 " + h), shown.Where(h => h.StartsWith("h2 ") && headings.Contains(h[3..])));
        // Under each section's h2 come its things as h3, never a skipped level.
        Assert.DoesNotContain(shown.Zip(shown.Skip(1)), pair => pair.First.StartsWith("h1") && pair.Second.StartsWith("h3"));
    }
}
