using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Account;
using Person = Yhdessa.Tests.Support.WebBrowser;


namespace Yhdessa.Tests.Monitoring;

/// <summary>
/// Two cities that report in the same round — Helsinki ("A") and Espoo ("B") — each with a housing service, a stay
/// and a reporter; and a coordinator. Everyone who sees micro-data has two-step sign-in on and signs in with an
/// authenticator code, as in production. One world per app, shared by its tests; tests that change it make
/// their own units and rounds with <see cref="NewUnitAsync"/> and <see cref="NewRoundAsync"/>.
/// </summary>
public sealed class MonitoringWorld
{
    public const string Password = "seurannan salasana talvella";

    public required YhdessaApp App { get; init; }
    public required int RoundId { get; init; }
    public required int UnitA { get; init; }
    public required int UnitB { get; init; }
    public required int ServiceA { get; init; }
    public required int ServiceB { get; init; }
    public required int StayA { get; init; }
    public required int StayB { get; init; }
    public required string ReporterAEmail { get; init; }
    public required string ReporterBEmail { get; init; }
    public required string CoordinatorEmail { get; init; }

    public const string ResidentA = "HKI-A-0001";
    public const string ResidentB = "ESP-B-0001";

    private static readonly ConcurrentDictionary<YhdessaApp, Lazy<Task<MonitoringWorld>>> Worlds = new();
    private static readonly ConcurrentDictionary<string, Lazy<Task<Person>>> Sessions = new();

    /// <summary>Eight letters that make a unit's name unique. Not hex: an id of digits only (one in forty) can read as a phone
    /// number or part of an identity code to the guard that unit names pass, and an edit test once got another error.</summary>
    private static string NameId() => string.Concat(Guid.NewGuid().ToByteArray().Take(8).Select(b => (char)('a' + b % 26)));

    public static Task<MonitoringWorld> OfAsync(YhdessaApp app) =>
        Worlds.GetOrAdd(app, a => new Lazy<Task<MonitoringWorld>>(() => CreateAsync(a))).Value;

