using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Monitoring.Demo;

/// <summary>
/// Generated monitoring data for the demo cities, so that dashboards and /statistics are alive on the first run:
/// five yearly rounds (closed) and an open half-year round, a few thousand stays from the city units, one service
/// provider that reports counts only, and the annual surveys. Deterministic (fixed seed), relative to today.
/// Runs after the monitoring model's own demo (units and services, if it made any): it uses the units it finds and
/// makes its own only when there are none, and it does nothing when rounds or stays exist already.
/// </summary>
public sealed class MonitoringDemoData(YhdessaDb db, TimeProvider clock, ILogger<MonitoringDemoData> logger) : IDemoData
{
    public const int Seed = 20260105;
    public const string ProviderName = "Asumisen tuki ry (demo)";

    private static readonly (string Name, string Code)[] Cities =
    [
        ("Helsingin kaupunki", "091"), ("Espoon kaupunki", "049"), ("Vantaan kaupunki", "092"), ("Tampereen kaupunki", "837"),
        ("Turun kaupunki", "853"), ("Lahden kaupunki", "398"), ("Porin kaupunki", "609"),
    ];

    public int Order => 60;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.CollectionRounds.AnyAsync(cancellationToken) || await db.Stays.AnyAsync(cancellationToken))
        {
            logger.LogInformation("Monitoring demo data skipped: rounds or stays exist already");
            return;
        }
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var random = new Random(Seed);

        var units = await db.ReportingUnits.OrderBy(u => u.Id).ToListAsync(cancellationToken);
        if (units.Count == 0)
        {
            units = [.. Cities.Select(c => new ReportingUnit { Name = c.Name, Kind = UnitKind.Municipality, MunicipalityCode = c.Code, CreatedAt = now })];
            db.AddRange(units);
        }
        var provider = units.FirstOrDefault(u => u.Kind == UnitKind.ServiceProvider);
        if (provider is null)
        {
            provider = new ReportingUnit { Name = ProviderName, Kind = UnitKind.ServiceProvider, MunicipalityCode = "837", CreatedAt = now };
            db.Add(provider);
        }
        await db.SaveChangesAsync(cancellationToken);
        var cityUnits = units.Where(u => u.Id != provider.Id).ToList();

        var services = await db.HousingServices.ToListAsync(cancellationToken);
        foreach (var unit in cityUnits.Where(u => services.All(s => s.UnitId != u.Id)))
        {
            services.Add(new HousingService { UnitId = unit.Id, Code = "HAJ", Name = "Hajautettu tuettu asuminen", MunicipalityCode = unit.MunicipalityCode, Type = ServiceType.ScatteredWithSupport, Places = 120 });
            services.Add(new HousingService { UnitId = unit.Id, Code = "AE1", Name = "Asunto ensin -yksikkö", MunicipalityCode = unit.MunicipalityCode, Type = ServiceType.HousingFirstCongregate, Places = 40 });
            services.Add(new HousingService { UnitId = unit.Id, Code = "TEH", Name = "Tehostettu palveluasuminen", MunicipalityCode = unit.MunicipalityCode, Type = ServiceType.IntensiveServiceHousing, Places = 25 });
            db.AddRange(services.TakeLast(3));
        }

        // Five closed yearly rounds and the current half-year, open.
        var thisYear = today.Year;
        var rounds = new List<CollectionRound>();
        for (var year = thisYear - 5; year < thisYear; year++)
            rounds.Add(new CollectionRound { Name = $"Vuosi {year}", Period = $"{year}", Start = new(year, 1, 1), End = new(year, 12, 31), Deadline = new(year + 1, 2, 15), Closed = true, CreatedAt = now });
        // Its deadline passed ten days ago, so the round page shows who is late; the reminders are tested on their own.
        var open = new CollectionRound { Name = $"Puolivuosi {thisYear}/1", Period = $"{thisYear}H1", Start = new(thisYear, 1, 1), End = new(thisYear, 6, 30), Deadline = today.AddDays(-10), Closed = false, CreatedAt = now };
        rounds.Add(open);
        db.AddRange(rounds);
        await db.SaveChangesAsync(cancellationToken);

        // Every status of the flow is somewhere in the open round, each with the history that led to it.
        var openStatuses = new[]
        {
            RoundStatus.Submitted, RoundStatus.InProgress, RoundStatus.Accepted, RoundStatus.NotStarted, RoundStatus.Returned,
            RoundStatus.Resubmitted,
        };
        foreach (var round in rounds)
            foreach (var (unit, i) in units.Append(provider).Distinct().Select((u, i) => (u, i)))
            {
                var status = round.Closed ? RoundStatus.Accepted : openStatuses[i % openStatuses.Length];
                var history = History(status);
                db.Add(new RoundUnit
                {
                    RoundId = round.Id, UnitId = unit.Id, Status = status, UpdatedAt = now,
                    Method = unit.Id == provider.Id ? ReportingMethod.Aggregate : ReportingMethod.Stays,
                    LastComment = history.LastOrDefault(e => e.Comment is not null).Comment,
                });
                // Closed rounds opened the day after their period, open ones 30 days ago; a step every few days.
                var opened = round.Closed ? new DateTimeOffset(round.End.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero) : now.AddDays(-30);
                var step = round.Closed ? TimeSpan.FromDays(9) : TimeSpan.FromDays(5);
                foreach (var (e, n) in history.Select((e, n) => (e, n)))
                    db.Add(new RoundUnitEvent { RoundId = round.Id, UnitId = unit.Id, At = opened + n * step + TimeSpan.FromHours(i), Status = e.Status, Comment = e.Comment });
            }

        // Stays of the city units over the closed rounds' years and this year so far; a few hundred a year per city.
        var byUnit = cityUnits.Select(u => services.Where(s => s.UnitId == u.Id).ToList()).ToList();
        var roundOf = rounds.Where(r => r.Closed).ToDictionary(r => r.Start.Year);
        foreach (var g in StayGenerator.Generate(random, cityUnits.Count, 3, thisYear - 5, thisYear, 110, today))
        {
            var unitServices = byUnit[g.Unit];
            var service = unitServices[g.Service % unitServices.Count];
            var lastEvent = g.End ?? g.MoveIn;
            var round = roundOf.TryGetValue(lastEvent.Year, out var r) ? r : open;
            db.Add(new Stay(cityUnits[g.Unit].Id, service.Id, g.ResidentCode, g.MoveIn, g.Situation, g.End, g.Destination, round.Id) { UpdatedAt = now });
        }

        // The provider reports counts per round: moves in by situation, ended stays by destination, ongoing at the end.
        foreach (var round in rounds)
            foreach (var type in new[] { ServiceType.SupportedHousing, ServiceType.HousingFirstCongregate })
            {
                var scale = round.Period.Contains('H') ? 1 : 2;
                foreach (var situation in Enum.GetValues<SituationBefore>())
                    db.Add(Value(round, provider, type, Measure.MovesIn, situation.ToString(), random.Next(0, 9) * scale));
                foreach (var destination in Enum.GetValues<Destination>())
                    db.Add(Value(round, provider, type, Measure.StaysEnded, destination.ToString(), random.Next(0, 6) * scale));
                db.Add(Value(round, provider, type, Measure.OngoingAtEnd, "", 30 + random.Next(40)));
            }

        // The annual survey of each city for the closed years.
        foreach (var unit in cityUnits)
            for (var year = thisYear - 5; year < thisYear; year++)
                db.Add(new AnnualSurvey
                {
                    MunicipalityCode = unit.MunicipalityCode, UnitId = unit.Id, Year = year,
                    AddedScatteredWithSupport = random.Next(5, 60), AddedHousingFirstCongregate = random.Next(0, 25),
                    AddedSupportedHousing = random.Next(0, 15), AddedIntensiveServiceHousing = random.Next(0, 10), AddedOther = random.Next(0, 4),
                    WorkForms = [.. WorkForms.All.Where(_ => random.NextDouble() < 0.6)],
                    UpdatedAt = now,
                });

        // The demo reporter reports for the first city.
        if (await db.Users.FirstOrDefaultAsync(u => u.Email == DemoAccounts.Reporter, cancellationToken) is { } reporter
            && !await db.ReportingUnitReporters.AnyAsync(r => r.UserId == reporter.Id, cancellationToken))
            db.Add(new ReportingUnitReporter { UnitId = cityUnits[0].Id, UserId = reporter.Id, Since = now });

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Monitoring demo data: {Rounds} rounds seeded", rounds.Count);
    }

    /// <summary>The statuses a report went through to reach <paramref name="status"/>, with the coordinator's comment
    /// where it was returned.</summary>
    private static IReadOnlyList<(RoundStatus Status, string? Comment)> History(RoundStatus status)
    {
        const string returned = "Tarkistakaa päättymispäivät, kiitos.";
        (RoundStatus, string?)[] path = status switch
        {
            RoundStatus.NotStarted => [(RoundStatus.NotStarted, null)],
            RoundStatus.InProgress => [(RoundStatus.NotStarted, null), (RoundStatus.InProgress, null)],
            RoundStatus.Submitted => [(RoundStatus.NotStarted, null), (RoundStatus.InProgress, null), (RoundStatus.Submitted, null)],
            RoundStatus.Returned => [.. History(RoundStatus.Submitted), (RoundStatus.Returned, returned)],
            RoundStatus.Resubmitted => [.. History(RoundStatus.Returned), (RoundStatus.Resubmitted, null)],
            _ => [.. History(RoundStatus.Submitted), (RoundStatus.Accepted, null)],
        };
        return path;
    }

    private static AggregateValue Value(CollectionRound round, ReportingUnit unit, ServiceType type, Measure measure, string category, int count) =>
        new() { RoundId = round.Id, UnitId = unit.Id, ServiceType = type, Measure = measure, Category = category, Count = count };
}
