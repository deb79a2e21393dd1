using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Monitoring.Dashboards;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Monitoring.Demo;
using Yhdessa.Platform.Data;
using Yhdessa.Tests.Network;

namespace Yhdessa.Tests.Monitoring;

public sealed class DemoFiguresOnSqlite(SqliteApp app) : DemoFiguresTests(app), IClassFixture<SqliteApp>;
public sealed class DemoFiguresOnPostgres(PostgresApp app) : DemoFiguresTests(app), IClassFixture<PostgresApp>;

public abstract class DemoFiguresTests(YhdessaApp app)
{
    [Fact]
    public async Task The_demo_makes_the_dashboard_alive_with_both_ways_of_reporting_and_an_open_round()
    {
        var host = NetworkTestHost.For(app);
        using (var scope = host.Services.CreateScope())
        {
            var demo = scope.ServiceProvider.GetServices<IDemoData>().OfType<MonitoringDemoData>().Single();
            await demo.SeedAsync(default);
            await demo.SeedAsync(default); // a second run adds nothing
        }

        var (stays, open, closed) = await host.WithDbAsync(async db => (await db.Stays.CountAsync(),
            await db.CollectionRounds.CountAsync(r => !r.Closed), await db.CollectionRounds.CountAsync(r => r.Closed)));
        Assert.InRange(stays, 2000, 10000);
        Assert.Equal(1, open);
        Assert.Equal(5, closed);

        var year = DateTime.UtcNow.Year;
        using var services = host.Services.CreateScope();
        var figures = await services.ServiceProvider.GetRequiredService<DashboardQuery>()
            .ComputeAsync(new DashboardScope(ScopeKind.Nation, null, null, null, null, year - 5, year - 1), default);
        for (var y = 0; y < 5; y++)
        {
            Assert.True(figures.MovesIn[y, (int)ServiceType.ScatteredWithSupport] > 50);
            Assert.True(figures.MovesIn[y, (int)ServiceType.SupportedHousing] > 0); // only the provider's counts
        }
        Assert.Contains(figures.Methods, m => m.Method == ReportingMethod.Aggregate);
        Assert.True(figures.Returns[0, 2].Hits > 0);

        var member = await host.CreateUserAsync("Jäsen");
        var page = new HtmlParser().ParseDocument(await host.Client(member).GetStringAsync("/monitoring/dashboards"));
        Assert.Equal(8, page.QuerySelectorAll("table.statistics").Length);
        Assert.Equal(3, page.QuerySelectorAll("figure.chart svg[role=img]").Length);
    }

    [Fact]
    public async Task The_demos_open_round_has_every_status_of_the_flow_each_report_shows_how_it_got_there_and_late_units_are_marked()
    {
        var host = NetworkTestHost.For(app);
        using (var scope = host.Services.CreateScope())
            await scope.ServiceProvider.GetServices<IDemoData>().OfType<MonitoringDemoData>().Single().SeedAsync(default);
        var (round, reports) = await host.WithDbAsync(async db =>
        {
            var open = await db.CollectionRounds.SingleAsync(r => !r.Closed);
            return (open, await db.RoundUnits.Where(u => u.RoundId == open.Id).ToListAsync());
        });
        Assert.Equal(Enum.GetValues<RoundStatus>().Order(), reports.Select(r => r.Status).Distinct().Order());

        var coordinator = await host.CreateUserAsync("Koordinaattori", Yhdessa.Platform.Identity.Roles.Coordinator);
        using (var scope = host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Yhdessa.Platform.Identity.User>>();
            await users.SetTwoFactorEnabledAsync((await users.FindByIdAsync(coordinator))!, true);
        }
        var resubmitted = reports.Single(r => r.Status == RoundStatus.Resubmitted);
        var page = new HtmlParser().ParseDocument(await host.Client(coordinator)
            .GetStringAsync($"/monitoring/report/{round.Id}/{resubmitted.UnitId}?culture=en"));
        var history = page.QuerySelectorAll("h2").Single(h => h.TextContent == "History").NextElementSibling!.QuerySelectorAll("li")
            .Select(li => li.TextContent[(li.TextContent.IndexOf(": ") + 2)..]).ToList();
        Assert.Equal(["Not started", "In progress", "Submitted", "Returned for correction — Tarkistakaa päättymispäivät, kiitos.", "Resubmitted"], history);

        // The deadline has passed: the units whose report is not with the coordinator are marked late.
        var details = new HtmlParser().ParseDocument(await host.Client(coordinator).GetStringAsync($"/monitoring/rounds/{round.Id}?culture=en"));
        var late = details.QuerySelectorAll("tbody tr").Where(r => r.QuerySelector("strong.tag")?.TextContent == "Late").Count();
        Assert.Equal(reports.Count(r => r.Status is RoundStatus.NotStarted or RoundStatus.InProgress or RoundStatus.Returned), late);
        Assert.True(late > 0);
        // The unit's own report says it too.
        var returned = reports.Single(r => r.Status == RoundStatus.Returned);
        var report = new HtmlParser().ParseDocument(await host.Client(coordinator).GetStringAsync($"/monitoring/report/{round.Id}/{returned.UnitId}?culture=en"));
        Assert.Equal(["Returned for correction", "Late"], report.QuerySelectorAll("dl.facts .tag").Select(t => t.TextContent));
    }
}
