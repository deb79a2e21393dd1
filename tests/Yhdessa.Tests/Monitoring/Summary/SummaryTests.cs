using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Monitoring.Dashboards;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Monitoring.Summary;
using Yhdessa.Platform.Data;
using Yhdessa.Tests.Network;

namespace Yhdessa.Tests.Monitoring.Summary;

[Collection("Monitoring on SQLite")]
public sealed class SummaryOnSqlite(SqliteApp app) : SummaryTests(app);
[Collection("Monitoring on PostgreSQL")]
public sealed class SummaryOnPostgres(PostgresApp app) : SummaryTests(app);

/// <summary>
/// The dashboards read stays through the summary; these tests hold its figures against a plain computation from the
/// stays (<see cref="DirectFigures"/>) over a generated data set, and check that a change of any kind reaches it.
/// </summary>
public abstract class SummaryTests
{
    private readonly WebApplicationFactory<Program> host;
    private readonly SummaryTestData data;

    protected SummaryTests(YhdessaApp app)
    {
        host = NetworkTestHost.For(app);
        data = Seeded.GetOrAdd(app, _ => SummaryTestData.SeedAsync(host).GetAwaiter().GetResult());
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<YhdessaApp, SummaryTestData> Seeded = new();

    private async Task<DashboardFigures> FiguresAsync(DashboardScope scope)
    {
        host.Services.GetRequiredService<DashboardCache>().Changed(); // the figures of now, not of a kept dashboard
        using var services = host.Services.CreateScope();
        return await services.ServiceProvider.GetRequiredService<DashboardQuery>().ComputeAsync(scope, default);
    }

    public static TheoryData<string> Scopes => ["nation", "municipality", "unit", "type", "region"];

    private DashboardScope ScopeOf(string name)
    {
        int from = data.FirstYear, to = DateTime.UtcNow.Year;
        return name switch
        {
            "nation" => new(ScopeKind.Nation, null, null, null, null, from, to),
            "municipality" => new(ScopeKind.Municipality, null, SummaryTestData.SecondMunicipality, null, null, from, to),
            "unit" => new(ScopeKind.Unit, null, null, data.Provider, null, from, to),
            "type" => new(ScopeKind.Nation, null, null, null, ServiceType.HousingFirstCongregate, from, to),
            _ => new(ScopeKind.Region, "Keski-Suomi", null, null, null, from, to),
        };
    }

    [Theory]
    [MemberData(nameof(Scopes))]
    public async Task Every_figure_equals_a_direct_computation_from_the_stays(string scopeName)
    {
        var scope = ScopeOf(scopeName);
        var figures = await FiguresAsync(scope);
        var expected = await host.WithDbAsync(db => DirectFigures.ComputeAsync(db, scope, DateOnly.FromDateTime(DateTime.UtcNow)));

        Assert.True(expected.MovesIn.Cast<int>().Sum() > 50, "the data set is big enough to mean something");
        Assert.Equal(expected.MovesIn, figures.MovesIn);
        Assert.Equal(expected.EndedByGroup, figures.EndedByGroup);
        Assert.Equal(expected.EndedByDirection, figures.EndedByDirection);
        Assert.Equal(expected.OngoingAtEnd, figures.OngoingAtEnd);
        Assert.Equal(expected.Retention, figures.Retention);
        Assert.Equal(expected.Returns, figures.Returns);
        Assert.Equal(expected.MedianLength, figures.MedianLength);
    }

    [Fact]
    public async Task The_data_set_has_returns_aggregate_years_and_cohorts_too_recent_to_follow()
    {
        var figures = await FiguresAsync(ScopeOf("nation"));
        var thisYear = figures.Years.Length - 1;

        Assert.Contains(figures.Methods, m => m.Method == ReportingMethod.Aggregate);
        Assert.True(Enumerable.Range(0, thisYear).Sum(y => figures.Returns[y, 2].Hits) > 0);
        // This year's move-ins cannot be followed 24 months yet, last year's only in part.
        Assert.Equal(0, figures.Retention[thisYear, 2].Base);
        Assert.True(figures.Retention[thisYear - 2, 0].Base > figures.Retention[thisYear - 2, 2].Base);
    }

    [Fact]
    public async Task A_deleted_stay_leaves_the_figures_once_the_dashboards_are_told()
    {
        var scope = ScopeOf("unit") with { From = 2015, To = 2015 };
        var (unit, service) = (data.Provider, data.ProviderServices[0]);
        var stayId = await host.WithDbAsync(async db =>
        {
            var stay = new Stay(unit, service, "SUM-DEL-1", new(2015, 5, 1), SituationBefore.Homeless, new(2015, 6, 1), Destination.Unknown)
            { UpdatedAt = DateTimeOffset.UtcNow };
            db.Add(stay);
            await db.SaveChangesAsync();
            return stay.Id;
        });
        Assert.Equal(1, (await FiguresAsync(scope)).MovesIn.Cast<int>().Sum());

        // A deletion leaves no newer UpdatedAt behind: the count tells.
        await host.WithDbAsync(db => db.Stays.Where(s => s.Id == stayId).ExecuteDeleteAsync());
        Assert.Equal(0, (await FiguresAsync(scope)).MovesIn.Cast<int>().Sum());
        Assert.Equal((0, null), (await FiguresAsync(scope)).MedianLength[0]);
    }

    [Fact]
    public async Task The_check_rebuilds_only_the_units_whose_stays_changed()
    {
        using var services = host.Services.CreateScope();
        var maintenance = services.ServiceProvider.GetRequiredService<SummaryMaintenance>();
        await maintenance.RebuildStaleUnitsAsync(default);
        Assert.Empty(await maintenance.RebuildStaleUnitsAsync(default));

        // Changed behind the app's back (another instance, a script): the stamp no longer matches.
        await host.WithDbAsync(async db =>
        {
            var stay = await db.Stays.OrderBy(s => s.Id).FirstAsync(s => s.UnitId == data.City);
            stay.UpdatedAt = DateTimeOffset.UtcNow.AddSeconds(1);
            await db.SaveChangesAsync();
        });
        Assert.Equal([data.City], await maintenance.RebuildStaleUnitsAsync(default));
        Assert.Empty(await maintenance.RebuildStaleUnitsAsync(default));
    }
}
