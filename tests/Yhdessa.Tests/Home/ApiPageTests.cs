using System.Net;
using System.Text.Json;
using Yhdessa.Features.Home;

namespace Yhdessa.Tests.Home;

[Collection("Home on SQLite")]
public sealed class ApiPageOnSqlite(SqliteApp app) : ApiPageTests(app);
[Collection("Home on PostgreSQL")]
public sealed class ApiPageOnPostgres(PostgresApp app) : ApiPageTests(app);

/// <summary>The footer's "open API" leads people to a page about it, with examples that work and an explorer.</summary>
public abstract class ApiPageTests(YhdessaApp app)
{
    [Theory]
    [InlineData("fi", "Avoin rajapinta", "Kokeile rajapintaa")]
    [InlineData("sv", "Öppet gränssnitt", "Prova gränssnittet")]
    [InlineData("en", "Open API", "Try the API")]
    public async Task The_footer_leads_to_a_page_that_tells_what_the_api_offers_with_examples_that_answer(string language, string title, string explorer)
    {
        var visitor = WebBrowser.Open(app);
        var front = await visitor.OpenAsync($"/?culture={language}");
        Assert.Equal("/api", front.Document.QuerySelector("footer a[href='/api']")?.GetAttribute("href"));

        var page = await visitor.OpenAsync($"/api?culture={language}");
        Assert.Equal(title, page.H1);
        Assert.Equal(explorer, page.Document.QuerySelector("main a[href='/api/explorer/']")?.TextContent);
        Assert.NotNull(page.Document.QuerySelector("main a[href='/openapi/v1.json']"));
        Assert.NotNull(page.Document.QuerySelector("main a[rel~=license][href^='https://creativecommons.org/licenses/by/4.0']"));
        Assert.Contains("https://yhdessa.test/api/v1/events", page.Document.QuerySelector("main pre")!.TextContent);
        var examples = page.Document.QuerySelectorAll("main td a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(ApiModel.Endpoints.Count, examples.Count);
        // Every list answers; the example of one organisation is of the demo, which this database does not have.
        foreach (var example in examples.Where(e => !e.StartsWith("/api/v1/organisations/")))
            Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync(example)).StatusCode);
    }

    [Fact]
    public async Task The_explorer_is_served_by_the_app_on_its_own_document_with_scripts_from_the_app_only()
    {
        var client = app.CreateClient();
        var explorer = await client.GetAsync("/api/explorer/index.html");
        Assert.Equal(HttpStatusCode.OK, explorer.StatusCode);
        var policy = explorer.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy);
        Assert.DoesNotContain("script-src 'self' 'unsafe", policy);
        Assert.Contains("/openapi/v1.json", await client.GetStringAsync("/api/explorer/index.js"));
        // Elsewhere no inline style either.
        Assert.Contains("style-src 'self';", (await client.GetAsync("/api")).Headers.GetValues("Content-Security-Policy").Single());

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var info = document.RootElement.GetProperty("info");
        Assert.Equal("Yhdessä", info.GetProperty("title").GetString());
        Assert.Equal("CC BY 4.0", info.GetProperty("license").GetProperty("name").GetString());
    }
}
