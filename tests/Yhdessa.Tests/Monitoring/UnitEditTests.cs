using System.Net;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Tests.Account;

namespace Yhdessa.Tests.Monitoring;

[Collection("Monitoring on SQLite")]
public sealed class MonitoringUnitEditOnSqlite(SqliteApp app) : MonitoringUnitEditTests(app);
[Collection("Monitoring on PostgreSQL")]
public sealed class MonitoringUnitEditOnPostgres(PostgresApp app) : MonitoringUnitEditTests(app);

/// <summary>Coordinators correct units and services after adding them: checked as when added, audited, and a bad
/// form changes nothing. Reporters cannot edit, not even their own unit.</summary>
public abstract class MonitoringUnitEditTests(YhdessaApp app)
{
    private Task<ReportingUnit> UnitAsync(MonitoringWorld w, int id) => w.DbAsync(db => db.ReportingUnits.AsNoTracking().SingleAsync(u => u.Id == id));
    private Task<HousingService> ServiceAsync(MonitoringWorld w, int id) => w.DbAsync(db => db.HousingServices.AsNoTracking().SingleAsync(s => s.Id == id));
    private Task<List<AuditEntry>> AuditAsync(MonitoringWorld w, string action, string subject) =>
        w.DbAsync(db => db.Set<AuditEntry>().AsNoTracking().Where(e => e.Action == action && e.Subject == subject).ToListAsync());

    [Fact]
    public async Task A_coordinator_renames_a_unit_moves_it_to_another_municipality_and_the_region_follows()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var own = await w.OwnUnitAsync(municipality: "837");
        var coordinator = await MonitoringWorld.SignedInAsync(app, w.CoordinatorEmail);
        var name = "Oulun seudun palvelut " + Guid.NewGuid().ToString("N")[..6];

        var details = await coordinator.OpenAsync($"/monitoring/units/{own.Unit}");
        Assert.NotNull(details.Document.QuerySelector($"a[href='/monitoring/units/{own.Unit}/edit']"));
        var form = await coordinator.GetAsync($"/monitoring/units/{own.Unit}/edit");
        Assert.Equal("837", form.QuerySelector("#Input_MunicipalityCode option[selected]")?.GetAttribute("value"));

