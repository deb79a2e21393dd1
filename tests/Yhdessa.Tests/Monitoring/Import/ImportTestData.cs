using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Account;

namespace Yhdessa.Tests.Monitoring.Import;



/// <summary>A unit with its services, a reporter signed in for it and an open round it reports in.</summary>
public sealed record ImportSetting(int UnitId, int RoundId, WebBrowser Reporter);

/// <summary>TEST HELPER: units, services and rounds put straight into the database; files uploaded through the form.</summary>
public static class ImportTestData
{
    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Today);

    public static Task<T> DbAsync<T>(this YhdessaApp app, Func<YhdessaDb, Task<T>> action) =>
        app.WithServicesAsync(services => action(services.GetRequiredService<YhdessaDb>()));

    /// <summary>A new unit with services "A1" and "B2", a round it takes part in, and a reporter of the unit.</summary>
    public static async Task<ImportSetting> SettingAsync(this YhdessaApp app, ReportingMethod method = ReportingMethod.Stays,
        RoundStatus status = RoundStatus.NotStarted, bool closed = false)
    {
        var key = Guid.NewGuid().ToString("N")[..8];
        var (browser, userId) = await app.ReporterAsync($"tuonti-{key}@example.fi");
        var (unitId, roundId) = await app.DbAsync(async db =>
        {
            var unit = new ReportingUnit { Name = "Yksikkö " + key, Kind = UnitKind.Municipality, MunicipalityCode = "091", CreatedAt = DateTimeOffset.UtcNow };
            var round = new CollectionRound
            {
                Name = "Kierros " + key, Period = "2025", Start = new DateOnly(2025, 1, 1), End = new DateOnly(2025, 12, 31),
                Deadline = Today.AddDays(30), Closed = closed, CreatedAt = DateTimeOffset.UtcNow,
            };
            db.AddRange(unit, round);
            await db.SaveChangesAsync();
            db.HousingServices.AddRange(
                new HousingService { UnitId = unit.Id, Code = "A1", Name = "Hajasijoitus", MunicipalityCode = "091", Type = ServiceType.ScatteredWithSupport, Places = 40 },
                new HousingService { UnitId = unit.Id, Code = "B2", Name = "Yhteisö", MunicipalityCode = "091", Type = ServiceType.HousingFirstCongregate, Places = 20 });
            db.ReportingUnitReporters.Add(new ReportingUnitReporter { UnitId = unit.Id, UserId = userId, Since = DateTimeOffset.UtcNow });
            db.RoundUnits.Add(new RoundUnit { RoundId = round.Id, UnitId = unit.Id, Status = status, Method = method, UpdatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return (unit.Id, round.Id);
        });
        return new ImportSetting(unitId, roundId, browser);
    }

    private const string Password = "kuusi kukkaa ja kaksi kettua";

    /// <summary>A reporter signed in with password and authenticator code: roles that see micro-data use two-step sign-in.</summary>
    public static async Task<(WebBrowser Browser, string UserId)> ReporterAsync(this YhdessaApp app, string email)
    {
        var userId = await app.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            var user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Testi Raportoija", CreatedAt = DateTimeOffset.UtcNow };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            await users.AddToRolesAsync(user, [Roles.Member, Roles.Reporter]);
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            return user.Id;
        });
        return (await app.SignInAsync(email, Password, followRedirects: false), userId);
    }

    /// <summary>Posts the import form as the browser shows it, with the file attached.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this WebBrowser person, int roundId, int unitId, Stream file,
        string fileName = "jaksot.csv", string language = "fi")
    {
        var form = await person.GetAsync($"/monitoring/import?culture={language}");
        var token = ((IHtmlInputElement)form.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!).Value;
        var content = new StreamContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var multipart = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(roundId.ToString()), "Input.RoundId" },
            { new StringContent(unitId.ToString()), "Input.UnitId" },
            { content, "file", fileName },
        };
        return await person.Client.PostAsync($"/monitoring/import?culture={language}", multipart);
    }

    /// <summary>Uploads and reads the page that answers: the report, or (after the redirect) the notice.</summary>
    public static async Task<WebBrowser.Page> ImportAsync(this ImportSetting setting, Stream file, string fileName = "jaksot.csv", string language = "fi")
    {
        var response = await setting.Reporter.UploadAsync(setting.RoundId, setting.UnitId, file, fileName, language);
        if (response.StatusCode == HttpStatusCode.Redirect)
            return await setting.Reporter.OpenAsync(response.Headers.Location!.OriginalString);
        return await WebBrowser.Page.ReadAsync(response);
    }

    /// <summary>The report table's rows as "where: problem".</summary>
    public static List<string> ReportLines(this WebBrowser.Page page) =>
        [.. page.Document.QuerySelectorAll("section[aria-labelledby=report-title] tbody tr")
            .Select(row => string.Join(": ", row.QuerySelectorAll("td").Select(td => td.TextContent.Trim())))];

    public static Task<List<Stay>> StaysAsync(this YhdessaApp app, int unitId) =>
        app.DbAsync(db => db.Stays.AsNoTracking().Where(s => s.UnitId == unitId).OrderBy(s => s.Id).ToListAsync());

    public static Task<RoundStatus> StatusAsync(this YhdessaApp app, ImportSetting setting) =>
        app.DbAsync(db => db.RoundUnits.Where(r => r.RoundId == setting.RoundId && r.UnitId == setting.UnitId).Select(r => r.Status).SingleAsync());
}