    private static async Task<MonitoringWorld> CreateAsync(YhdessaApp app)
    {
        var id = NameId();
        var a = await NewUnitAsync(app, $"Helsinki {id}", "091", "HF1");
        var b = await NewUnitAsync(app, $"Espoo {id}", "049", "HF1");
        var round = await NewRoundAsync(app, (a.Unit, ReportingMethod.Stays), (b.Unit, ReportingMethod.Stays));
        var (stayA, stayB) = await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<YhdessaDb>();
            var sa = new Stay(a.Unit, a.Service, ResidentA, new DateOnly(2025, 2, 1), SituationBefore.LongTermHomeless, roundId: round);
            var sb = new Stay(b.Unit, b.Service, ResidentB, new DateOnly(2025, 3, 1), SituationBefore.Homeless, roundId: round);
            db.Stays.AddRange(sa, sb);
            await db.SaveChangesAsync();
            return (sa.Id, sb.Id);
        });
        var world = new MonitoringWorld
        {
            App = app, RoundId = round, UnitA = a.Unit, UnitB = b.Unit, ServiceA = a.Service, ServiceB = b.Service,
            StayA = stayA, StayB = stayB,
            ReporterAEmail = $"raportoija-a-{id}@example.fi", ReporterBEmail = $"raportoija-b-{id}@example.fi",
            CoordinatorEmail = $"koordinaattori-{id}@example.fi",
        };
        await NewPersonAsync(app, world.ReporterAEmail, twoFactor: true, [Roles.Reporter, Roles.Member], a.Unit);
        await NewPersonAsync(app, world.ReporterBEmail, twoFactor: true, [Roles.Reporter, Roles.Member], b.Unit);
        await NewPersonAsync(app, world.CoordinatorEmail, twoFactor: true, [Roles.Coordinator, Roles.Member]);
        return world;
    }

    public static Task<(int Unit, int Service)> NewUnitAsync(YhdessaApp app, string name, string municipality, string serviceCode,
        UnitKind kind = UnitKind.Municipality) =>
        app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<YhdessaDb>();
            var unit = new ReportingUnit { Name = name, Kind = kind, MunicipalityCode = municipality, CreatedAt = DateTimeOffset.UtcNow };
            db.ReportingUnits.Add(unit);
            await db.SaveChangesAsync();
            var service = new HousingService { UnitId = unit.Id, Code = serviceCode, Name = "Palvelu " + serviceCode, MunicipalityCode = municipality, Type = ServiceType.HousingFirstCongregate, Places = 20 };
            db.HousingServices.Add(service);
            await db.SaveChangesAsync();
            return (unit.Id, service.Id);
        });

    public static Task<int> NewRoundAsync(YhdessaApp app, params (int Unit, ReportingMethod Method)[] units) =>
        NewRoundAsync(app, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), units);

    public static Task<int> NewRoundAsync(YhdessaApp app, DateOnly deadline, params (int Unit, ReportingMethod Method)[] units) =>
        app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<YhdessaDb>();
            var round = new CollectionRound
            {
                Name = "Kierros " + Guid.NewGuid().ToString("N")[..6], Period = "2025", Start = new DateOnly(2025, 1, 1),
                End = new DateOnly(2025, 12, 31), Deadline = deadline, CreatedAt = DateTimeOffset.UtcNow,
            };
            db.CollectionRounds.Add(round);
            await db.SaveChangesAsync();
            foreach (var (unit, method) in units)
                db.RoundUnits.Add(new RoundUnit { RoundId = round.Id, UnitId = unit, Method = method, Status = RoundStatus.NotStarted, UpdatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return round.Id;
        });

    /// <summary>An account with the roles; with two-step sign-in on, its authenticator key is kept for signing in.</summary>
    public static Task NewPersonAsync(YhdessaApp app, string email, bool twoFactor, string[] roles, int? reporterOf = null) =>
        app.WithServicesAsync(async services =>
        {
            await app.CreateUserAsync(email, Password, roles);
            var users = services.GetRequiredService<UserManager<User>>();
            var user = (await users.FindByEmailAsync(email))!;
            if (twoFactor)
            {
                await users.ResetAuthenticatorKeyAsync(user);
                await users.SetTwoFactorEnabledAsync(user, true);
            }
            if (reporterOf is { } unit)
            {
                var db = services.GetRequiredService<YhdessaDb>();
                db.ReportingUnitReporters.Add(new ReportingUnitReporter { UnitId = unit, UserId = user.Id, Since = DateTimeOffset.UtcNow });
                await db.SaveChangesAsync();
            }
            return 0;
        });

    /// <summary>A signed-in browser of the person (with the authenticator code when two-step sign-in is on), one per
    /// person and redirect mode, reused across tests: signing in hashes a password.</summary>
    public static Task<Person> SignedInAsync(YhdessaApp app, string email, bool followRedirects = true) =>
        Sessions.GetOrAdd($"{email}|{followRedirects}", _ => new Lazy<Task<Person>>(() => app.SignInAsync(email, Password, followRedirects))).Value;


    /// <summary>A unit of its own with one service ("HF1"), a round of its own (period 2025) and a reporter with
    /// two-step sign-in, for a test that changes what it works on.</summary>
    public async Task<OwnUnit> OwnUnitAsync(ReportingMethod method = ReportingMethod.Stays, UnitKind kind = UnitKind.Municipality,
        string municipality = "837", DateOnly? deadline = null, string language = "fi")
    {
        var id = NameId();
        var (unit, service) = await NewUnitAsync(App, $"Yksikkö {id}", municipality, "HF1", kind);
        var round = deadline is { } d ? await NewRoundAsync(App, d, (unit, method)) : await NewRoundAsync(App, (unit, method));
        var email = $"raportoija-{id}@example.fi";
        await NewPersonAsync(App, email, twoFactor: true, [Roles.Reporter, Roles.Member], unit);
        if (language != "fi")
            await DbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(set => set.SetProperty(u => u.PreferredLanguage, language)));
        return new OwnUnit(unit, service, round, email, $"/monitoring/report/{round}/{unit}");
    }

    public Task<T> DbAsync<T>(Func<YhdessaDb, Task<T>> query) =>
        App.WithServicesAsync(services => query(services.GetRequiredService<YhdessaDb>()));

    public Task<Stay> StayAsync(int id) => DbAsync(db => db.Stays.AsNoTracking().SingleAsync(s => s.Id == id));

    public Task<RoundUnit> StatusAsync(int round, int unit) =>
        DbAsync(db => db.RoundUnits.AsNoTracking().SingleAsync(r => r.RoundId == round && r.UnitId == unit));
}

public sealed record OwnUnit(int Unit, int Service, int Round, string ReporterEmail, string ReportPath);
