using Microsoft.AspNetCore.Mvc.Testing;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Tests.Network;

namespace Yhdessa.Tests.Monitoring.Summary;

/// <summary>
/// TEST HELPER: ten years of generated stays for two units in Keski-Suomi. The city reports stays every year; the
/// provider, with services in two municipalities, reports aggregates for one year (FirstYear + 3) and for the first
/// half of another (FirstYear + 5, which makes the whole year an aggregate year). Residents come back, some after a
/// move to independent housing, some the same day; lengths and dates fall on every day of the month, and the
/// latest stays are too recent to be followed for 6, 12 or 24 months.
/// </summary>
public sealed record SummaryTestData(int FirstYear, int City, int Provider, int[] ProviderServices)
{
    public const string Municipality = "179";
    public const string SecondMunicipality = "167";

    public static Task<SummaryTestData> SeedAsync(WebApplicationFactory<Program> host) => host.WithDbAsync(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var firstYear = today.Year - 9;
        var city = new ReportingUnit { Name = "Summakaupunki", Kind = UnitKind.Municipality, MunicipalityCode = Municipality, CreatedAt = now };
        var provider = new ReportingUnit { Name = "Summajärjestö", Kind = UnitKind.ServiceProvider, MunicipalityCode = Municipality, CreatedAt = now };
        db.AddRange(city, provider);
        await db.SaveChangesAsync();
        HousingService Service(ReportingUnit unit, string code, string municipality, ServiceType type) =>
            new() { UnitId = unit.Id, Code = code, Name = code, MunicipalityCode = municipality, Type = type, Places = 40 };
        HousingService[] cityServices = [Service(city, "S1", Municipality, ServiceType.ScatteredWithSupport), Service(city, "S2", Municipality, ServiceType.HousingFirstCongregate)];
        HousingService[] providerServices = [Service(provider, "P1", Municipality, ServiceType.SupportedHousing),
            Service(provider, "P2", SecondMunicipality, ServiceType.HousingFirstCongregate), Service(provider, "P3", SecondMunicipality, ServiceType.Other)];
        db.AddRange(cityServices);
        db.AddRange(providerServices);
        var rounds = Enumerable.Range(firstYear, 10).Select(y => new CollectionRound
        { Name = $"Summa {y}", Period = $"{y}", Start = new(y, 1, 1), End = new(y, 12, 31), Deadline = new(y + 1, 2, 1), Closed = y < today.Year, CreatedAt = now }).ToList();
        var half = new CollectionRound
        { Name = $"Summa {firstYear + 5} H1", Period = $"{firstYear + 5}H1", Start = new(firstYear + 5, 1, 1), End = new(firstYear + 5, 6, 30), Deadline = new(firstYear + 5, 8, 1), Closed = true, CreatedAt = now };
        db.AddRange(rounds);
        db.Add(half);
        await db.SaveChangesAsync();
        foreach (var round in rounds)
        {
            db.Add(new RoundUnit { RoundId = round.Id, UnitId = city.Id, Status = RoundStatus.Accepted, Method = ReportingMethod.Stays, UpdatedAt = now });
            var aggregate = round.Start.Year == firstYear + 3;
            db.Add(new RoundUnit { RoundId = round.Id, UnitId = provider.Id, Status = RoundStatus.Accepted, Method = aggregate ? ReportingMethod.Aggregate : ReportingMethod.Stays, UpdatedAt = now });
        }
        db.Add(new RoundUnit { RoundId = half.Id, UnitId = provider.Id, Status = RoundStatus.Accepted, Method = ReportingMethod.Aggregate, UpdatedAt = now });
        var aggregateRound = rounds[3];
        db.AddRange(
            new AggregateValue { RoundId = aggregateRound.Id, UnitId = provider.Id, ServiceType = ServiceType.HousingFirstCongregate, Measure = Measure.MovesIn, Category = nameof(SituationBefore.Homeless), Count = 7 },
            new AggregateValue { RoundId = aggregateRound.Id, UnitId = provider.Id, ServiceType = ServiceType.SupportedHousing, Measure = Measure.StaysEnded, Category = nameof(Destination.MoreSupportedHousing), Count = 3 },
            new AggregateValue { RoundId = aggregateRound.Id, UnitId = provider.Id, ServiceType = ServiceType.SupportedHousing, Measure = Measure.OngoingAtEnd, Category = "", Count = 10 },
            new AggregateValue { RoundId = half.Id, UnitId = provider.Id, ServiceType = ServiceType.Other, Measure = Measure.MovesIn, Category = nameof(SituationBefore.Other), Count = 4 },
            new AggregateValue { RoundId = half.Id, UnitId = provider.Id, ServiceType = ServiceType.Other, Measure = Measure.OngoingAtEnd, Category = "", Count = 6 });

        var random = new Random(5);
        var destinations = Enum.GetValues<Destination>();
        foreach (var (unit, services) in new[] { (city, cityServices), (provider, providerServices) })
        {
            var span = today.DayNumber - new DateOnly(firstYear - 1, 1, 1).DayNumber;
            for (var r = 0; r < 150; r++)
            {
                var code = $"SUM-{unit.Id}-{r}";
                var moveIn = new DateOnly(firstYear - 1, 1, 1).AddDays(random.Next(span));
                while (true)
                {
                    var service = services[random.Next(services.Length)];
                    var length = random.Next(10) == 0 ? random.Next(60) : random.Next(30, 1500);
                    var end = moveIn.AddDays(length);
                    if (end >= today)
                    {
                        db.Add(new Stay(unit.Id, service.Id, code, moveIn, SituationBefore.Homeless) { UpdatedAt = now });
                        break;
                    }
                    var destination = random.Next(3) == 0 ? Destination.MoreIndependentHousing : destinations[random.Next(destinations.Length)];
                    db.Add(new Stay(unit.Id, service.Id, code, moveIn, SituationBefore.Homeless, end, destination) { UpdatedAt = now });
                    if (random.Next(100) >= (destination == Destination.MoreIndependentHousing ? 45 : 30)) break;
                    moveIn = end.AddDays(random.Next(4) == 0 ? random.Next(3) : random.Next(1, 800));
                    if (moveIn >= today) break;
                }
            }
        }
        await db.SaveChangesAsync();
        return new SummaryTestData(firstYear, city.Id, provider.Id, [.. providerServices.Select(s => s.Id)]);
    });
}
