using System.Net;
using System.Text.Json;
using Ical.Net;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Tests.Account;
using static Yhdessa.Tests.Events.EventTestData;

namespace Yhdessa.Tests.Events;

public sealed class EventListOnSqlite(SqliteApp app) : EventListTests(app), IClassFixture<SqliteApp>;
public sealed class EventListOnPostgres(PostgresApp app) : EventListTests(app), IClassFixture<PostgresApp>;

/// <summary>The list, month view, filters, paging, API and feeds, and who sees which event on each of them.</summary>
public abstract class EventListTests(YhdessaApp app)
{
    private static readonly DateTimeOffset Soon = DateTimeOffset.UtcNow.AddDays(10);

    private async Task<int> ThemeAsync(string name) => await app.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<YhdessaDb>();
        var theme = new EventTheme { NameFi = name };
        db.EventThemes.Add(theme);
        await db.SaveChangesAsync();
        return theme.Id;
    });

    [Fact]
    public async Task The_list_offers_the_feed_to_subscribe_to_by_its_address_as_a_downloaded_file_never_updates()
    {
        var visitor = WebBrowser.Open(app);

        var page = await visitor.OpenAsync("/events");

        var box = page.Document.QuerySelector("main details.subscribe")!;
        Assert.Equal("Tilaa tulevat tapahtumat kalenteriisi", box.QuerySelector("summary")!.TextContent.Trim());
        // webcal: opens the subscription dialog of Apple Calendar and Outlook; Google takes the address itself.
        Assert.NotNull(box.QuerySelector("a[href='webcal://yhdessa.test/events.ics']"));
        var address = box.QuerySelector("input#calendar-address")!;
        Assert.Equal("https://yhdessa.test/events.ics", address.GetAttribute("value"));
        Assert.True(address.HasAttribute("readonly"));
        Assert.Equal("Kalenterin tilausosoite", box.QuerySelector("label[for='calendar-address']")!.TextContent.Trim());
        Assert.Contains("URL-osoitteesta", box.QuerySelector("#calendar-address-hint")!.TextContent);
        Assert.Contains("tiedosto ei päivity", box.QuerySelector("a[href='/events.ics']")!.TextContent);
        var swedish = await visitor.OpenAsync("/events?culture=sv");
        Assert.Contains("Från webbadress", swedish.Document.QuerySelector("main details.subscribe")!.TextContent);
    }

    [Theory]
    [InlineData("fi", "1 osallistuja", "1 osallistujaa", "2 osallistujaa")]
    [InlineData("sv", "1 deltagare", null, "2 deltagare")]
    [InlineData("en", "1 participant", "1 participants", "2 participants")]
    public async Task A_count_of_one_reads_in_the_singular(string language, string one, string? wrong, string two)
    {
        var single = NewEvent(Unique("Yhden paikan tapahtuma"), Soon);
        single.Capacity = 1;
        var pair = NewEvent(Unique("Kahden paikan tapahtuma"), Soon);
        pair.Capacity = 2;
        await app.AddEventsAsync(single, pair);
        var visitor = WebBrowser.Open(app);

        var singlePage = (await visitor.OpenAsync($"/events/{single.Slug}?culture={language}")).Text;
        Assert.Contains(one, singlePage);
        if (wrong is not null) Assert.DoesNotContain(wrong, singlePage);
        Assert.Contains(two, (await visitor.OpenAsync($"/events/{pair.Slug}?culture={language}")).Text);
    }

    [Fact]
    public async Task The_place_filter_offers_the_municipalities_that_have_events_in_the_list()
    {
        await app.AddEventsAsync(
            NewEvent(Unique("Tuleva Utsjoella"), Soon, municipality: "890"),
            NewEvent(Unique("Mennyt Enontekiöllä"), DateTimeOffset.UtcNow.AddDays(-30), municipality: "047"),
            NewEvent(Unique("Jäsenille Kolarissa"), Soon, EventVisibility.Members, municipality: "273"));
        static string[] Offered(WebBrowser.Page page) =>
            [.. page.Document.QuerySelectorAll("select#municipality option").Select(o => o.TextContent.Trim())];
        var visitor = WebBrowser.Open(app);

        var upcoming = Offered(await visitor.OpenAsync("/events"));
        Assert.Equal("Kaikki kunnat", upcoming[0]);
        Assert.Contains("Utsjoki", upcoming);
        Assert.DoesNotContain("Enontekiö", upcoming);
        Assert.DoesNotContain("Sodankylä", upcoming); // no event there at all
        Assert.DoesNotContain("Kolari", upcoming); // a visitor does not learn where the members' events are
        Assert.True(upcoming.Length < 50, $"{upcoming.Length} municipalities offered");
        Assert.Contains("Enontekiö", Offered(await visitor.OpenAsync("/events?when=past")));
        Assert.Contains("Kolari", Offered(await (await app.SignedInAsync("kunnat")).OpenAsync("/events")));
        // A municipality chosen by a link stays chosen even when it has no events, so the filter reads true.
        var chosen = await visitor.OpenAsync("/events?municipality=758");
        Assert.Equal("Sodankylä", chosen.Document.QuerySelector("select#municipality option[selected]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Filters_and_paging_narrow_the_list_and_past_events_are_under_their_own_tab()
    {
        var theme = await ThemeAsync(Unique("Teema"));
        var events = Enumerable.Range(1, 23).Select(i =>
        {
            var e = NewEvent($"Webinaari {i:00} {theme}", Soon.AddHours(i), type: EventType.Webinar, municipality: "398",
                online: i % 2 == 0 ? "https://meet.example.org/w" : null);
            e.Themes = [new EventThemeLink { ThemeId = theme }];
            return e;
        }).ToList();
        var past = NewEvent("Mennyt webinaari " + theme, DateTimeOffset.UtcNow.AddDays(-40), type: EventType.Webinar);
        past.Themes = [new EventThemeLink { ThemeId = theme }];
        await app.AddEventsAsync([.. events, past]);
        var visitor = WebBrowser.Open(app);

        var first = await visitor.OpenAsync($"/events?type=Webinar&theme={theme}&municipality=398");
        Assert.Contains("23 tulevaa tapahtumaa", first.Text);
        Assert.Equal(20, first.Document.QuerySelectorAll("ul.cards > li").Length);
        Assert.Contains("Webinaari 01", first.Text);
        var next = first.Document.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href")!;
        var second = await visitor.OpenAsync(next);
        Assert.Equal(3, second.Document.QuerySelectorAll("ul.cards > li").Length);
        Assert.Contains("Webinaari 23", second.Text);

        var online = await visitor.OpenAsync($"/events?theme={theme}&online=true");
        Assert.Contains("11 tulevaa tapahtumaa", online.Text);
        var otherType = await visitor.OpenAsync($"/events?type=StudyTrip&theme={theme}");
        Assert.Contains("Hakuehtoja vastaavia tapahtumia ei löytynyt.", otherType.Text);

        var pastTab = await visitor.OpenAsync($"/events?when=past&theme={theme}");
        Assert.Contains("1 mennyt tapahtuma", pastTab.Text);
        Assert.DoesNotContain("1 mennyttä", pastTab.Text);
        Assert.Contains("Mennyt webinaari", pastTab.Text);
    }

    [Fact]
    public async Task The_month_view_is_a_table_with_a_caption_and_weekday_headers_and_the_event_on_its_day()
    {
        var title = Unique("Kuukauden tapahtuma");
        // 15 March 2031 at 10:00 Finnish time (UTC+2 in winter).
        await app.AddEventsAsync(NewEvent(title, new DateTimeOffset(2031, 3, 15, 8, 0, 0, TimeSpan.Zero)));

        var page = await WebBrowser.Open(app).OpenAsync("/events?view=month&month=2031-03&culture=en");

        var table = page.Document.QuerySelector("table.calendar")!;
        Assert.Contains("March 2031", table.QuerySelector("caption")!.TextContent);
        Assert.Equal(7, table.QuerySelectorAll("thead th[scope=col]").Length);
        var cell = table.QuerySelectorAll("td").Single(td => td.QuerySelector(".day")!.TextContent == "15.3.");
        Assert.Contains("10:00 " + title, cell.TextContent); // the English way on an English page
        Assert.NotNull(page.Document.QuerySelector("a[href*='month=2031-04']"));
    }

    [Fact]
    public async Task Members_only_and_group_events_are_hidden_from_visitors_on_every_page_feed_and_api()
    {
        var members = NewEvent(Unique("Jäsenten tapaaminen"), Soon, EventVisibility.Members);
        var groupId = await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<YhdessaDb>();
            var group = new Group
            {
                Slug = "tapahtumaryhma-" + Guid.NewGuid().ToString("N")[..6], NameFi = "Tapahtumaryhmä", DescriptionFi = "",
                Kind = GroupKind.ThematicGroup, CreatedAt = DateTimeOffset.UtcNow
            };
            db.Groups.Add(group);
            await db.SaveChangesAsync();
            return group.Id;
        });
        var grouped = NewEvent(Unique("Johtoryhmän kokous"), Soon, EventVisibility.Group);
        grouped.GroupId = groupId;
        await app.AddEventsAsync(members, grouped);
        var month = Soon.ToString("yyyy-MM");

        var visitor = WebBrowser.Open(app);
        foreach (var url in new[] { "/events", "/events?view=month&month=" + month, "/events.ics", "/api/v1/events?pageSize=100" })
        {
            var text = await visitor.Client.GetStringAsync(url);
            Assert.DoesNotContain(members.TitleFi, text);
            Assert.DoesNotContain(grouped.TitleFi, text);
        }
        foreach (var e in new[] { members, grouped })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.Client.GetAsync("/events/" + e.Slug)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.Client.GetAsync($"/events/{e.Slug}.ics")).StatusCode);
        }

        var member = await app.SignedInAsync("member");
        Assert.Contains(members.TitleFi, (await member.OpenAsync("/events")).Text);
        Assert.Equal(HttpStatusCode.OK, (await member.OpenAsync("/events/" + members.Slug)).Status);
        Assert.DoesNotContain(grouped.TitleFi, (await member.OpenAsync("/events")).Text);
        Assert.Equal(HttpStatusCode.NotFound, (await member.OpenAsync("/events/" + grouped.Slug)).Status);
        // The feed and the API are for calendar apps and other sites: public events only, even with a session.
        Assert.DoesNotContain(members.TitleFi, await member.Client.GetStringAsync("/events.ics"));

        var (groupMember, userId) = await app.PersonAsync("group-member-" + groupId);
        await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<YhdessaDb>();
            db.GroupMemberships.Add(new GroupMembership { GroupId = groupId, UserId = userId, Status = MembershipStatus.Member, Since = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        var page = await groupMember.OpenAsync("/events/" + grouped.Slug);
        Assert.Equal(grouped.TitleFi, page.H1);
        var calendar = Calendar.Load(await groupMember.Client.GetStringAsync($"/events/{grouped.Slug}.ics"))!;
        Assert.Equal(grouped.TitleFi, calendar.Events.Single().Summary);
    }

    [Fact]
    public async Task Signed_in_people_get_the_calendar_feed_from_the_shared_cache_and_nobody_gets_their_session()
    {
        var e = NewEvent(Unique("Syötteen tapahtuma"), Soon);
        await app.AddEventsAsync(e);
        var member = await app.SignedInAsync("member");

        // This test app checks the session on every request, so each of the member's answers renews their session
        // cookie: such an answer must never be stored for others.
        var renewed = await member.Client.GetAsync("/events.ics");
        Assert.True(renewed.Headers.Contains("Set-Cookie"));
        var visitor = WebBrowser.Open(app, followRedirects: false);
        var built = await visitor.Client.GetAsync("/events.ics");
        Assert.Null(built.Headers.Age);
        Assert.False(built.Headers.Contains("Set-Cookie"));

        // The visitor's answer was stored; the member is now answered from it instead of building the feed again.
        var cached = await member.Client.GetAsync("/events.ics");
        Assert.NotNull(cached.Headers.Age);
        Assert.Contains(e.TitleFi, await cached.Content.ReadAsStringAsync());

        var another = WebBrowser.Open(app, followRedirects: false);
        Assert.NotNull((await another.Client.GetAsync("/events.ics")).Headers.Age);
        var mine = await another.Client.GetAsync("/events/my");
        Assert.Equal(HttpStatusCode.Redirect, mine.StatusCode);
        Assert.Contains("/account/sign-in", mine.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_online_link_is_shown_to_coordinators_only_until_registration_exists()
    {
        var e = NewEvent(Unique("Verkkotapahtuma"), Soon, online: "https://meet.example.org/salainen");
        await app.AddEventsAsync(e);

        Assert.DoesNotContain("meet.example.org/salainen", (await WebBrowser.Open(app).OpenAsync("/events/" + e.Slug)).Html);
        Assert.DoesNotContain("meet.example.org/salainen", (await (await app.SignedInAsync("member")).OpenAsync("/events/" + e.Slug)).Html);
        Assert.Contains("meet.example.org/salainen", (await (await app.CoordinatorAsync()).OpenAsync("/events/" + e.Slug)).Html);
        Assert.DoesNotContain("salainen", await WebBrowser.Open(app).Client.GetStringAsync($"/events/{e.Slug}.ics"));
    }

    [Fact]
    public async Task A_stored_description_with_script_is_rendered_without_it()
    {
        var e = NewEvent(Unique("Vanha kuvaus"), Soon);
        e.DescriptionFi = "Hei <script>alert('x')</script> [linkki](javascript:alert(1)) <img src=x onerror=alert(1)> **tärkeä**";
        await app.AddEventsAsync(e);

        var page = await WebBrowser.Open(app).OpenAsync("/events/" + e.Slug);

        var prose = page.Document.QuerySelector(".prose")!;
        Assert.Empty(prose.QuerySelectorAll("script, img, [onerror]"));
        Assert.DoesNotContain("javascript:", prose.InnerHtml);
        Assert.Equal("tärkeä", prose.QuerySelector("strong")!.TextContent);
    }

    [Fact]
    public async Task The_api_lists_public_events_with_filters_and_paging_and_refuses_unknown_filters()
    {
        var theme = await ThemeAsync(Unique("Rajapintateema"));
        var a = NewEvent(Unique("Rajapinta A"), Soon, type: EventType.Workshop);
        var b = NewEvent(Unique("Rajapinta B"), Soon.AddHours(1), type: EventType.Workshop);
        var hidden = NewEvent(Unique("Rajapinta piilossa"), Soon, EventVisibility.Members, EventType.Workshop);
        foreach (var e in new[] { a, b, hidden }) e.Themes = [new EventThemeLink { ThemeId = theme }];
        await app.AddEventsAsync(a, b, hidden);
        var client = WebBrowser.Open(app).Client;

        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/events?type=workshop&theme={theme}&pageSize=1&page=2"));
        Assert.Equal(2, json.RootElement.GetProperty("total").GetInt32());
        var item = json.RootElement.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(b.TitleFi, item.GetProperty("titleFi").GetString());
        Assert.Equal($"/events/{b.Slug}.ics", item.GetProperty("calendar").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/events?type=party")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/events?municipality=999")).StatusCode);
        Assert.Contains("/api/v1/events", await client.GetStringAsync("/openapi/v1.json"));
    }
}
