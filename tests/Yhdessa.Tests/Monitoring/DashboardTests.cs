using System.Net;
using AngleSharp.Html.Parser;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Monitoring.Dashboards;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Network;

namespace Yhdessa.Tests.Monitoring;

public sealed class DashboardOnSqlite(SqliteApp app) : DashboardTests(app), IClassFixture<SqliteApp>;
public sealed class DashboardOnPostgres(PostgresApp app) : DashboardTests(app), IClassFixture<PostgresApp>;

public abstract class DashboardTests
{
    private static readonly HtmlParser Parser = new();
    private readonly WebApplicationFactory<Program> host;
    private readonly DashboardTestData data;

    protected DashboardTests(YhdessaApp app)
    {
        host = NetworkTestHost.For(app);
        data = Seeded.GetOrAdd(app, _ => DashboardTestData.SeedAsync(host).GetAwaiter().GetResult());
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<YhdessaApp, DashboardTestData> Seeded = new();

    private async Task<DashboardFigures> FiguresAsync(DashboardScope scope)
    {
        using var services = host.Services.CreateScope();
        return await services.ServiceProvider.GetRequiredService<DashboardQuery>().ComputeAsync(scope, default);
    }

    private static DashboardScope Nation => new(ScopeKind.Nation, null, null, null, null, 2020, 2021);

    [Fact]
    public async Task Moves_in_combine_stays_and_aggregates_without_counting_a_unit_twice()
    {
        var f = await FiguresAsync(Nation);

        Assert.Equal(11, f.MovesIn[0, (int)ServiceType.ScatteredWithSupport]);
        Assert.Equal(1, f.MovesIn[0, (int)ServiceType.HousingFirstCongregate]);
        Assert.Equal(1 + 7, f.MovesIn[1, (int)ServiceType.ScatteredWithSupport]); // D1 and unit B's count of 7
        Assert.Equal(1, f.MovesIn[1, (int)ServiceType.HousingFirstCongregate]);
        Assert.Equal(0, f.MovesIn[1, (int)ServiceType.SupportedHousing]); // unit B's stray stay X1 is not added
    }

    [Fact]
    public async Task Ended_stays_are_grouped_by_destination_and_ongoing_stays_counted_at_year_end()
    {
        var f = await FiguresAsync(Nation);

        Assert.Equal(5, f.EndedByDirection[0, (int)HousingDirection.MoreIndependent]);
        Assert.Equal(5, f.EndedByGroup[0, (int)HudGroup.Permanent]);
        Assert.Equal(3, f.EndedByDirection[1, (int)HousingDirection.MoreSupported]);
        Assert.Equal(1, f.EndedByGroup[1, (int)HudGroup.Homeless]);
        Assert.Equal(1, f.EndedByGroup[1, (int)HudGroup.Other]);
        Assert.Equal(6, f.OngoingAtEnd[0, (int)ServiceType.ScatteredWithSupport]);
        Assert.Equal(1, f.OngoingAtEnd[0, (int)ServiceType.HousingFirstCongregate]);
        Assert.Equal(10, f.OngoingAtEnd[1, (int)ServiceType.SupportedHousing]); // unit B's count, not X1
        Assert.Equal(6, f.OngoingAtEnd[1, (int)ServiceType.ScatteredWithSupport]);
    }

    [Fact]
    public async Task Retention_returns_and_median_length_follow_the_stays()
    {
        var f = await FiguresAsync(Nation);

        for (var m = 0; m < 3; m++)
        {
            Assert.Equal(new RatePart(12, 12), f.Retention[0, m]); // housed still, or moved on to independent housing
            Assert.Equal(new RatePart(2, 0), f.Retention[1, m]);   // D1 died, E2 left to homelessness
        }
        Assert.Equal(new RatePart(5, 1), f.Returns[0, 0]); // E1 back after 92 days
        Assert.Equal(new RatePart(5, 2), f.Returns[0, 1]); // and E2 after 335
        Assert.Equal(new RatePart(5, 2), f.Returns[0, 2]);
        Assert.Equal((5, 182), f.MedianLength[0]);
        Assert.Equal((2, 28), f.MedianLength[1]);
    }

    [Fact]
    public async Task Municipality_and_unit_scopes_hold_only_their_own_figures()
    {
        var espoo = await FiguresAsync(new(ScopeKind.Municipality, null, "049", null, null, 2020, 2021));
        var unitA = await FiguresAsync(new(ScopeKind.Unit, null, null, data.UnitA, null, 2020, 2021));
        var uusimaa = await FiguresAsync(new(ScopeKind.Region, "Uusimaa", null, null, null, 2020, 2021));

        Assert.Equal(7, espoo.MovesIn[1, (int)ServiceType.ScatteredWithSupport]);
        Assert.Equal(0, espoo.MovesIn[0, (int)ServiceType.ScatteredWithSupport]);
        Assert.Equal(1, unitA.MovesIn[1, (int)ServiceType.ScatteredWithSupport]);
        Assert.Equal(8, uusimaa.MovesIn[1, (int)ServiceType.ScatteredWithSupport]);
        Assert.Contains(espoo.Methods, m => m is { Year: 2021, Method: ReportingMethod.Aggregate, UnitName: "Testijärjestö B" });
        Assert.DoesNotContain(espoo.Methods, m => m.UnitName == "Testikaupunki A");
    }

    [Fact]
    public async Task A_service_type_filter_narrows_every_figure()
    {
        var f = await FiguresAsync(Nation with { Type = ServiceType.HousingFirstCongregate });

        Assert.Equal(0, f.MovesIn[0, (int)ServiceType.ScatteredWithSupport]);
        Assert.Equal(1, f.MovesIn[0, (int)ServiceType.HousingFirstCongregate]);
        Assert.Equal(0, f.EndedByDirection[0, (int)HousingDirection.MoreIndependent]);
    }

    [Fact]
    public async Task Figures_are_kept_for_a_while_and_computed_again_when_the_data_changes()
    {
        var unitC = await host.WithDbAsync(async db =>
        {
            var unit = new ReportingUnit { Name = "Testikaupunki C", Kind = UnitKind.Municipality, MunicipalityCode = "837", CreatedAt = DateTimeOffset.UtcNow };
            db.Add(unit);
            await db.SaveChangesAsync();
            db.Add(new HousingService { UnitId = unit.Id, Code = "C1", Name = "C", MunicipalityCode = "837", Type = ServiceType.Other, Places = 1 });
            await db.SaveChangesAsync();
            return unit.Id;
        });
        // 2019 only, so that the other tests' years 2020–2021 never see this unit's stay.
        var scope = new DashboardScope(ScopeKind.Unit, null, null, unitC, null, 2019, 2019);
        Assert.Equal(0, (await FiguresAsync(scope)).MovesIn[0, (int)ServiceType.Other]);

        await host.WithDbAsync(async db =>
        {
            var service = await db.HousingServices.SingleAsync(s => s.UnitId == unitC);
            db.Add(new Stay(unitC, service.Id, "C-1", new(2019, 2, 1), SituationBefore.Other, new(2019, 6, 1), Destination.Unknown));
            await db.SaveChangesAsync();
        });
        Assert.Equal(0, (await FiguresAsync(scope)).MovesIn[0, (int)ServiceType.Other]); // still the kept figures

        host.Services.GetRequiredService<DashboardCache>().Changed();
        Assert.Equal(1, (await FiguresAsync(scope)).MovesIn[0, (int)ServiceType.Other]);
    }

    [Fact]
    public async Task The_dashboard_page_shows_small_counts_as_less_than_five_and_says_who_reported_how()
    {
        var member = await host.CreateUserAsync("Jäsen");
        var html = await host.Client(member).GetStringAsync("/monitoring/dashboards?from=2020&to=2021&culture=en");
        var document = Parser.ParseDocument(html);

        var movesIn = document.QuerySelector("#moves-in-caption")!.Closest("table")!;
        var row2021 = movesIn.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "2021");
        var cells = row2021.QuerySelectorAll("td").Select(c => c.TextContent).ToList();
        // 2021 is 8 + 1 = 9: the 1 is "<5", and the 8 is hidden too, or 9 − 8 would give the 1 back.
        Assert.Contains(cells[(int)ServiceType.HousingFirstCongregate], new[] { "<5", "x" });
        Assert.Contains(cells[(int)ServiceType.ScatteredWithSupport], new[] { "<5", "x" });
        Assert.Contains(document.QuerySelectorAll("table.statistics td"), td => td.TextContent is "<5" or "x");
        Assert.DoesNotContain("rounded", movesIn.ParentElement!.ParentElement!.TextContent);
        Assert.DoesNotContain(movesIn.QuerySelectorAll("tbody th"), th => th.TextContent == "Total"); // no sum over years
        Assert.DoesNotContain(document.QuerySelectorAll("table.statistics td"), td => td.TextContent is "1" or "2" or "3" or "4");
        Assert.Contains("Testijärjestö B", document.QuerySelector("#reporting-methods-caption")!.Closest("table")!.TextContent);
        Assert.NotNull(document.QuerySelector("figure#chart-moves-in svg[role=img] title"));
        Assert.Single(document.QuerySelectorAll("h1"));
        var xlsx = document.QuerySelectorAll("a").Single(a => a.TextContent == "Download all tables (XLSX)").GetAttribute("href")!;
        Assert.StartsWith("/monitoring/dashboards?", xlsx);
        Assert.Contains("handler=Export", xlsx);
        Assert.Contains("from=2020", xlsx);
    }