        var saved = await coordinator.SubmitAsync($"/monitoring/units/{own.Unit}/edit", new()
        { ["Input.Name"] = name, ["Input.Kind"] = "ServiceProvider", ["Input.MunicipalityCode"] = "564" });
        Assert.Equal($"/monitoring/units/{own.Unit}", saved.Path);
        Assert.Contains("Yksikkö tallennettiin", saved.Notice);
        Assert.Equal(name, saved.H1);
        Assert.Contains("Pohjois-Pohjanmaa", saved.Text);
        Assert.Contains("Palveluntuottaja", saved.Text);
        var unit = await UnitAsync(w, own.Unit);
        Assert.Equal((name, UnitKind.ServiceProvider, "564"), (unit.Name, unit.Kind, unit.MunicipalityCode));
        Assert.Equal("Name,Kind,MunicipalityCode", Assert.Single(await AuditAsync(w, "monitoring.unit-changed", $"monitoring-unit:{own.Unit}")).Details);
    }

    [Fact]
    public async Task A_bad_unit_edit_is_refused_with_translated_messages_and_changes_nothing()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var own = await w.OwnUnitAsync();
        var other = await UnitAsync(w, w.UnitA);
        var coordinator = await MonitoringWorld.SignedInAsync(app, w.CoordinatorEmail);
        var before = await UnitAsync(w, own.Unit);
        var path = $"/monitoring/units/{own.Unit}/edit";

        var bad = await coordinator.SubmitAsync(path, new()
        { ["Input.Name"] = "Yhteyshenkilö 131052-308T", ["Input.Kind"] = "City", ["Input.MunicipalityCode"] = "999", ["Input.OrganisationId"] = "x" });
        Assert.Contains("henkilötunnukselta", bad.ErrorSummary);
        Assert.Contains("Tuntematon koodi", bad.ErrorSummary);
        Assert.Contains("Tuntematon kuntakoodi", bad.ErrorSummary);
        Assert.Equal("true", bad.Document.GetElementById("Input_MunicipalityCode")?.GetAttribute("aria-invalid"));
        Assert.NotNull(bad.Document.QuerySelector(".error-summary a[href='#Input_Name']"));

        var tooLong = await coordinator.SubmitAsync(path + "?culture=sv", new()
        { ["Input.Name"] = new string('a', 201), ["Input.Kind"] = "Municipality", ["Input.MunicipalityCode"] = "837" });
        Assert.Contains("Högst 200 tecken", tooLong.ErrorSummary);

        var taken = await coordinator.SubmitAsync(path, new()
        { ["Input.Name"] = other.Name, ["Input.Kind"] = "Municipality", ["Input.MunicipalityCode"] = "837" });
        Assert.Contains("Samanniminen yksikkö on jo olemassa", taken.ErrorSummary);

        var after = await UnitAsync(w, own.Unit);
        Assert.Equal((before.Name, before.Kind, before.MunicipalityCode), (after.Name, after.Kind, after.MunicipalityCode));
        Assert.Empty(await AuditAsync(w, "monitoring.unit-changed", $"monitoring-unit:{own.Unit}"));
    }

    [Fact]
    public async Task A_coordinator_changes_a_services_code_type_and_places_and_its_stays_stay_with_it()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var own = await w.OwnUnitAsync();
        var stay = await w.DbAsync(async db =>
        {
            var s = new Stay(own.Unit, own.Service, "TRE-KOODI-1", new DateOnly(2025, 2, 1), SituationBefore.Homeless, roundId: own.Round);
            db.Stays.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
        var coordinator = await MonitoringWorld.SignedInAsync(app, w.CoordinatorEmail);
        var path = $"/monitoring/units/{own.Unit}/services/{own.Service}";

        var details = await coordinator.OpenAsync($"/monitoring/units/{own.Unit}");
        Assert.Equal("Muokkaa palvelua HF1", details.Document.QuerySelector($"a[href='{path}']")?.GetAttribute("aria-label"));
        var form = await coordinator.OpenAsync(path);
        Assert.Contains("rivit, joilla on vanha tunnus HF1, hylätään", form.Document.GetElementById("code-hint")?.TextContent);
        Assert.Contains("Palvelun jo ilmoitetut asumisjaksot (1)", form.Text);
        Assert.Equal("HF1", form.Document.GetElementById("Input_Code")?.GetAttribute("value"));

        var saved = await coordinator.SubmitAsync(path, new()
        { ["Input.Code"] = "HF9", ["Input.Name"] = "Tuettu asuminen Hervanta", ["Input.Type"] = "SupportedHousing", ["Input.MunicipalityCode"] = "536", ["Input.Places"] = "0" });
        Assert.Equal($"/monitoring/units/{own.Unit}", saved.Path);
        Assert.Contains("Asumispalvelu tallennettiin", saved.Notice);
        Assert.Contains("Tuettu asuminen Hervanta", saved.Text);
        Assert.Contains("Nokia", saved.Text);
        var service = await ServiceAsync(w, own.Service);
        Assert.Equal(("HF9", ServiceType.SupportedHousing, "536", 0), (service.Code, service.Type, service.MunicipalityCode, service.Places));
        Assert.Equal(own.Service, (await w.StayAsync(stay)).ServiceId);
        var entry = Assert.Single(await AuditAsync(w, "monitoring.service-changed", $"monitoring-service:{own.Service}"));
        Assert.Contains("Code HF1->HF9", entry.Details);

        // The unit's report form offers the service by its new code.
        var reporter = await MonitoringWorld.SignedInAsync(app, own.ReporterEmail);
        var stayForm = await reporter.GetAsync(own.ReportPath + "/stays/new");
        Assert.NotNull(stayForm.QuerySelector("#Input_ServiceCode option[value=HF9]"));
    }

    [Fact]
    public async Task A_bad_service_edit_is_refused_and_changes_nothing_and_a_code_is_unique_in_the_unit_whatever_its_case()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var own = await w.OwnUnitAsync();
        await w.DbAsync(async db =>
        {
            db.HousingServices.Add(new HousingService { UnitId = own.Unit, Code = "TUE2", Name = "Toinen", MunicipalityCode = "837", Type = ServiceType.Other, Places = 5 });
            return await db.SaveChangesAsync();
        });
        var coordinator = await MonitoringWorld.SignedInAsync(app, w.CoordinatorEmail);
        var before = await ServiceAsync(w, own.Service);
        var path = $"/monitoring/units/{own.Unit}/services/{own.Service}";

        var bad = await coordinator.SubmitAsync(path, new()
        { ["Input.Code"] = "A B", ["Input.Name"] = "Puh. 040 123 4567", ["Input.Type"] = "Tent", ["Input.MunicipalityCode"] = "999", ["Input.Places"] = "-1" });
        Assert.Contains("Palvelun tunnus saa sisältää vain", bad.ErrorSummary);
        Assert.Contains("puhelinnumerolta", bad.ErrorSummary);
        Assert.Contains("Tuntematon koodi", bad.ErrorSummary);
        Assert.Contains("Tuntematon kuntakoodi", bad.ErrorSummary);
        Assert.Contains("kokonaisluku", bad.ErrorSummary);
        Assert.Equal(5, bad.Document.QuerySelectorAll(".error-summary li").Length);

        var overlong = await coordinator.SubmitAsync(path + "?culture=en", new()
        { ["Input.Code"] = new string('X', 21), ["Input.Name"] = new string('n', 201), ["Input.Type"] = "Other", ["Input.MunicipalityCode"] = "837", ["Input.Places"] = "100001" });
        Assert.Equal(3, overlong.Document.QuerySelectorAll(".error-summary li").Length);
        Assert.Contains("At most 20 characters", overlong.ErrorSummary);

        var taken = await coordinator.SubmitAsync(path, new()
        { ["Input.Code"] = "tue2", ["Input.Name"] = "Palvelu", ["Input.Type"] = "Other", ["Input.MunicipalityCode"] = "837", ["Input.Places"] = "5" });
        Assert.Contains("jo palvelu tällä tunnuksella", taken.ErrorSummary);

        var after = await ServiceAsync(w, own.Service);
        Assert.Equal((before.Code, before.Name, before.Type, before.MunicipalityCode, before.Places), (after.Code, after.Name, after.Type, after.MunicipalityCode, after.Places));
        Assert.Empty(await AuditAsync(w, "monitoring.service-changed", $"monitoring-service:{own.Service}"));
    }

    [Fact]
    public async Task A_reporter_cannot_edit_their_own_unit_or_its_services_and_a_service_of_another_unit_is_not_found()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var own = await w.OwnUnitAsync();
        var reporter = await MonitoringWorld.SignedInAsync(app, own.ReporterEmail);
        var before = await UnitAsync(w, own.Unit);

        var details = await reporter.OpenAsync($"/monitoring/units/{own.Unit}");
        Assert.Null(details.Document.QuerySelector("a[href$='/edit']"));
        foreach (var url in new[] { $"/monitoring/units/{own.Unit}/edit", $"/monitoring/units/{own.Unit}/services/{own.Service}" })
        {
            var page = await reporter.OpenAsync(url);
            Assert.True(page.Path.StartsWith("/account/access-denied") || page.Status == HttpStatusCode.Forbidden, $"{url}: {page.Status} {page.Path}");
            var token = (await reporter.GetAsync(own.ReportPath)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var post = await reporter.PostAsync(url, [new("__RequestVerificationToken", token), new("Input.Name", "Kaapattu"), new("Input.Code", "X1"),
                new("Input.Kind", "Municipality"), new("Input.Type", "Other"), new("Input.MunicipalityCode", "837"), new("Input.Places", "1")]);
            Assert.True(post.Path.StartsWith("/account/access-denied") || post.Status == HttpStatusCode.Forbidden, $"POST {url}: {post.Status} {post.Path}");
        }
        Assert.Equal(before.Name, (await UnitAsync(w, own.Unit)).Name);
        Assert.Equal("HF1", (await ServiceAsync(w, own.Service)).Code);

        var coordinator = await MonitoringWorld.SignedInAsync(app, w.CoordinatorEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.OpenAsync($"/monitoring/units/{own.Unit}/services/{w.ServiceA}")).Status);
    }
}
