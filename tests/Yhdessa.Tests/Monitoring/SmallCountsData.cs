using Microsoft.AspNetCore.Mvc.Testing;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Tests.Network;

namespace Yhdessa.Tests.Monitoring;

/// <summary>
/// TEST HELPER: a region where nearly every figure is small. Four municipalities of Pirkanmaa with two reporting units
/// each (the city and a provider), each unit with two or three services of different types, and over the last three
/// full years one to six moves in per service and year (sometimes none); about half of the stays end, to every kind
/// of destination. Deterministic: a fixed seed, dates relative to today.
/// </summary>
public static class SmallCountsData
{
    public const int Seed = 20261206;
    public static readonly string[] Municipalities = ["837", "536", "211", "980"]; // Tampere, Nokia, Kangasala, Ylöjärvi

    public static Task SeedAsync(WebApplicationFactory<Program> host) => host.WithDbAsync(async db =>
    {
        var random = new Random(Seed);
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var types = Enum.GetValues<ServiceType>();
        var destinations = Enum.GetValues<Destination>();
        var stay = 0;
        foreach (var code in Municipalities)
            foreach (var kind in new[] { UnitKind.Municipality, UnitKind.ServiceProvider })
            {
                var unit = new ReportingUnit { Name = $"{kind} {code}", Kind = kind, MunicipalityCode = code, CreatedAt = now };
                db.Add(unit);
                await db.SaveChangesAsync();
                var services = types.OrderBy(_ => random.Next()).Take(2 + random.Next(2))
                    .Select(t => new HousingService { UnitId = unit.Id, Code = $"S{(int)t}", Name = t.ToString(), MunicipalityCode = code, Type = t, Places = 30 })
                    .ToList();
                db.AddRange(services);
                await db.SaveChangesAsync();
                foreach (var service in services)
                    for (var year = today.Year - 3; year < today.Year; year++)
                    {
                        var moves = random.Next(6) == 0 ? 0 : 1 + random.Next(6);
                        for (var i = 0; i < moves; i++)
                        {
                            var moveIn = new DateOnly(year, 1, 1).AddDays(random.Next(365));
                            var end = moveIn.AddDays(20 + random.Next(500));
                            db.Add(random.Next(2) == 0 && end < today
                                ? new Stay(unit.Id, service.Id, $"R{++stay}", moveIn, SituationBefore.Homeless, end, destinations[random.Next(destinations.Length)])
                                : new Stay(unit.Id, service.Id, $"R{++stay}", moveIn, SituationBefore.Homeless));
                        }
                    }
            }
        await db.SaveChangesAsync();
    });
}
