using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Tests.Account;


namespace Yhdessa.Tests.Monitoring;

[Collection("Monitoring on SQLite")]
public sealed class MonitoringReportPagingOnSqlite(SqliteApp app) : MonitoringReportPagingTests(app);
[Collection("Monitoring on PostgreSQL")]
public sealed class MonitoringReportPagingOnPostgres(PostgresApp app) : MonitoringReportPagingTests(app);

/// <summary>A unit's report lists its stays a page at a time, with filters for ongoing or ended stays, the service and a
/// part of the resident code, so that any one stay of a large unit can be found.</summary>
public abstract class MonitoringReportPagingTests(YhdessaApp app)
{
    /// <summary>A unit of its own with 120 stays in service HF1 (every third ended in the period) and one in a second
    /// service, TUE: 121 in all, three pages.</summary>
    private static async Task<(OwnUnit Own, int Other)> LargeUnitAsync(MonitoringWorld w)
    {
        var own = await w.OwnUnitAsync();
        var other = await w.DbAsync(async db =>
        {
            var service = new HousingService { UnitId = own.Unit, Code = "TUE", Name = "Tuettu asuminen", MunicipalityCode = "837", Type = ServiceType.SupportedHousing, Places = 10 };
            db.HousingServices.Add(service);
            await db.SaveChangesAsync();
            for (var i = 1; i <= 120; i++)
                db.Stays.Add(i % 3 == 0
                    ? new Stay(own.Unit, own.Service, $"TRE-{i:D4}", new DateOnly(2025, 1, 1).AddDays(i), SituationBefore.Homeless, new DateOnly(2025, 11, 1), Destination.MoreIndependentHousing, own.Round)
                    : new Stay(own.Unit, own.Service, $"TRE-{i:D4}", new DateOnly(2025, 1, 1).AddDays(i), SituationBefore.Homeless, roundId: own.Round));
            db.Stays.Add(new Stay(own.Unit, service.Id, "Tre-Muu-7", new DateOnly(2025, 6, 1), SituationBefore.Institution, roundId: own.Round));
            await db.SaveChangesAsync();
            return service.Id;
        });
        return (own, other);
    }

    private static string[] Residents(WebBrowser.Page page) =>
        page.Document.QuerySelectorAll("main table tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).ToArray();

    [Fact]
    public async Task The_stays_come_fifty_to_a_page_with_a_pager_that_says_which_page_is_shown()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var (own, _) = await LargeUnitAsync(w);
        var reporter = await MonitoringWorld.SignedInAsync(app, own.ReporterEmail);

        var first = await reporter.OpenAsync(own.ReportPath);
        Assert.Contains("Kauden asumisjaksoja: 121", first.Text);
        Assert.Equal(50, Residents(first).Length);
        Assert.Equal("TRE-0001", Residents(first)[0]);
        var pager = first.Document.QuerySelector("nav.pager");
        Assert.NotNull(pager);
        Assert.Equal("1", pager.QuerySelector("a[aria-current=page]")?.TextContent);
        Assert.NotNull(pager.QuerySelector($"a[href='{own.ReportPath}?page=3']"));

        var last = await reporter.OpenAsync(own.ReportPath + "?page=3");
        Assert.Equal(21, Residents(last).Length);
        Assert.Contains("Tre-Muu-7", Residents(last));
        Assert.Equal("3", last.Document.QuerySelector("nav.pager a[aria-current=page]")?.TextContent);

        var beyond = await reporter.OpenAsync(own.ReportPath + "?page=99");
        Assert.Equal(Residents(last), Residents(beyond));
    }

    [Fact]
    public async Task A_resident_code_part_service_and_ongoing_or_ended_find_the_stays_and_the_pager_keeps_the_filters()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var (own, _) = await LargeUnitAsync(w);
        var reporter = await MonitoringWorld.SignedInAsync(app, own.ReporterEmail);

        var one = await reporter.OpenAsync(own.ReportPath + "?resident=tre-0117");
        Assert.Equal(["TRE-0117"], Residents(one));
        Assert.Contains("Hakuehtoja vastaavia asumisjaksoja: 1.", one.Document.QuerySelector("[role=status]")?.TextContent);
        Assert.Equal("tre-0117", one.Document.GetElementById("Resident")?.GetAttribute("value"));

        var service = await reporter.OpenAsync(own.ReportPath + "?service=TUE");
        Assert.Equal(["Tre-Muu-7"], Residents(service));
        Assert.NotNull(service.Document.QuerySelector("#Service option[value=TUE][selected]"));

        var ended = await reporter.OpenAsync(own.ReportPath + "?show=ended");
        Assert.Contains("Hakuehtoja vastaavia asumisjaksoja: 40.", ended.Text);
        Assert.Null(ended.Document.QuerySelector("nav.pager"));

        var ongoing = await reporter.OpenAsync(own.ReportPath + "?show=ongoing&service=HF1");
        Assert.Contains("Hakuehtoja vastaavia asumisjaksoja: 80.", ongoing.Text);
        var next = ongoing.Document.QuerySelector("nav.pager a[rel=next]")?.GetAttribute("href");
        Assert.Equal($"{own.ReportPath}?show=ongoing&service=HF1&page=2", next);
        var second = await reporter.OpenAsync(next!);
        Assert.Equal(30, Residents(second).Length);
        Assert.DoesNotContain("TRE-0003", Residents(second));

        var none = await reporter.OpenAsync(own.ReportPath + "?resident=EI-OLE");
        Assert.Contains("Yksikään asumisjakso ei vastaa hakuehtoja", none.Text);
        Assert.Null(none.Document.QuerySelector("main table"));
    }

    [Fact]
    public async Task A_bad_filter_gets_a_message_on_its_field_and_is_not_applied()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var (own, _) = await LargeUnitAsync(w);
        var reporter = await MonitoringWorld.SignedInAsync(app, own.ReporterEmail);

        var page = await reporter.OpenAsync($"{own.ReportPath}?service=XX9&show=later&resident={new string('A', 41)}");
        Assert.Contains("ei ole palvelua", page.ErrorSummary);
        Assert.Contains("Tuntematon koodi", page.ErrorSummary);
        Assert.Contains("Kentässä voi olla enintään 40 merkkiä", page.ErrorSummary);
        Assert.NotNull(page.Document.QuerySelector(".error-summary a[href='#Service']"));
        Assert.Equal("true", page.Document.GetElementById("Resident")?.GetAttribute("aria-invalid"));
        Assert.Equal(50, Residents(page).Length);

        var identifier = await reporter.OpenAsync($"{own.ReportPath}?resident=131052-308T");
        Assert.Contains("henkilötunnukselta", identifier.ErrorSummary);
        Assert.Equal(50, Residents(identifier).Length);

        var swedish = await reporter.OpenAsync($"{own.ReportPath}?service=XX9&culture=sv");
        Assert.Contains("Enheten har ingen tjänst med denna kod", swedish.ErrorSummary);
    }

    [Fact]
    public async Task A_reporter_of_another_unit_finds_nothing_of_the_unit_by_filtering_their_own_report()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var (own, _) = await LargeUnitAsync(w);
        var stranger = await w.OwnUnitAsync();
        var reporter = await MonitoringWorld.SignedInAsync(app, stranger.ReporterEmail);

        var page = await reporter.OpenAsync(stranger.ReportPath + "?resident=TRE-0117");
        Assert.Empty(Residents(page));
        Assert.DoesNotContain("TRE-0117", page.Text);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await reporter.OpenAsync(own.ReportPath + "?resident=TRE-0117")).Status);
    }
}
