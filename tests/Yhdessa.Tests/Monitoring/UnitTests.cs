using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Account;

namespace Yhdessa.Tests.Monitoring;

[Collection("Monitoring on SQLite")]
public sealed class MonitoringUnitsOnSqlite(SqliteApp app) : MonitoringUnitTests(app);
[Collection("Monitoring on PostgreSQL")]
public sealed class MonitoringUnitsOnPostgres(PostgresApp app) : MonitoringUnitTests(app);

/// <summary>Coordinators' pages for reporting units, their services and reporters.</summary>
public abstract class MonitoringUnitTests(YhdessaApp app)
{
    [Fact]
    public async Task A_coordinator_creates_a_unit_with_a_service_and_its_region_follows_from_the_municipality()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var coordinator = await MonitoringWorld.SignedInAsync(app, w.CoordinatorEmail);
        var name = "Oulun kaupunki " + Guid.NewGuid().ToString("N")[..6];

        var unitPage = await coordinator.SubmitAsync("/monitoring/units/new", new()
        { ["Input.Name"] = name, ["Input.Kind"] = "Municipality", ["Input.MunicipalityCode"] = "564" });
        Assert.Equal(name, unitPage.H1);
        Assert.Contains("Pohjois-Pohjanmaa", unitPage.Text);

        var servicePage = await coordinator.SubmitAsync(unitPage.Path + "/services/new", new()
        { ["Input.Code"] = "OU1", ["Input.Name"] = "Asunto ensin Oulu", ["Input.Type"] = "SupportedHousing", ["Input.MunicipalityCode"] = "564", ["Input.Places"] = "25" });
        Assert.Equal(unitPage.Path, servicePage.Path);
        Assert.Contains("Asunto ensin Oulu", servicePage.Text);
        Assert.Contains("Tuettu asuminen", servicePage.Text);

        var again = await coordinator.SubmitAsync(unitPage.Path + "/services/new", new()
        { ["Input.Code"] = "OU1", ["Input.Name"] = "Toinen", ["Input.Type"] = "Other", ["Input.MunicipalityCode"] = "564", ["Input.Places"] = "5" });
        Assert.Contains("jo palvelu tällä tunnuksella", again.ErrorSummary);
    }

    [Fact]
    public async Task Bad_unit_and_service_forms_are_refused_and_save_nothing()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var coordinator = await MonitoringWorld.SignedInAsync(app, w.CoordinatorEmail);
        var units = await w.DbAsync(db => db.ReportingUnits.CountAsync());

        var unit = await coordinator.SubmitAsync("/monitoring/units/new", new()
        { ["Input.Name"] = "matti@example.fi", ["Input.Kind"] = "City", ["Input.MunicipalityCode"] = "999" });
        Assert.Contains("sähköpostiosoitteelta", unit.ErrorSummary);
        Assert.Contains("Tuntematon koodi", unit.ErrorSummary);
        Assert.Contains("Tuntematon kuntakoodi", unit.ErrorSummary);
        Assert.Equal(units, await w.DbAsync(db => db.ReportingUnits.CountAsync()));

        var services = await w.DbAsync(db => db.HousingServices.CountAsync());
        var service = await coordinator.SubmitAsync($"/monitoring/units/{w.UnitA}/services/new", new()
        { ["Input.Code"] = "A B", ["Input.Name"] = "Puh. 09 123 4567", ["Input.Type"] = "", ["Input.Places"] = "-3" });
        Assert.Contains("Palvelun tunnus saa sisältää vain", service.ErrorSummary);
        Assert.Contains("puhelinnumerolta", service.ErrorSummary);
        Assert.Contains("Pakollinen", service.ErrorSummary);
        Assert.Contains("kokonaisluku", service.ErrorSummary);
        Assert.Equal(services, await w.DbAsync(db => db.HousingServices.CountAsync()));
    }

    [Fact]
    public async Task A_reporter_is_linked_by_the_email_of_an_existing_account_and_gets_the_role()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var own = await w.OwnUnitAsync();
        var coordinator = await MonitoringWorld.SignedInAsync(app, w.CoordinatorEmail);
        var email = $"uusi-raportoija-{Guid.NewGuid():N}@example.fi";
        await app.CreateUserAsync(email, MonitoringWorld.Password, Roles.Member);
        var page = $"/monitoring/units/{own.Unit}/reporters";

        var unknown = await coordinator.SubmitAsync(page, new() { ["ReporterEmail"] = "ei-ole@example.fi" }, "main form.stacked");
        Assert.Contains("Tällä osoitteella ei ole tiliä", unknown.ErrorSummary);

        var linked = await coordinator.SubmitAsync(page, new() { ["ReporterEmail"] = email }, "main form.stacked");
        Assert.Contains("liitettiin yksikön raportoijaksi", linked.Notice);
        Assert.Contains(email, linked.Text);
        var isReporter = await app.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            return await users.IsInRoleAsync((await users.FindByEmailAsync(email))!, Roles.Reporter);
        });
        Assert.True(isReporter);

        var removed = await coordinator.SubmitAsync(page, [], "form[action*=Remove]");
        Assert.Contains("poistettiin", removed.Notice);
        Assert.Equal(1, await w.DbAsync(db => db.ReportingUnitReporters.CountAsync(r => r.UnitId == own.Unit)));
    }

    [Fact]
    public async Task A_reporter_downloads_their_monitoring_links_and_erasing_the_account_keeps_the_history_without_them()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var own = await w.OwnUnitAsync();
        var reporter = await MonitoringWorld.SignedInAsync(app, own.ReporterEmail);
        await reporter.SubmitAsync(own.ReportPath, []);
        var unitName = await w.DbAsync(db => db.ReportingUnits.Where(u => u.Id == own.Unit).Select(u => u.Name).SingleAsync());

        var export = await reporter.Client.GetStringAsync("/account/my-data");
        Assert.Contains("\"monitoring\"", export);
        Assert.Contains(unitName, export);
        Assert.Contains("Submitted", export);

        var deleted = await reporter.SubmitAsync("/account/delete", new() { ["Password"] = MonitoringWorld.Password });
        Assert.Equal("/", deleted.Path);
        Assert.False(await w.DbAsync(db => db.ReportingUnitReporters.AnyAsync(r => r.UnitId == own.Unit)));
        var history = await w.DbAsync(db => db.RoundUnitEvents.AsNoTracking().Where(e => e.RoundId == own.Round && e.UnitId == own.Unit).ToListAsync());
        Assert.Equal(RoundStatus.Submitted, Assert.Single(history).Status);
        Assert.Null(history[0].ActorId);
    }
}
