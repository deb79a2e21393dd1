using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Features.Network.Data;

namespace Yhdessa.Tests.Network;

[Collection("Network on SQLite")]
public sealed class DirectoryOnSqlite(SqliteApp app) : DirectoryTests(app);
[Collection("Network on PostgreSQL")]
public sealed class DirectoryOnPostgres(PostgresApp app) : DirectoryTests(app);

public abstract class DirectoryTests(YhdessaApp app)
{
    private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host = NetworkTestHost.For(app);

    /// <summary>45 test associations in Tampere, Y-Säätiö and a city in Helsinki; added once per database.</summary>
    private async Task SeedAsync()
    {
        await host.WithDbAsync(async db =>
        {
            if (await db.Organisations.AnyAsync(o => o.Slug == "y-saatio")) return;
            var now = DateTimeOffset.UtcNow;
            Organisation Make(string fi, string? sv, Sector sector, string municipality, string slug)
            {
                var o = new Organisation { Slug = slug, Sector = sector, MunicipalityCode = municipality, CreatedAt = now, UpdatedAt = now };
                o.SetNames(fi, sv, null);
                return o;
            }
            db.Organisations.Add(Make("Y-Säätiö", "Y-Stiftelsen", Sector.Ngo, "091", "y-saatio"));
            db.Organisations.Add(Make("Helsingin kaupunki", "Helsingfors stad", Sector.City, "091", "helsingin-kaupunki"));
            for (var i = 1; i <= 45; i++)
                db.Organisations.Add(Make($"Testiyhdistys {i:00}", null, Sector.Ngo, "837", $"testiyhdistys-{i:00}"));
            await db.SaveChangesAsync();
        });
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private static List<string> Names(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("table tbody tr td:first-child a").Select(a => a.TextContent).ToList();

    [Theory]
    [InlineData("säätiö")]
    [InlineData("SÄÄTIÖ")]
    [InlineData("stiftelsen")]
    [InlineData("sa\u0308a\u0308tio\u0308")]
    public async Task Search_by_any_language_name_ignores_case_and_keeps_Finnish_letters(string query)
    {
        await SeedAsync();
        var page = await PageAsync(host.Client(), "/network/organisations?q=" + Uri.EscapeDataString(query));

        Assert.Contains("Y-Säätiö", Names(page));
        Assert.DoesNotContain("Helsingin kaupunki", Names(page));
    }

    [Fact]
    public async Task Sector_and_municipality_filters_narrow_the_list()
    {
        await SeedAsync();
        var client = host.Client();

        var cities = Names(await PageAsync(client, "/network/organisations?sector=City"));
        Assert.Contains("Helsingin kaupunki", cities);
        Assert.DoesNotContain("Y-Säätiö", cities);

        var helsinkiNgos = await PageAsync(client, "/network/organisations?sector=Ngo&municipality=091");
        Assert.Contains("Y-Säätiö", Names(helsinkiNgos));
        Assert.DoesNotContain(Names(helsinkiNgos), n => n.StartsWith("Testiyhdistys"));
        Assert.Equal("Helsinki", helsinkiNgos.QuerySelector("#municipality option[selected]")!.TextContent);
    }

    [Fact]
    public async Task The_list_is_paged_twenty_at_a_time_with_the_current_page_marked()
    {
        await SeedAsync();
        var client = host.Client();

        var first = await PageAsync(client, "/network/organisations?q=testiyhdistys");
        Assert.Equal("45 organisaatiota", first.QuerySelector("h2#results-heading")!.TextContent);
        Assert.Equal(20, Names(first).Count);
        Assert.Equal("1", first.QuerySelector("nav.pager [aria-current=page]")!.TextContent);

        var third = await PageAsync(client, first.QuerySelector("nav.pager a[href*='page=3']")!.GetAttribute("href")!);
        Assert.Equal(["Testiyhdistys 41", "Testiyhdistys 42", "Testiyhdistys 43", "Testiyhdistys 44", "Testiyhdistys 45"], Names(third));
        Assert.Equal("3", third.QuerySelector("nav.pager [aria-current=page]")!.TextContent);
        Assert.NotNull(third.QuerySelector("nav.pager a[rel=prev]"));
        Assert.Null(third.QuerySelector("nav.pager a[rel=next]"));
    }

    [Fact]
    public async Task The_directory_has_one_heading_labelled_filters_and_the_data_attribution()
    {
        await SeedAsync();
        var page = await PageAsync(host.Client(), "/network/organisations?culture=sv");

        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal("Organisationer", page.QuerySelector("h1")!.TextContent);
        foreach (var id in new[] { "q", "sector", "municipality" })
            Assert.NotNull(page.QuerySelector($"label[for={id}]"));
        Assert.Contains("Statistikcentralen", page.QuerySelector(".attribution")!.TextContent);
    }

    [Fact]
    public async Task An_unknown_municipality_in_the_filter_gets_a_clear_message()
    {
        var page = await PageAsync(host.Client(), "/network/organisations?municipality=999&culture=en");

        Assert.Contains("Unknown municipality code", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Empty(Names(page));
    }

    [Fact]
    public async Task An_organisations_page_lists_the_events_it_organises_and_the_materials_it_wrote_as_the_reader_may_see_them()
    {
        var slug = "tekija-" + Guid.NewGuid().ToString("N")[..8];
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (organisationId, coming, membersOnly, held, published, draft) = await host.WithDbAsync(async db =>
        {
            var o = new Organisation { Slug = slug, Sector = Sector.Ngo, MunicipalityCode = "091", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
            o.SetNames("Tekijäyhdistys " + tag, null, null);
            db.Organisations.Add(o);
            await db.SaveChangesAsync();
            Event Organised(string title, double days, EventVisibility visibility = EventVisibility.Public)
            {
                var ev = Yhdessa.Tests.Events.EventTestData.NewEvent(title + " " + tag, DateTimeOffset.UtcNow.AddDays(days), visibility);
                ev.Organisers.Add(new EventOrganiser { OrganisationId = o.Id });
                db.Events.Add(ev);
                return ev;
            }
            var (a, b, c) = (Organised("Tuleva koulutus", 10), Organised("Jäsenten kokous", 12, EventVisibility.Members), Organised("Pidetty seminaari", -30));
            Material Written(string title, MaterialStatus status)
            {
                var m = new Material
                {
                    Slug = "tekija-aineisto-" + Guid.NewGuid().ToString("N")[..8], Title = title + " " + tag, Summary = "S", Body = "B", Status = status,
                    PublicationDate = new DateOnly(2026, 3, 1), CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                };
                db.Materials.Add(m);
                return m;
            }
            var (d, e) = (Written("Julkaistu opas", MaterialStatus.Published), Written("Keskeneräinen luonnos", MaterialStatus.Draft));
            await db.SaveChangesAsync();
            db.Set<MaterialAuthor>().AddRange(new MaterialAuthor { MaterialId = d.Id, OrganisationId = o.Id, Name = "" },
                new MaterialAuthor { MaterialId = e.Id, OrganisationId = o.Id, Name = "" });
            await db.SaveChangesAsync();
            return (o.Id, a, b, c, d, e);
        });

        var page = await PageAsync(host.Client(), $"/network/organisations/{slug}");
        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/events/{coming.Slug}", links);
        Assert.Contains($"/events/{held.Slug}", links);
        Assert.DoesNotContain($"/events/{membersOnly.Slug}", links);
        Assert.Contains($"/materials/{published.Slug}", links);
        Assert.DoesNotContain($"/materials/{draft.Slug}", links);
        Assert.Contains($"/materials?organisation={organisationId}&sort=newest", links);
        var headings = page.QuerySelectorAll("main h2").Select(h => h.TextContent).ToList();
        Assert.Contains("Organisaation järjestämät tapahtumat", headings);
        Assert.Contains("Aineistot", headings);
        // The coming event before the one held.
        Assert.True(links.IndexOf($"/events/{coming.Slug}") < links.IndexOf($"/events/{held.Slug}"));
    }

    [Fact]
    public async Task A_script_in_a_name_or_description_is_shown_as_text()
    {
        await host.WithDbAsync(async db =>
        {
            if (await db.Organisations.AnyAsync(o => o.Slug == "script-test")) return;
            var o = new Organisation { Slug = "script-test", Sector = Sector.Other, Description = "Eka kappale\n\n<script>alert('kuvaus')</script>" };
            o.SetNames("<script>alert('nimi')</script>", null, null);
            db.Organisations.Add(o);
            await db.SaveChangesAsync();
        });
        var html = await host.Client().GetStringAsync("/network/organisations/script-test");

        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;alert(&#x27;nimi&#x27;)&lt;/script&gt;", html);
        var paragraphs = new HtmlParser().ParseDocument(html).QuerySelectorAll("p.prose").Select(p => p.TextContent).ToList();
        Assert.Equal(["Eka kappale", "<script>alert('kuvaus')</script>"], paragraphs);
    }

    [Theory]
    [InlineData("fi", "/network/organisations")]
    [InlineData("sv", "/network/organisations/y-saatio")]
    [InlineData("en", "/network/groups")]
    public async Task Public_pages_have_one_heading_a_main_landmark_and_speak_the_language(string language, string url)
    {
        await SeedAsync();
        var page = await PageAsync(host.Client(), $"{url}?culture={language}");

        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.StartsWith(page.QuerySelector("h1")!.TextContent + " – ", page.Title);
        Assert.Single(page.QuerySelectorAll("main"));
        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("/network/organisations/999999")]
    [InlineData("/network/organisations/no-such-organisation")]
    [InlineData("/network/organisations/999999/edit")]
    [InlineData("/network/groups/999999")]
    [InlineData("/network/people/999999")]
    [InlineData("/api/v1/organisations/999999")]
    public async Task Unknown_or_tampered_ids_are_not_found(string url)
    {
        var coordinator = await host.CreateUserAsync("Koordinaattori", Yhdessa.Platform.Identity.Roles.Coordinator);
        var response = await host.Client(coordinator).GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
