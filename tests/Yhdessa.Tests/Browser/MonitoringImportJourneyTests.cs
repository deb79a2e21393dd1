using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Tests.Browser;

// SQLite only: what a page shows and does is the same on both engines, which the HTTP tests of each feature prove.
/// <summary>
/// The journey of issue 5: a reporter imports a file with errors, reads the report (a table, by row and column),
/// fixes the file, imports it and submits; a coordinator returns the report with a comment, which the reporter
/// reads. Every page on the way passes axe.
/// </summary>
public sealed class MonitoringImportJourneyTests(SqliteBrowserApp browser) : IClassFixture<SqliteBrowserApp>
{
    private const string Password = "neljä sinistä lintua oksalla";

    private sealed record Journey(string Reporter, string ReporterKey, string Coordinator, string CoordinatorKey, int RoundId, int UnitId, string UnitName);

    /// <summary>A person with two-step sign-in, as roles that see micro-data must have; returns the authenticator key.</summary>
    private static async Task<string> PersonAsync(IServiceProvider services, string email, string role)
    {
        var users = services.GetRequiredService<UserManager<User>>();
        var user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Testi", CreatedAt = DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRolesAsync(user, [Roles.Member, role]);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    /// <summary>A reporter of a new unit with one service, a coordinator, and one open round the unit reports stays in.</summary>
    private async Task<Journey> JourneyAsync()
    {
        var key = Guid.NewGuid().ToString("N")[..6];
        using var scope = browser.Services.CreateScope();
        var reporter = $"raportoija.{key}@example.org";
        var coordinator = $"koordinaattori.{key}@example.org";
        var reporterKey = await PersonAsync(scope.ServiceProvider, reporter, Roles.Reporter);
        var coordinatorKey = await PersonAsync(scope.ServiceProvider, coordinator, Roles.Coordinator);
        var db = scope.ServiceProvider.GetRequiredService<YhdessaDb>();
        var unit = new ReportingUnit { Name = "Selainkaupunki " + key, Kind = UnitKind.Municipality, MunicipalityCode = "837", CreatedAt = DateTimeOffset.UtcNow };
        var round = new CollectionRound
        {
            Name = "Selainkierros " + key, Period = "2025", Start = new DateOnly(2025, 1, 1), End = new DateOnly(2025, 12, 31),
            Deadline = DateOnly.FromDateTime(DateTime.Today).AddDays(30), CreatedAt = DateTimeOffset.UtcNow,
        };
        db.AddRange(unit, round);
        await db.SaveChangesAsync();
        var userId = (await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByEmailAsync(reporter))!.Id;
        db.HousingServices.Add(new HousingService { UnitId = unit.Id, Code = "HF1", Name = "Asunto ensin", MunicipalityCode = "837", Type = ServiceType.HousingFirstCongregate, Places = 30 });
        db.ReportingUnitReporters.Add(new ReportingUnitReporter { UnitId = unit.Id, UserId = userId, Since = DateTimeOffset.UtcNow });
        db.RoundUnits.Add(new RoundUnit { RoundId = round.Id, UnitId = unit.Id, Method = ReportingMethod.Stays, UpdatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return new Journey(reporter, reporterKey, coordinator, coordinatorKey, round.Id, unit.Id, unit.Name);
    }

    // The sign-in steps wait for the next address only, not for its page's load event: twice in whole runs a load
    // event was never reported although the page had loaded (Playwright logged "NetworkIdle" fired), and the next
    // step waits for what it needs anyway.
    [Theory]
    [InlineData("fi", "Tarkista ja tuo", "Rivi 3, sarake Päättymispäivä")]
    [InlineData("sv", "Kontrollera och importera", "Rad 3, kolumn Päättymispäivä")]
    [InlineData("en", "Check and import", "Row 3, column Päättymispäivä")]
    public async Task The_import_page_and_its_report_pass_axe_in_every_language(string language, string button, string where)
    {
        var journey = await JourneyAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/language?to={language}&returnUrl=/");
        await page.SignInAsync(journey.Reporter, Password, journey.ReporterKey);
        await page.GotoAsync("/monitoring/import");
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        await Axe.AssertNoViolationsAsync(page);

        var file = Path.Combine(Path.GetTempPath(), $"jaksot-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "Palvelu;Asukastunnus;Muuttopäivä;Tilanne ennen muuttoa;Päättymispäivä;Sijoittuminen\r\n" +
            "HF1;a-1;1.2.2025;LongTermHomeless;;\r\nHF1;a-2;1.3.2025;Homeless;1.2.2025;Died\r\n");
        await page.Locator("input[type=file]").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync(where);
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        await Axe.AssertNoViolationsAsync(page);
        File.Delete(file);
    }

    [Fact]
    public async Task A_reporter_imports_a_file_with_errors_fixes_it_and_submits_and_a_coordinator_returns_it_with_a_comment()
    {
        var journey = await JourneyAsync();
        var page = await browser.NewPageAsync();
        await page.SignInAsync(journey.Reporter, Password, journey.ReporterKey);

        await page.GotoAsync("/monitoring/import");
        await Axe.AssertNoViolationsAsync(page);
        var file = Path.Combine(Path.GetTempPath(), $"jaksot-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "Palvelu;Asukastunnus;Muuttopäivä;Tilanne ennen muuttoa;Päättymispäivä;Sijoittuminen\r\n" +
            "HF1;a-1;1.2.2025;LongTermHomeless;;\r\nHF1;a-2;1.3.2025;Homeless;1.2.2025;Died\r\n");
        // The unit and the round are preselected when there is only one of each.
        await page.GetByLabel("Tiedosto", new() { Exact = true }).SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tarkista ja tuo" }).ClickAsync();

        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Rivi 3, sarake Päättymispäivä");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Mitään ei tallennettu");
        // A refused file's report has the red edge of a problem, not the green one of a success.
        Assert.Equal("rgb(176, 0, 32)", await EdgeColourAsync(page.Locator("section[aria-labelledby=report-title]")));
        await Axe.AssertNoViolationsAsync(page);

        await File.WriteAllTextAsync(file, "Palvelu;Asukastunnus;Muuttopäivä;Tilanne ennen muuttoa;Päättymispäivä;Sijoittuminen\r\n" +
            "HF1;a-1;1.2.2025;LongTermHomeless;;\r\nHF1;a-2;1.3.2025;Homeless;1.4.2025;Died\r\n");
        await page.GetByLabel("Tiedosto", new() { Exact = true }).SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tarkista ja tuo" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status].notice")).ToContainTextAsync("Uusia jaksoja: 2");
        Assert.Equal("rgb(30, 107, 53)", await EdgeColourAsync(page.Locator("[role=status].notice")));
        await Assertions.Expect(page.Locator("table")).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(page);
        File.Delete(file);

        // The reporter submits; a coordinator returns the report with a comment, which the reporter then reads.
        var report = $"/monitoring/report/{journey.RoundId}/{journey.UnitId}";
        await page.GotoAsync(report);
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lähetä raportti" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status].notice")).ToContainTextAsync("Raportti lähetettiin koordinaattorille.");

        var coordinator = await browser.NewPageAsync();
        await coordinator.SignInAsync(journey.Coordinator, Password, journey.CoordinatorKey);
        await coordinator.GotoAsync($"/monitoring/rounds/{journey.RoundId}");
        await Axe.AssertNoViolationsAsync(coordinator);
        await coordinator.GetByLabel($"Mitä yksikön {journey.UnitName} pitää korjata?").FillAsync("Tarkistakaa rivin 3 päättymispäivä.");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = $"Palauta korjattavaksi {journey.UnitName}" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("[role=status].notice")).ToContainTextAsync("palautettiin korjattavaksi");
        await Axe.AssertNoViolationsAsync(coordinator);

        await page.GotoAsync(report);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Tarkistakaa rivin 3 päättymispäivä.");
        await Axe.AssertNoViolationsAsync(page);
    }

    private static Task<string> EdgeColourAsync(ILocator box) => box.EvaluateAsync<string>("e => getComputedStyle(e).borderLeftColor");
}
