using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Tests.Monitoring;

[Collection("Monitoring with demo content on SQLite")]
public sealed class MonitoringUnitsDemoOnSqlite(DemoSqliteApp app) : MonitoringUnitsDemoTests(app);
[Collection("Monitoring with demo content on PostgreSQL")]
public sealed class MonitoringUnitsDemoOnPostgres(DemoPostgresApp app) : MonitoringUnitsDemoTests(app);

/// <summary>A newcomer's first run: reporting units for the programme cities with services, the demo reporter in Helsinki.</summary>
public abstract class MonitoringUnitsDemoTests(YhdessaApp app)
{
    [Fact]
    public async Task Demo_cities_report_with_services_and_the_demo_reporter_belongs_to_Helsinki()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<YhdessaDb>();

        var units = await db.ReportingUnits.AsNoTracking().ToListAsync();
        Assert.Superset(new HashSet<string> { "091", "049", "092", "837", "853" }, units.Select(u => u.MunicipalityCode).ToHashSet());
        Assert.All(units, u => Assert.True(db.HousingServices.Any(s => s.UnitId == u.Id), u.Name));
        Assert.Contains(units, u => u.Kind == UnitKind.ServiceProvider && u.OrganisationId != null);
        var reporterUnits = await (from r in db.ReportingUnitReporters
                                   join u in db.Users on r.UserId equals u.Id
                                   join unit in db.ReportingUnits on r.UnitId equals unit.Id
                                   where u.Email == DemoAccounts.Reporter
                                   select unit.MunicipalityCode).ToListAsync();
        Assert.Equal(["091"], reporterUnits);
    }
}
