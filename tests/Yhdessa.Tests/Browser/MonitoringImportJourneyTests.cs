using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Support;

namespace Yhdessa.Tests.Browser;

public sealed class MonitoringImportJourneyOnSqlite(SqliteBrowserApp browser) : MonitoringImportJourneyTests(browser), IClassFixture<SqliteBrowserApp>;
public sealed class MonitoringImportJourneyOnPostgres(PostgresBrowserApp browser) : MonitoringImportJourneyTests(browser), IClassFixture<PostgresBrowserApp>;

/// <summary>
/// A reporter imports a file with errors, reads the report (a table, by row and column), fixes the file and
/// imports it again; every page on the way passes axe.
/// </summary>
public abstract class MonitoringImportJourneyTests(BrowserApp browser)
{
    private const string Password = "neljä sinistä lintua oksalla";

    /// <summary>A reporter of a new unit with one service and one open round; with two-step sign-in, as roles that
    /// see micro-data must have. Returns the email and the authenticator key.</summary>
    private async Task<(string Email, string Key)> ReporterAsync()
    {
        var email = $"raportoija.{Guid.NewGuid():N}@example.org";
        using var scope = browser.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Testi", CreatedAt = DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRolesAsync(user, [Roles.Member, Roles.Reporter]);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        var db = scope.ServiceProvider.GetRequiredService<YhdessaDb>();
        var unit = new ReportingUnit { Name = "Selainkaupunki " + email[11..17], Kind = UnitKind.Municipality, MunicipalityCode = "837", CreatedAt = DateTimeOffset.UtcNow };
        var round = new CollectionRound
        {
            Name = "Selainkierros " + email[11..17], Period = "2025", Start = new DateOnly(2025, 1, 1), End = new DateOnly(2025, 12, 31),
            Deadline = DateOnly.FromDateTime(DateTime.Today).AddDays(30), CreatedAt = DateTimeOffset.UtcNow,
        };
        db.AddRange(unit, round);
        await db.SaveChangesAsync();
        db.HousingServices.Add(new HousingService { UnitId = unit.Id, Code = "HF1", Name = "Asunto ensin", MunicipalityCode = "837", Type = ServiceType.HousingFirstCongregate, Places = 30 });
        db.ReportingUnitReporters.Add(new ReportingUnitReporter { UnitId = unit.Id, UserId = user.Id, Since = DateTimeOffset.UtcNow });
        db.RoundUnits.Add(new RoundUnit { RoundId = round.Id, UnitId = unit.Id, Method = ReportingMethod.Stays, UpdatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return (email, key);
    }

    [Fact]
    public async Task A_reporter_imports_a_file_with_errors_reads_the_report_fixes_it_and_imports_it()
    {
        var page = await browser.NewPageAsync();
        var (email, key) = await ReporterAsync();
        await page.GotoAsync("/account/sign-in");
        await page.Locator("input[type=email]").FillAsync(email);
        await page.Locator("input[type=password]").FillAsync(Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/sign-in/two-factor"));
        await page.Locator("input[name=Code]").FillAsync(Yhdessa.Tests.Account.Totp.Code(key, DateTimeOffset.UtcNow));
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in"));

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
        await Axe.AssertNoViolationsAsync(page);

        await File.WriteAllTextAsync(file, "Palvelu;Asukastunnus;Muuttopäivä;Tilanne ennen muuttoa;Päättymispäivä;Sijoittuminen\r\n" +
            "HF1;a-1;1.2.2025;LongTermHomeless;;\r\nHF1;a-2;1.3.2025;Homeless;1.4.2025;Died\r\n");
        await page.GetByLabel("Tiedosto", new() { Exact = true }).SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tarkista ja tuo" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("2 uutta jaksoa");
        await Assertions.Expect(page.Locator("table")).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(page);
        File.Delete(file);
    }
}
