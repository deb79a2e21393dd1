using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Monitoring.Dashboards;
using Yhdessa.Features.Monitoring.Demo;
using Yhdessa.Platform.Data;
using Yhdessa.Tests.Account;
using Yhdessa.Tests.Network;

namespace Yhdessa.Tests.Monitoring;

public sealed class ProgrammeStatisticsOnSqlite(SqliteApp app) : ProgrammeStatisticsTests(app), IClassFixture<SqliteApp>;
public sealed class ProgrammeStatisticsOnPostgres(PostgresApp app) : ProgrammeStatisticsTests(app), IClassFixture<PostgresApp>;

/// <summary>Suppression end to end: the demo data (with its many small counts) through the public pages and API.</summary>
public abstract class ProgrammeStatisticsTests
{
    private readonly YhdessaApp app;

    protected ProgrammeStatisticsTests(YhdessaApp app)
    {
        this.app = app;
        Seeded.GetOrAdd(app, _ =>
        {
            using var scope = app.Services.CreateScope();
            scope.ServiceProvider.GetServices<IDemoData>().OfType<MonitoringDemoData>().Single().SeedAsync(default).GetAwaiter().GetResult();
            return true;
        });
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<YhdessaApp, bool> Seeded = new();

    [Theory]
    [InlineData("programme-moves-in")]
    [InlineData("programme-stays-ended")]
    [InlineData("programme-ongoing")]
    public async Task A_public_table_shows_no_count_of_one_to_four_and_no_hidden_figure_follows_from_the_totals(string id)
    {
        using var json = JsonDocument.Parse(await app.CreateClient().GetStringAsync($"/api/v1/statistics/{id}"));
        var rows = json.RootElement.GetProperty("rows").EnumerateArray()
            .Select(r => r.EnumerateArray().Skip(1).Select(v => v.GetProperty("text").GetString()!).ToList()).ToList();

        var lastYear = DateTime.UtcNow.Year - 1;
        using var scope = app.Services.CreateScope();
        var figures = await scope.ServiceProvider.GetRequiredService<DashboardQuery>()
            .ComputeAsync(new DashboardScope(ScopeKind.Nation, null, null, null, null, lastYear - 4, lastYear), default);
        var counts = id switch
        {
            "programme-moves-in" => figures.MovesIn,
            "programme-ongoing" => figures.OngoingAtEnd,
            _ => DashboardTables.EndedColumns(figures),
        };
        int years = counts.GetLength(0), columns = counts.GetLength(1);
        var truth = new int[years + 1, columns + 1];
        for (var r = 0; r < years; r++)
            for (var c = 0; c < columns; c++)
            {
                truth[r, c] = counts[r, c];
                truth[r, columns] += counts[r, c];
                truth[years, c] += counts[r, c];
                truth[years, columns] += counts[r, c];
            }

        Assert.Equal(years, rows.Count); // a row per year: no sum over years is published
        for (var r = 0; r < years; r++)
            for (var c = 0; c <= columns; c++)
            {
                var text = rows[r][c];
                Assert.DoesNotContain(text, new[] { "1", "2", "3", "4" });
                if (truth[r, c] is > 0 and < 5) Assert.Contains(text, new[] { "<5", "x" });
                else if (text != "x" && text != "<5") Assert.Equal(truth[r, c], int.Parse(text.Replace("\u00a0", "")));
            }
    }

    [Fact]
    public async Task A_visitor_sees_the_programme_tables_and_the_national_context_beside_them()
    {
        var client = app.CreateClient();
        var index = new HtmlParser().ParseDocument(await client.GetStringAsync("/statistics?culture=en"));
        Assert.Contains(index.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/statistics/programme-moves-in");
        Assert.Contains(index.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/statistics/annual-survey-housing-added");

        var beside = new HtmlParser().ParseDocument(await client.GetStringAsync("/statistics/context-and-programme?culture=en"));
        var row2024 = beside.QuerySelectorAll("tbody tr").FirstOrDefault(r => r.QuerySelector("th")!.TextContent == "2024");
        if (row2024 is not null) Assert.Contains("3,806", row2024.TextContent);
        Assert.NotNull(beside.QuerySelector(".notice")); // the protection legend

        var survey = new HtmlParser().ParseDocument(await client.GetStringAsync("/statistics/annual-survey-housing-added?culture=sv"));
        Assert.Contains(survey.QuerySelectorAll("tbody th"), th => th.TextContent == "Helsingfors");
    }

    [Fact]
    public async Task The_annual_survey_stands_side_by_side_by_municipality_year_and_service_type()
    {
        var lastYear = DateTime.UtcNow.Year - 1;
        var helsinki = await app.WithServicesAsync(services => services.GetRequiredService<YhdessaDb>().AnnualSurveys
            .Where(a => a.MunicipalityCode == "091" && a.Year >= lastYear - 4 && a.Year <= lastYear).OrderBy(a => a.Year).ToListAsync());
        Assert.NotEmpty(helsinki);
        var client = app.CreateClient();

        var byType = new HtmlParser().ParseDocument(await client.GetStringAsync("/statistics/annual-survey-housing-added-by-type?culture=en"));
        Assert.Equal(["Municipality", "Year", "Scattered housing with support", "Housing First congregate unit", "Supported housing",
            "Intensive service housing", "Other", "Total"], byType.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
        var rows = byType.QuerySelectorAll("tbody tr").Where(r => r.QuerySelector("th")!.TextContent == "Helsinki")
            .Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Replace("\u00a0", "")).ToList()).ToList();
        Assert.Equal(helsinki.Select(a => (IEnumerable<string>)
            [
                a.Year.ToString(), a.AddedScatteredWithSupport.ToString(), a.AddedHousingFirstCongregate.ToString(),
                a.AddedSupportedHousing.ToString(), a.AddedIntensiveServiceHousing.ToString(), a.AddedOther.ToString(), a.AddedTotal.ToString(),
            ]), rows);

        var workForms = new HtmlParser().ParseDocument(await client.GetStringAsync("/statistics/annual-survey-work-forms?culture=en"));
        var outreach = workForms.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToList().IndexOf("Outreach") - 1;
        var formRows = workForms.QuerySelectorAll("tbody tr").Where(r => r.QuerySelector("th")!.TextContent == "Helsinki")
            .Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToList()).ToList();
        Assert.Equal(helsinki.Select(a => a.Year.ToString()), formRows.Select(r => r[0]));
        Assert.Equal(helsinki.Select(a => a.WorkForms.Contains("Outreach") ? "yes" : "no"), formRows.Select(r => r[outreach]));
    }
}
