using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Communication.News.Data;
using Yhdessa.Features.Events.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Events;
using Yhdessa.Tests.Network;

namespace Yhdessa.Tests.Communication;

[Collection("Communication on SQLite")]
public sealed class NewsOnSqlite(SqliteApp app) : NewsTests(app);
[Collection("Communication on PostgreSQL")]
public sealed class NewsOnPostgres(PostgresApp app) : NewsTests(app);

/// <summary>News: coordinators write them in one to three languages and publish them; everyone reads them, by theme and
/// language, in the list, on their pages, in the feeds and through the API.</summary>
public abstract partial class NewsTests(YhdessaApp app)
{
    private readonly WebApplicationFactory<Program> host = NetworkTestHost.For(app);

    /// <summary>A PNG of one pixel, recognised by its content.</summary>
    internal static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private async Task<HttpClient> CoordinatorAsync() => host.Client(await host.CreateUserAsync("Uutiskoordinaattori", Roles.Coordinator));

    private static Task<HttpResponseMessage> SendAsync(HttpClient coordinator, string formUrl, IEnumerable<(string Name, string Value)> fields,
        byte[]? image = null, string imageName = "kuva.png") => coordinator.PostMultipartAsync(formUrl, fields, image, imageName);

    private static (string, string)[] Finnish(string title, string lead = "Lyhyt ingressi uutisesta.", string body = "Uutisen **teksti**.") =>
        [("Input.Fi.Title", title), ("Input.Fi.Lead", lead), ("Input.Fi.Body", body)];

    private Task<int> NewThemeAsync(string name) => host.WithDbAsync(async db =>
    {
        var theme = new EventTheme { NameFi = EventTestData.Unique(name) };
        db.EventThemes.Add(theme);
        await db.SaveChangesAsync();
        return theme.Id;
    });

    [Fact]
    public async Task A_post_without_any_language_is_refused_and_nothing_is_saved()
    {
        var before = await PostCountAsync();
        var response = await SendAsync(await CoordinatorAsync(), "/news/new", [("Input.Fi.Title", " "), ("action", "publish")]);
        Assert.Contains("Kirjoita uutiselle otsikko ja ingressi ainakin yhdellä kielellä.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(before, await PostCountAsync());
    }

    private Task<int> PostCountAsync() => host.WithDbAsync(db => db.NewsPosts.CountAsync());

    private static string SlugOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString["/news/".Length..];
    }

    [Fact]
    public async Task A_coordinator_publishes_news_in_two_languages_that_readers_get_in_theirs_and_the_list_says_which()
    {
        var coordinator = await CoordinatorAsync();
        var theme = await NewThemeAsync("Uutisteema");
        var ev = EventTestData.NewEvent(EventTestData.Unique("Uutisen seminaari"), DateTimeOffset.UtcNow.AddDays(20));
        await host.WithDbAsync(async db => { db.Events.Add(ev); await db.SaveChangesAsync(); });
        var fi = EventTestData.Unique("Syksyn koulutukset julki");
        var sv = EventTestData.Unique("Höstens utbildningar publicerade");

        var slug = SlugOf(await SendAsync(coordinator, "/news/new",
        [
            .. Finnish(fi, "Syksyn koulutuskalenteri on valmis."), ("Input.Sv.Title", sv), ("Input.Sv.Lead", "Höstens utbildningskalender är klar."),
            ("Input.Sv.Body", "Texten på svenska."), ("Input.ThemeIds", theme.ToString()), ("Input.Links", $"https://yhdessa.example/events/{ev.Slug}\n"),
            ("action", "publish"),
        ]));

        var visitor = host.Client();
        var front = await visitor.GetStringAsync("/");
        Assert.Contains($"href=\"/news/{slug}\"", front);
        Assert.Contains(fi, front);
        var list = await visitor.GetStringAsync("/news");
        Assert.Contains(fi, list);
        Assert.Contains("Vain suomeksi ja ruotsiksi", list);
        var english = await visitor.GetStringAsync("/news?culture=en");
        Assert.Contains($"lang=\"fi\">{fi}</a>", english);
        Assert.Contains("Only in Finnish and in Swedish", english);
        var swedish = await visitor.GetStringAsync($"/news/{slug}?culture=sv");
        Assert.Contains($"<h1>{sv}</h1>", swedish);
        Assert.Contains("Texten på svenska.", swedish);
        Assert.Contains(ev.TitleFi, swedish);
        Assert.Contains($"href=\"/news/{slug}?language=fi\"", swedish);
        Assert.Contains("<strong>teksti</strong>", await visitor.GetStringAsync($"/news/{slug}?language=fi"));
        Assert.Contains(fi, await visitor.GetStringAsync($"/news?theme={theme}"));
        Assert.DoesNotContain(fi, await visitor.GetStringAsync("/news?written=en"));
    }

