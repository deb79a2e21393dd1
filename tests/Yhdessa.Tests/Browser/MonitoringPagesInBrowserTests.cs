using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Account;

namespace Yhdessa.Tests.Browser;

/// <summary>
/// Every monitoring page in Finnish, checked by axe-core (WCAG 2.1 A and AA), as a coordinator with two-step
/// sign-in sees them — with data in them, and the forms also with their errors showing. SQLite only: the pages
/// are the same on both engines (the import journey runs in the browser on both). Swedish and English: the site
/// sweep runs axe on every monitoring page the demo's reporter and coordinator reach, half in each language.
/// </summary>
[RunsLong(30)]
public sealed class MonitoringPagesInBrowserTests(SqliteBrowserApp browser) : IClassFixture<SqliteBrowserApp>
{
    private const string Password = "seurannan salasana talvella";

    private sealed record Data(int Unit, int AggregateUnit, int Round, int Service, int Stay, string Email, string Key);

    private static Data? data;

    private async Task<Data> DataAsync()
    {
        if (data is not null) return data;
        using var scope = browser.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<YhdessaDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var email = $"koordinaattori-{Guid.NewGuid():N}@example.fi";
        var user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Koordinaattori", CreatedAt = DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRolesAsync(user, [Roles.Coordinator, Roles.Member]);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;

        var unit = new ReportingUnit { Name = "Tampereen kaupunki", Kind = UnitKind.Municipality, MunicipalityCode = "837", CreatedAt = DateTimeOffset.UtcNow };
        var aggregateUnit = new ReportingUnit { Name = "Y-Säätiö", Kind = UnitKind.ServiceProvider, MunicipalityCode = "091", CreatedAt = DateTimeOffset.UtcNow };
        db.ReportingUnits.AddRange(unit, aggregateUnit);
        await db.SaveChangesAsync();
        var service = new HousingService { UnitId = unit.Id, Code = "AE1", Name = "Asunto ensin -yksikkö", MunicipalityCode = "837", Type = ServiceType.HousingFirstCongregate, Places = 40 };
        db.HousingServices.AddRange(service, new HousingService { UnitId = aggregateUnit.Id, Code = "YHAJ", Name = "Tukiasunnot", MunicipalityCode = "091", Type = ServiceType.ScatteredWithSupport, Places = 200 });
        var round = new CollectionRound { Name = "Seuranta 2025", Period = "2025", Start = new(2025, 1, 1), End = new(2025, 12, 31), Deadline = new(2026, 1, 31), CreatedAt = DateTimeOffset.UtcNow };
        db.CollectionRounds.Add(round);
        await db.SaveChangesAsync();
        db.RoundUnits.AddRange(
            new RoundUnit { RoundId = round.Id, UnitId = unit.Id, Method = ReportingMethod.Stays, Status = RoundStatus.Returned, LastComment = "Lähtöpaikat puuttuvat.", UpdatedAt = DateTimeOffset.UtcNow },
            new RoundUnit { RoundId = round.Id, UnitId = aggregateUnit.Id, Method = ReportingMethod.Aggregate, Status = RoundStatus.Submitted, UpdatedAt = DateTimeOffset.UtcNow });
        var stay = new Stay(unit.Id, service.Id, "TRE-0001", new DateOnly(2025, 2, 1), SituationBefore.LongTermHomeless, new DateOnly(2025, 10, 1), Destination.MoreIndependentHousing, round.Id);
        db.Stays.Add(stay);
        await db.SaveChangesAsync();
        return data = new Data(unit.Id, aggregateUnit.Id, round.Id, service.Id, stay.Id, email, key);
    }

    [Theory]
    [InlineData("fi")]
    public async Task Every_monitoring_page_passes_axe(string language)
    {
        var d = await DataAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/language?to={language}&returnUrl=/");
        await page.SignInAsync(d.Email, Password, d.Key);

        var report = $"/monitoring/report/{d.Round}/{d.Unit}";
        foreach (var path in new[]
                 {
                     "/monitoring", "/monitoring/two-factor", "/monitoring/units", "/monitoring/units/new", $"/monitoring/units/{d.Unit}",
                     $"/monitoring/units/{d.Unit}/services/new", $"/monitoring/units/{d.Unit}/reporters", "/monitoring/rounds",
                     $"/monitoring/units/{d.Unit}/edit", $"/monitoring/units/{d.Unit}/services/{d.Service}",
                     "/monitoring/rounds/new", $"/monitoring/rounds/{d.Round}", report, $"{report}/stays/new", $"{report}/stays/{d.Stay}",
                     $"{report}/stays/{d.Stay}/delete",
                     $"/monitoring/report/{d.Round}/{d.AggregateUnit}", $"/monitoring/report/{d.Round}/{d.AggregateUnit}/counts",
                     $"/monitoring/survey/{d.Unit}/2025",
                 })
            await CheckAsync(page, path, language);

        // The forms with their errors: an empty stay, a new unit and a new round.
        foreach (var path in new[] { $"{report}/stays/new", "/monitoring/units/new", "/monitoring/rounds/new" })
        {
            await page.GotoAsync(path);
            await page.Locator("main form.stacked button[type=submit]").First.ClickAsync();
            await page.WaitForSelectorAsync(".error-summary");
            await Axe.AssertNoViolationsAsync(page);
        }
        // The edit forms emptied: the same errors on a form with values.
        foreach (var path in new[] { $"/monitoring/units/{d.Unit}/edit", $"/monitoring/units/{d.Unit}/services/{d.Service}" })
        {
            await page.GotoAsync(path);
            await page.Locator("#Input_Name").FillAsync("");
            await page.Locator("main form.stacked button[type=submit]").First.ClickAsync();
            await page.WaitForSelectorAsync(".error-summary");
            await Axe.AssertNoViolationsAsync(page);
        }
        // The round page with a return comment missing.
        await page.GotoAsync($"/monitoring/rounds/{d.Round}");
        await page.Locator("main form[action*=Return] button[type=submit]").First.ClickAsync();
        await page.WaitForSelectorAsync(".error-summary");
        await Axe.AssertNoViolationsAsync(page);
    }

    private static async Task CheckAsync(IPage page, string path, string language)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response!.Ok, $"{path} answered {response.Status}");
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        await Axe.AssertNoViolationsAsync(page);
    }
}
