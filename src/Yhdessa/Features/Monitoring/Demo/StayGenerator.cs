using Yhdessa.Features.Monitoring.Data;

namespace Yhdessa.Features.Monitoring.Demo;

/// <summary>A generated stay: unit and service by their index in the caller's lists.</summary>
public sealed record GeneratedStay(int Unit, int Service, string ResidentCode, DateOnly MoveIn, SituationBefore Situation,
    DateOnly? End, Destination? Destination);

/// <summary>
/// Plausible pseudonymous stays for demo data and the benchmark, from a seeded <see cref="Random"/> so that every
/// run makes the same data. Lengths mix short, medium and long stays; destinations follow rough programme shares;
/// some who moved to independent housing come back to the same unit later (a return to homelessness services).
/// Resident codes are "D" + unit + running number: obviously artificial, and never overlapping in one service.
/// </summary>
public static class StayGenerator
{
    private static readonly (Destination Destination, int Weight)[] DestinationWeights =
    [
        (Destination.MoreIndependentHousing, 30), (Destination.MoreSupportedHousing, 12), (Destination.SimilarHousingElsewhere, 10),
        (Destination.Homelessness, 10), (Destination.InstitutionHospital, 5), (Destination.InstitutionPrison, 3),
        (Destination.InstitutionSubstanceAbuse, 5), (Destination.Died, 8), (Destination.Unknown, 17),
    ];

    private static readonly (SituationBefore Situation, int Weight)[] SituationWeights =
    [
        (SituationBefore.LongTermHomeless, 35), (SituationBefore.Homeless, 25), (SituationBefore.Institution, 15),
        (SituationBefore.TemporaryWithRelativesOrFriends, 20), (SituationBefore.Other, 5),
    ];

    /// <param name="servicesPerUnit">How many services each unit has; a stay picks one at random.</param>
    /// <param name="movesPerUnitYear">New residents per unit and year (returns come on top, about 4 %).</param>
    public static IEnumerable<GeneratedStay> Generate(Random random, int units, int servicesPerUnit, int firstYear, int lastYear,
        int movesPerUnitYear, DateOnly today)
    {
        for (var unit = 0; unit < units; unit++)
        {
            var number = 0;
            for (var year = firstYear; year <= lastYear; year++)
            {
                var daysInYear = DateTime.IsLeapYear(year) ? 366 : 365;
                // Cities differ in size: the first units are the largest.
                var moves = Math.Max(1, (int)(movesPerUnitYear * (1.5 - (double)unit / Math.Max(1, units))));
                for (var i = 0; i < moves; i++)
                {
                    var moveIn = new DateOnly(year, 1, 1).AddDays(random.Next(daysInYear));
                    if (moveIn > today) continue;
                    var code = $"D{unit + 1}-{++number:D7}";
                    var first = Stay(random, unit, random.Next(servicesPerUnit), code, moveIn, today);
                    yield return first;
                    if (first.Destination == Destination.MoreIndependentHousing && random.NextDouble() < 0.15)
                    {
                        var back = first.End!.Value.AddDays(14 + random.Next(700));
                        if (back <= today) yield return Stay(random, unit, random.Next(servicesPerUnit), code, back, today);
                    }
                }
            }
        }
    }

    private static GeneratedStay Stay(Random random, int unit, int service, string code, DateOnly moveIn, DateOnly today)
    {
        var situation = Pick(random, SituationWeights);
        var roll = random.NextDouble();
        var days = roll < 0.3 ? 30 + random.Next(335) : roll < 0.8 ? 365 + random.Next(1100) : 1500 + random.Next(3000);
        var end = moveIn.AddDays(days);
        return end > today
            ? new GeneratedStay(unit, service, code, moveIn, situation, null, null)
            : new GeneratedStay(unit, service, code, moveIn, situation, end, Pick(random, DestinationWeights));
    }

    private static T Pick<T>(Random random, (T Value, int Weight)[] weights)
    {
        var roll = random.Next(weights.Sum(w => w.Weight));
        foreach (var (value, weight) in weights)
        {
            if (roll < weight) return value;
            roll -= weight;
        }
        return weights[^1].Value;
    }
}
