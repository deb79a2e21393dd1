using Microsoft.AspNetCore.Mvc.Testing;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Tests.Network;

namespace Yhdessa.Tests.Monitoring;

/// <summary>
/// TEST HELPER: a small dataset whose dashboard figures are worked out by hand in <see cref="DashboardTests"/>.
/// Unit A (Helsinki) reports stays in 2020 and 2021; unit B (Espoo) reports aggregates for 2021 and also has one
/// stray stay that year, which must not be counted on top of its aggregates.
/// </summary>
public sealed record DashboardTestData(int UnitA, int UnitB)
{
    public static async Task<DashboardTestData> SeedAsync(WebApplicationFactory<Program> host)
    {
        return await host.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var a = new ReportingUnit { Name = "Testikaupunki A", Kind = UnitKind.Municipality, MunicipalityCode = "091", CreatedAt = now };
            var b = new ReportingUnit { Name = "Testijärjestö B", Kind = UnitKind.ServiceProvider, MunicipalityCode = "049", CreatedAt = now };
            db.AddRange(a, b);
            await db.SaveChangesAsync();
            var a1 = new HousingService { UnitId = a.Id, Code = "A1", Name = "Hajautettu A", MunicipalityCode = "091", Type = ServiceType.ScatteredWithSupport, Places = 50 };
            var a2 = new HousingService { UnitId = a.Id, Code = "A2", Name = "Yksikkö A", MunicipalityCode = "091", Type = ServiceType.HousingFirstCongregate, Places = 20 };
            var b1 = new HousingService { UnitId = b.Id, Code = "B1", Name = "Tuettu B", MunicipalityCode = "049", Type = ServiceType.SupportedHousing, Places = 30 };
            var r2020 = new CollectionRound { Name = "Vuosi 2020", Period = "2020", Start = new(2020, 1, 1), End = new(2020, 12, 31), Deadline = new(2021, 2, 1), Closed = true, CreatedAt = now };
            var r2021 = new CollectionRound { Name = "Vuosi 2021", Period = "2021", Start = new(2021, 1, 1), End = new(2021, 12, 31), Deadline = new(2022, 2, 1), Closed = true, CreatedAt = now };
            db.AddRange(a1, a2, b1, r2020, r2021);
            await db.SaveChangesAsync();
            db.AddRange(
                new RoundUnit { RoundId = r2020.Id, UnitId = a.Id, Status = RoundStatus.Accepted, Method = ReportingMethod.Stays, UpdatedAt = now },
                new RoundUnit { RoundId = r2021.Id, UnitId = a.Id, Status = RoundStatus.Accepted, Method = ReportingMethod.Stays, UpdatedAt = now },
                new RoundUnit { RoundId = r2021.Id, UnitId = b.Id, Status = RoundStatus.Accepted, Method = ReportingMethod.Aggregate, UpdatedAt = now });

            // Six ongoing since March 2020.
            for (var i = 1; i <= 6; i++)
                db.Add(new Stay(a.Id, a1.Id, $"R{i}", new(2020, 3, 1), SituationBefore.LongTermHomeless));
            // Five who moved on to independent housing after 182 days.
            for (var i = 1; i <= 5; i++)
                db.Add(new Stay(a.Id, a1.Id, $"E{i}", new(2020, 1, 1), SituationBefore.Homeless, new(2020, 7, 1), Destination.MoreIndependentHousing));
            // E1 is back 92 days later and stays; E2 is back after 335 days and leaves to homelessness after 61 days.
            db.Add(new Stay(a.Id, a2.Id, "E1", new(2020, 10, 1), SituationBefore.Homeless));
            db.Add(new Stay(a.Id, a2.Id, "E2", new(2021, 6, 1), SituationBefore.Homeless, new(2021, 8, 1), Destination.Homelessness));
            // One who died after 28 days.
            db.Add(new Stay(a.Id, a1.Id, "D1", new(2021, 2, 1), SituationBefore.Institution, new(2021, 3, 1), Destination.Died));
            // Unit B reported 2021 as counts; this stay of its must not be added to them.
            db.Add(new Stay(b.Id, b1.Id, "X1", new(2021, 5, 1), SituationBefore.Other));
            db.AddRange(
                new AggregateValue { RoundId = r2021.Id, UnitId = b.Id, ServiceType = ServiceType.ScatteredWithSupport, Measure = Measure.MovesIn, Category = nameof(SituationBefore.LongTermHomeless), Count = 7 },
                new AggregateValue { RoundId = r2021.Id, UnitId = b.Id, ServiceType = ServiceType.SupportedHousing, Measure = Measure.StaysEnded, Category = nameof(Destination.MoreSupportedHousing), Count = 3 },
                new AggregateValue { RoundId = r2021.Id, UnitId = b.Id, ServiceType = ServiceType.SupportedHousing, Measure = Measure.OngoingAtEnd, Category = "", Count = 10 });
            await db.SaveChangesAsync();
            return new DashboardTestData(a.Id, b.Id);
        });
    }
}