    [Fact]
    public async Task A_draft_is_the_coordinators_only_until_published_and_a_withdrawn_post_leaves_the_site()
    {
        var coordinator = await CoordinatorAsync();
        var title = EventTestData.Unique("Luonnosuutinen");
        var slug = SlugOf(await SendAsync(coordinator, "/news/new", Finnish(title)));
        var visitor = host.Client();
        var member = host.Client(await host.CreateUserAsync("Jäsen"));

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/news/{slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/news/{slug}")).StatusCode);
        Assert.DoesNotContain(title, await visitor.GetStringAsync("/news"));
        Assert.Contains(title, await coordinator.GetStringAsync("/news"));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/v1/news/{slug}")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await SendAsync(coordinator, $"/news/{slug}/edit", [.. Finnish(title), ("Input.Revision", "1"), ("action", "publish")])).StatusCode);
        Assert.Contains(title, await visitor.GetStringAsync("/news"));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/api/v1/news/{slug}")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await SendAsync(coordinator, $"/news/{slug}/edit", [.. Finnish(title), ("Input.Revision", "2"), ("action", "withdraw")])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/news/{slug}")).StatusCode);
        Assert.DoesNotContain(title, await visitor.GetStringAsync("/news"));
        Assert.Contains("Poistettu julkaisusta", await coordinator.GetStringAsync($"/news/{slug}"));
    }

    public static TheoryData<string, string, string> BadPosts() => new()
    {
        { "Input.Fi.Title", "", "Kirjoita otsikko (suomi)." },
        { "Input.Fi.Title", new string('o', 201), "Otsikko (suomi) on liian pitkä: enintään 200 merkkiä." },
        { "Input.Fi.Lead", "", "Kirjoita ingressi (suomi)." },
        { "Input.Fi.Title", "Otsikko\u202Ekäännetty", "Tekstissä (suomi) on näkymättömiä ohjausmerkkejä." },
        { "Input.Sv.Title", "Bara en rubrik", "Kirjoita ingressi (ruotsi)." },
        { "Input.Links", "/materials/ei-ole-olemassa", "Osoite ”/materials/ei-ole-olemassa” ei ole julkisen tapahtuman, aineiston tai tarpeen sivu" },
        { "Input.Links", "https://example.org/events/x", "Osoite ”https://example.org/events/x” ei ole julkisen" },
        { "Input.ThemeIds", "999999", "Valitse teemat listalta" },
    };

    [Theory]
    [MemberData(nameof(BadPosts))]
    public async Task A_bad_post_is_refused_with_a_message_and_nothing_is_saved(string field, string value, string message)
    {
        var coordinator = await CoordinatorAsync();
        var before = await PostCountAsync();
        var fields = Finnish("Kelpo otsikko").Where(f => f.Item1 != field).Append((field, value)).Append(("action", "publish"));

        var response = await SendAsync(coordinator, "/news/new", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("error-summary", html);
        Assert.Contains(message, html);
        Assert.Equal(before, await PostCountAsync());
    }

    [Fact]
    public async Task An_image_needs_its_alternative_text_must_be_an_image_and_is_served_once_the_post_is_public()
    {
        var coordinator = await CoordinatorAsync();
        var before = await PostCountAsync();
        var withoutAlt = await SendAsync(coordinator, "/news/new", [.. Finnish("Kuvallinen uutinen"), ("action", "publish")], Png);
        Assert.Contains("tekstivastine on pakollinen", WebUtility.HtmlDecode(await withoutAlt.Content.ReadAsStringAsync()));
        var notImage = await SendAsync(coordinator, "/news/new", [.. Finnish("Kuvallinen uutinen"), ("Input.Fi.ImageAlt", "Kuva"), ("action", "publish")],
            "<script>alert(1)</script>"u8.ToArray(), "kuva.png");
        Assert.Contains("Tiedosto ei ole kuva.", WebUtility.HtmlDecode(await notImage.Content.ReadAsStringAsync()));
        Assert.Equal(before, await PostCountAsync());

        var title = EventTestData.Unique("Kuvallinen uutinen");
        var slug = SlugOf(await SendAsync(coordinator, "/news/new", [.. Finnish(title), ("Input.Fi.ImageAlt", "Työntekijät kokouksessa")], Png));
        var imageUrl = Regex.Match(await coordinator.GetStringAsync($"/news/{slug}"), "src=\"(/news/images/\\d+)\" alt=\"Työntekijät kokouksessa\"").Groups[1].Value;
        Assert.NotEmpty(imageUrl);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client().GetAsync(imageUrl)).StatusCode);

        await SendAsync(coordinator, $"/news/{slug}/edit", [.. Finnish(title), ("Input.Fi.ImageAlt", "Työntekijät kokouksessa"), ("Input.Revision", "1"), ("action", "publish")]);
        var image = await host.Client().GetAsync(imageUrl);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await image.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_form_sent_after_someone_elses_save_is_refused_and_keeps_what_was_typed()
    {
        var coordinator = await CoordinatorAsync();
        var title = EventTestData.Unique("Yhteinen uutinen");
        var slug = SlugOf(await SendAsync(coordinator, "/news/new", Finnish(title)));
        Assert.Equal(HttpStatusCode.Redirect, (await SendAsync(coordinator, $"/news/{slug}/edit", [.. Finnish(title, "Toisen muutos."), ("Input.Revision", "1")])).StatusCode);

        var stale = await SendAsync(coordinator, $"/news/{slug}/edit", [.. Finnish(title, "Oma muutokseni, jota ei saa hukata."), ("Input.Revision", "1")]);

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("Joku muu tallensi uutisen", html);
        Assert.Contains("Oma muutokseni, jota ei saa hukata.", html);
        Assert.Equal("Toisen muutos.", await host.WithDbAsync(db => db.NewsPosts.Where(p => p.Slug == slug).SelectMany(p => p.Texts).Select(t => t.Lead).SingleAsync()));
    }

    [Fact]
    public async Task Each_language_and_theme_has_its_own_valid_atom_feed()
    {
        var coordinator = await CoordinatorAsync();
        var theme = await NewThemeAsync("Syöteteema");
        var finnishOnly = EventTestData.Unique("Vain suomeksi kerrottu");
        await SendAsync(coordinator, "/news/new", [.. Finnish(finnishOnly), ("Input.ThemeIds", theme.ToString()), ("action", "publish")]);
        var swedish = EventTestData.Unique("Nyhet på svenska");
        await SendAsync(coordinator, "/news/new", [("Input.Sv.Title", swedish), ("Input.Sv.Lead", "Ingress."), ("action", "publish")]);

        static async Task<List<string>> TitlesAsync(HttpClient client, string url)
        {
            var response = await client.GetAsync(url);
            Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
            XNamespace atom = "http://www.w3.org/2005/Atom";
            return [.. XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Elements(atom + "entry").Select(e => e.Element(atom + "title")!.Value)];
        }
        var visitor = host.Client();
        var fi = await TitlesAsync(visitor, "/news/feed");
        Assert.Contains(finnishOnly, fi);
        Assert.DoesNotContain(swedish, fi);
        var sv = await TitlesAsync(visitor, "/news/feed?culture=sv");
        Assert.Contains(swedish, sv);
        Assert.DoesNotContain(finnishOnly, sv);
        Assert.Equal([finnishOnly], await TitlesAsync(visitor, $"/news/feed?theme={theme}"));
    }

    [Fact]
    public async Task The_api_lists_and_gives_published_news_with_their_languages_and_refuses_bad_filters()
    {
        var coordinator = await CoordinatorAsync();
        var title = EventTestData.Unique("Rajapinnan uutinen");
        var slug = SlugOf(await SendAsync(coordinator, "/news/new", [.. Finnish(title, body: "Runko"), ("Input.En.Title", "API news"), ("Input.En.Lead", "Lead."), ("action", "publish")]));
        var client = host.Client();

        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/v1/news?pageSize=100"));
        var item = list.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("slug").GetString() == slug);
        Assert.Equal(["fi", "en"], item.GetProperty("texts").EnumerateArray().Select(t => t.GetProperty("language").GetString()));
        using var one = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/news/{slug}"));
        Assert.Equal("Runko", one.RootElement.GetProperty("bodies").GetProperty("fi").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/news?language=de")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/news?pageSize=1000")).StatusCode);
        Assert.Contains("/api/v1/news", await client.GetStringAsync("/openapi/v1.json"));
    }

    [Fact]
    public async Task A_member_may_not_write_news()
    {
        var member = host.Client(await host.CreateUserAsync("Jäsen"));
        NetworkTestHost.AssertForbidden(await member.GetAsync("/news/new"));
        Assert.DoesNotContain("href=\"/news/new\"", await member.GetStringAsync("/news"));
    }
}