    [Theory]
    [InlineData("from=1999&to=2021")]
    [InlineData("from=2021&to=2020")]
    [InlineData("from=abc")]
    [InlineData("type=Castle")]
    [InlineData("area=u:99999")]
    public async Task Bad_filters_get_a_translated_message_and_no_figures(string query)
    {
        var member = await host.CreateUserAsync("Jäsen");
        var document = Parser.ParseDocument(await host.Client(member).GetStringAsync($"/monitoring/dashboards?{query}&culture=sv"));

        Assert.NotNull(document.QuerySelector(".error-summary"));
        Assert.Matches("Välj|Ange", document.QuerySelector(".error-summary")!.TextContent);
        Assert.Empty(document.QuerySelectorAll("table.statistics"));
    }

    [Fact]
    public async Task A_visitor_is_sent_to_sign_in()
    {
        var response = await host.Client().GetAsync("/monitoring/dashboards");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.ToString());
    }

    private async Task<string> TwoStepAsync(string userId)
    {
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<User>>();
        Assert.True((await users.SetTwoFactorEnabledAsync((await users.FindByIdAsync(userId))!, true)).Succeeded);
        return userId;
    }

    private async Task<XLWorkbook> ExportAsync(string userId, string area)
    {
        var response = await host.Client(userId).GetAsync($"/monitoring/dashboards?handler=export&format=xlsx&area={area}&from=2020&to=2021");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }

    private static string Cell(XLWorkbook book, string sheetStart, int row, int column) =>
        book.Worksheets.First(s => s.Name.StartsWith(sheetStart)).Cell(row, column).GetFormattedString();

    [Fact]
    public async Task A_reporter_exports_their_own_unit_as_counted_but_cannot_open_another_unit_and_each_export_is_audited()
    {
        var reporter = await TwoStepAsync(await host.CreateUserAsync("Raportoija A", Roles.Reporter));
        await host.WithDbAsync(db =>
        {
            db.Add(new ReportingUnitReporter { UnitId = data.UnitA, UserId = reporter, Since = DateTimeOffset.UtcNow });
            return db.SaveChangesAsync();
        });

        using var own = await ExportAsync(reporter, $"u:{data.UnitA}");
        // Row 3 is 2021, column 3 the Housing First units: unit A's single move-in is shown as it is to its reporter.
        Assert.Equal("1", Cell(own, "Muutot", 3, 3));
        Assert.Equal("11", Cell(own, "Muutot", 2, 2));
        Assert.Equal("12", Cell(own, "Muutot", 2, 7));

        // Another unit is not part of the protected publication: a single unit is offered only to those who may see it
        // exactly, so its reporter gets the message and no file.
        var page = await host.Client(reporter).GetAsync($"/monitoring/dashboards?handler=export&format=xlsx&area=u:{data.UnitB}&from=2020&to=2021");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var document = Parser.ParseDocument(await page.Content.ReadAsStringAsync());
        Assert.Contains("Yksittäisen raportoivan yksikön", document.QuerySelector(".error-summary")!.TextContent);
        var options = Parser.ParseDocument(await host.Client(reporter).GetStringAsync("/monitoring/dashboards"))
            .QuerySelectorAll("#Area option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains($"u:{data.UnitA}", options);
        Assert.DoesNotContain($"u:{data.UnitB}", options);

        var audit = await host.WithDbAsync(db => db.Set<Yhdessa.Platform.Audit.AuditEntry>()
            .Where(e => e.Action == "monitoring.export" && e.ActorId == reporter).OrderBy(e => e.Id).ToListAsync());
        Assert.Single(audit);
        Assert.Contains("protected=False", audit[0].Details);
    }

    [Fact]
    public async Task A_member_chooses_among_published_areas_only_with_no_unit_and_no_service_type()
    {
        var member = await host.CreateUserAsync("Jäsen");
        var document = Parser.ParseDocument(await host.Client(member).GetStringAsync("/monitoring/dashboards?culture=en"));

        Assert.DoesNotContain(document.QuerySelectorAll("#Area option"), o => o.GetAttribute("value")!.StartsWith("u:"));
        Assert.Null(document.QuerySelector("#Type"));
        var refused = Parser.ParseDocument(await host.Client(member).GetStringAsync("/monitoring/dashboards?type=Other&culture=en"));
        Assert.Contains("exact figures", refused.QuerySelector(".error-summary")!.TextContent);
        Assert.Empty(refused.QuerySelectorAll("table.statistics"));
        var early = Parser.ParseDocument(await host.Client(member).GetStringAsync("/monitoring/dashboards?from=2001&to=2003&culture=en"));
        Assert.Contains("Protected figures are published for the years", early.QuerySelector(".error-summary")!.TextContent);
    }

    [Fact]
    public async Task A_coordinator_exports_counted_figures_and_a_member_protected_ones_as_csv()
    {
        var coordinator = await TwoStepAsync(await host.CreateUserAsync("Koordinaattori", Roles.Coordinator));
        var withoutTwoStep = await host.CreateUserAsync("Koordinaattori ilman kaksivaiheista", Roles.Coordinator);
        var member = await host.CreateUserAsync("Jäsen");

        using var all = await ExportAsync(coordinator, "");
        Assert.Equal("1", Cell(all, "Muutot", 3, 3));
        Assert.Equal(8, all.Worksheets.Count);
        using var protectedAll = await ExportAsync(withoutTwoStep, ""); // micro-data needs two-step sign-in
        Assert.Contains(Cell(protectedAll, "Muutot", 3, 3), new[] { "<5", "x" });

        var csv = await host.Client(member).GetStringAsync("/monitoring/dashboards?handler=export&format=csv&table=moves-in&from=2020&to=2021");
        var line2021 = csv.Split("\r\n").Single(l => l.StartsWith("2021;"));
        // 8 + 1 in 2021: both hidden, zeros shown, no sum over years.
        var fields = line2021.Split(';');
        Assert.Contains(fields[1], new[] { "<5", "x" });
        Assert.Contains(fields[2], new[] { "<5", "x" });
        Assert.Equal(["0", "0", "0"], fields[3..6]);
        Assert.DoesNotContain(csv.Split("\r\n"), l => l.StartsWith("Yhteensä;") || l.StartsWith("Total;"));
        Assert.True(await host.WithDbAsync(db => db.Set<Yhdessa.Platform.Audit.AuditEntry>()
            .AnyAsync(e => e.Action == "monitoring.export" && e.ActorId == member && e.Details!.Contains("protected=True"))));
    }

    [Fact]
    public async Task The_page_says_why_its_figures_may_differ_from_an_exact_export_and_from_the_year_in_progress()
    {
        var coordinator = await TwoStepAsync(await host.CreateUserAsync("Koordinaattori selitys", Roles.Coordinator));
        var member = await host.CreateUserAsync("Jäsen selitys");
        const string exactNote = "lataamasi taulukot sisältävät tarkat luvut";
        var thisYear = DateTime.UtcNow.Year;

        var memberPage = Parser.ParseDocument(await host.Client(member).GetStringAsync($"/monitoring/dashboards?from=2020&to={thisYear}"));
        var notice = memberPage.QuerySelector("main .notice")!.TextContent;
        Assert.Contains("samat kuin avoimissa tilastoissa", notice);
        Assert.Contains($"Vuoden {thisYear} luvut voivat vielä kasvaa", notice);
        Assert.DoesNotContain(exactNote, notice);

        var coordinatorPage = Parser.ParseDocument(await host.Client(coordinator).GetStringAsync("/monitoring/dashboards?from=2020&to=2021"));
        Assert.Contains(exactNote, coordinatorPage.QuerySelector("main .notice")!.TextContent);
        Assert.DoesNotContain("voivat vielä kasvaa", coordinatorPage.QuerySelector("main .notice")!.TextContent);
    }

    [Fact]
    public async Task The_share_of_ended_stays_to_more_independent_and_more_supported_housing_is_shown_on_a_base_large_enough()
    {
        var coordinator = await TwoStepAsync(await host.CreateUserAsync("Koordinaattori", Roles.Coordinator));
        var member = await host.CreateUserAsync("Jäsen");

        // As counted: 2020 ended 5, all to more independent housing; 2021 ended 5 (unit B's 3 to more supported
        // housing, one to homelessness, one died); both years together 10.
        using var counted = await ExportAsync(coordinator, "");
        const string sheet = "Päättyneiden jaksojen suunta";
        Assert.Equal(["Vuosi", "Päättyneitä", "Itsenäisempään asumiseen, %", "Tuetumpaan asumiseen, %"],
            Enumerable.Range(1, 4).Select(c => Cell(counted, sheet, 1, c)));
        Assert.Equal(["2020", "5", "100", "0"], Enumerable.Range(1, 4).Select(c => Cell(counted, sheet, 2, c)));
        Assert.Equal(["2021", "5", "0", "60"], Enumerable.Range(1, 4).Select(c => Cell(counted, sheet, 3, c)));
        Assert.Equal(["Yhteensä", "10", "50", "30"], Enumerable.Range(1, 4).Select(c => Cell(counted, sheet, 4, c)));

        // Protected, ten ended stays are too few for a share: the member's page says so instead of giving 50 %.
        var document = Parser.ParseDocument(await host.Client(member).GetStringAsync("/monitoring/dashboards?from=2020&to=2021&culture=en"));
        var table = document.QuerySelector("#housing-direction-caption")!.Closest("table")!;
        Assert.Equal("Where ended stays led – Whole country", document.QuerySelector("#housing-direction-caption")!.TextContent);
        var rows = table.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.All(rows, row => Assert.Equal(["not shown", "not shown"], row.Skip(1)));
        Assert.DoesNotContain("%", string.Concat(rows.SelectMany(r => r.Skip(1))));
    }

    [Fact]
    public async Task A_member_finds_the_dashboard_from_the_statistics_page_and_it_names_service_types_as_the_forms_do()
    {
        var member = await host.CreateUserAsync("Jäsen");
        var client = host.Client(member);
        var statistics = Parser.ParseDocument(await client.GetStringAsync("/statistics?culture=sv"));
        Assert.Equal("Uppföljningens översikt", statistics.QuerySelectorAll("a").Single(a => a.GetAttribute("href") == "/monitoring/dashboards").TextContent);

        var dashboard = Parser.ParseDocument(await client.GetStringAsync("/monitoring/dashboards?from=2020&to=2021&culture=fi"));
        // The names of the unit, service and survey forms (MonitoringText), not a second set of its own.
        string[] names = ["Hajautettu asuminen tuen kanssa", "Asunto ensin -yhteisöasuminen", "Tuettu asuminen", "Tehostettu palveluasuminen", "Muu"];
        var header = dashboard.QuerySelector("#moves-in-caption")!.Closest("table")!.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim());
        Assert.Equal(names, header.Skip(1).Take(names.Length));

        // The national homelessness survey and the annual survey are a link away, as the context of the figures.
        var seeAlso = dashboard.QuerySelector("#see-also-heading")!.ParentElement!.QuerySelectorAll("a").Select(a => a.GetAttribute("href"));
        Assert.Equal(["/statistics/context-and-programme", "/statistics/homelessness-municipal",
            "/statistics/annual-survey-housing-added-by-type", "/statistics/annual-survey-work-forms"], seeAlso);
    }
}
