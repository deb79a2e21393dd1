using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;

namespace Yhdessa.Tests.Monitoring;

[Collection("Monitoring on SQLite")]
public sealed class StatisticsOnSqlite(SqliteApp app) : StatisticsTests(app);
[Collection("Monitoring on PostgreSQL")]
public sealed class StatisticsOnPostgres(PostgresApp app) : StatisticsTests(app);

public abstract class StatisticsTests(YhdessaApp app)
{
    private static readonly HtmlParser Parser = new();

    [Theory]
    [InlineData("fi", "Tilastot", "Asunnottomat Suomessa vuosittain")]
    [InlineData("sv", "Statistik", "Bostadslösa i Finland per år")]
    [InlineData("en", "Statistics", "Homeless people in Finland by year")]
    public async Task A_visitor_finds_the_open_tables_in_their_language(string language, string heading, string table)
    {
        var document = Parser.ParseDocument(await app.CreateClient().GetStringAsync($"/statistics?culture={language}"));

        Assert.Equal(heading, document.QuerySelector("h1")!.TextContent);
        var link = document.QuerySelectorAll("a").Single(a => a.TextContent == table);
        Assert.Equal("/statistics/homelessness-national", link.GetAttribute("href"));
    }

    [Fact]
    public async Task The_national_series_shows_each_years_figures_with_quality_and_source()
    {
        var document = Parser.ParseDocument(await app.CreateClient().GetStringAsync("/statistics/homelessness-national?culture=en"));

        var rows = document.QuerySelectorAll("table.statistics tbody tr");
        var year2024 = rows.Single(r => r.QuerySelector("th")!.TextContent == "2024");
        var cells = year2024.QuerySelectorAll("td").Select(c => c.TextContent).ToList();
        Assert.Equal("3,806", cells[0]); // written the English way on an English page
        Assert.Contains("reported", cells);
        Assert.Contains(year2024.QuerySelectorAll("a"), a => a.GetAttribute("href")!.StartsWith("https://production.varke-fi"));
        var year1987 = rows.Single(r => r.QuerySelector("th")!.TextContent == "1987");
        Assert.Contains("approximate", year1987.QuerySelectorAll("td").Select(c => c.TextContent));
        Assert.Equal(rows.Length, document.QuerySelectorAll("table.statistics tbody th[scope=row]").Length);
    }

    [Fact]
    public async Task The_municipal_series_names_the_city_and_explains_a_derived_value()
    {
        var document = Parser.ParseDocument(await app.CreateClient().GetStringAsync("/statistics/homelessness-municipal?culture=sv"));

        var helsinki2021 = document.QuerySelectorAll("table.statistics tbody tr")
            .Single(r => r.QuerySelector("th")!.TextContent == "2021" && r.TextContent.Contains("Helsingfors"));
        Assert.Contains("härledd (2022 value + 313)", helsinki2021.TextContent);
    }

    [Fact]
    public async Task The_api_lists_every_table_with_its_addresses_and_serves_each_one()
    {
        var client = app.CreateClient();
        using var index = JsonDocument.Parse(await client.GetStringAsync("/api/v1/statistics?culture=en"));
        var tables = index.RootElement.GetProperty("tables").EnumerateArray().ToList();
        Assert.Contains(tables, t => t.GetProperty("id").GetString() == "homelessness-national");

        foreach (var table in tables)
        {
            using var one = JsonDocument.Parse(await client.GetStringAsync(table.GetProperty("url").GetString() + "?culture=en"));
            Assert.Equal(table.GetProperty("title").GetString(), one.RootElement.GetProperty("title").GetString());
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(table.GetProperty("page").GetString())).StatusCode);
        }

        using var national = JsonDocument.Parse(await client.GetStringAsync("/api/v1/statistics/homelessness-national"));
        var row2025 = national.RootElement.GetProperty("rows").EnumerateArray().Single(r => r[0].GetProperty("text").GetString() == "2025");
        Assert.Equal(4579, row2025[1].GetProperty("number").GetDecimal());
    }

    [Fact]
    public async Task The_api_is_described_in_the_openapi_document()
    {
        var openapi = await app.CreateClient().GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/v1/statistics/{table}", openapi);
        Assert.Contains("GetStatisticsTable", openapi);
    }

    [Fact]
    public async Task A_table_downloads_as_csv_for_finnish_excel()
    {
        var response = await app.CreateClient().GetAsync("/statistics/homelessness-national.csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.StartsWith("Vuosi;Yksinäiset asunnottomat;", lines[0]);
        Assert.StartsWith("2024;3806;1010;110;", lines.Single(l => l.StartsWith("2024;")));
    }

    [Theory]
    [InlineData("/statistics/no-such-table")]
    [InlineData("/api/v1/statistics/no-such-table")]
    [InlineData("/statistics/no-such-table.csv")]
    public async Task An_unknown_table_is_not_found(string path)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync(path)).StatusCode);
    }
}
