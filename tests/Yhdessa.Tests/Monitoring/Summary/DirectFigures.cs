using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Monitoring.Dashboards;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Places;

namespace Yhdessa.Tests.Monitoring.Summary;

/// <summary>
/// TEST HELPER: the dashboard figures computed the plain way, from every stay loaded into memory, following the
/// definitions in docs/monitoring.md word for word: the reference the summary-based <see cref="DashboardQuery"/> is
/// held against.
/// </summary>
public static class DirectFigures
{
    public static async Task<DashboardFigures> ComputeAsync(YhdessaDb db, DashboardScope scope, DateOnly today)
    {
        var municipalities = new Municipalities();
        var stays = await (from s in db.Stays join sv in db.HousingServices on s.ServiceId equals sv.Id select new { s, sv }).ToListAsync();
        var units = await db.ReportingUnits.ToListAsync();
        var rounds = await db.CollectionRounds.ToDictionaryAsync(r => r.Id);
        var methods = await db.RoundUnits.ToListAsync();
        var values = await db.AggregateValues.ToListAsync();

        bool InScope(int unitId, string municipality) => scope.Kind switch
        {
            ScopeKind.Unit => unitId == scope.UnitId,
            ScopeKind.Municipality => municipality == scope.Municipality,
            ScopeKind.Region => municipalities.All.Any(m => m.Code == municipality && m.RegionFi == scope.Region),
            _ => true,
        };
        var aggregateYears = methods.Where(m => m.Method == ReportingMethod.Aggregate).Select(m => (m.UnitId, rounds[m.RoundId].Start.Year)).ToHashSet();
        bool Counted(int unitId, int year) => !aggregateYears.Contains((unitId, year));
        var mine = stays.Where(x => InScope(x.s.UnitId, x.sv.MunicipalityCode) && (scope.Type is null || x.sv.Type == scope.Type)).ToList();
        // A month can be followed N months when its last day is N months before today.
        bool Followed(DateOnly date, int months) => new DateOnly(date.Year, date.Month, 1).AddMonths(1).AddDays(-1) <= today.AddMonths(-months);

        var years = Enumerable.Range(scope.From, scope.To - scope.From + 1).ToArray();
        var n = years.Length;
        var f = new DashboardFigures
        {
            Years = years, MovesIn = new int[n, 5], EndedByGroup = new int[n, 5], EndedByDirection = new int[n, 4], OngoingAtEnd = new int[n, 5],
            Retention = new RatePart[n, 3], Returns = new RatePart[n, 3], MedianLength = new (int, int?)[n], Methods = [], AsOf = today,
        };
        for (var i = 0; i < n; i++)
        {
            var year = years[i];
            var yearEnd = new DateOnly(year, 12, 31);
            var counted = mine.Where(x => Counted(x.s.UnitId, year)).Select(x => (Stay: x.s, x.sv.Type)).ToList();
            foreach (var (s, type) in counted)
            {
                if (s.MoveIn.Year == year) f.MovesIn[i, (int)type]++;
                if (s.MoveIn <= yearEnd && !(s.End <= yearEnd)) f.OngoingAtEnd[i, (int)type]++;
                if (s.End?.Year == year)
                {
                    f.EndedByGroup[i, (int)Destinations.GroupOf(s.Destination!.Value)]++;
                    f.EndedByDirection[i, (int)Destinations.DirectionOf(s.Destination!.Value)]++;
                }
            }
            for (var m = 0; m < 3; m++)
            {
                var months = DashboardFigures.RetentionMonths[m];
                var cohort = counted.Select(c => c.Stay).Where(s => s.MoveIn.Year == year && Followed(s.MoveIn, months)).ToList();
                f.Retention[i, m] = new(cohort.Count, cohort.Count(s => s.End is null
                    || s.Destination is Destination.MoreIndependentHousing or Destination.MoreSupportedHousing or Destination.SimilarHousingElsewhere
                    || s.End >= s.MoveIn.AddMonths(months)));
                var exits = counted.Select(c => c.Stay).Where(s => s.End?.Year == year && s.Destination == Destination.MoreIndependentHousing
                                                                   && Followed(s.End.Value, months)).ToList();
                f.Returns[i, m] = new(exits.Count, exits.Count(e => stays.Any(b => b.s.UnitId == e.UnitId && b.s.ResidentCode == e.ResidentCode
                    && b.s.MoveIn > e.End && b.s.MoveIn <= e.End!.Value.AddMonths(months))));
            }
            var lengths = counted.Select(c => c.Stay).Where(s => s.End?.Year == year).Select(s => s.End!.Value.DayNumber - s.MoveIn.DayNumber).Order().ToList();
            f.MedianLength[i] = lengths.Count == 0 ? (0, null) : (lengths.Count, lengths[(lengths.Count + 1) / 2 - 1]);

            // An aggregate year of a unit: the sum of its rounds' flows, and the stock of its round ending on 31 December.
            foreach (var v in values.Where(v => rounds[v.RoundId].Start.Year == year && aggregateYears.Contains((v.UnitId, year))
                                                && InScope(v.UnitId, units.Single(u => u.Id == v.UnitId).MunicipalityCode)
                                                && (scope.Type is null || v.ServiceType == scope.Type)))
            {
                if (v.Measure == Measure.MovesIn) f.MovesIn[i, (int)v.ServiceType] += v.Count;
                if (v.Measure == Measure.StaysEnded)
                {
                    var d = Enum.Parse<Destination>(v.Category);
                    f.EndedByGroup[i, (int)Destinations.GroupOf(d)] += v.Count;
                    f.EndedByDirection[i, (int)Destinations.DirectionOf(d)] += v.Count;
                }
                if (v.Measure == Measure.OngoingAtEnd && rounds[v.RoundId].End == yearEnd) f.OngoingAtEnd[i, (int)v.ServiceType] += v.Count;
            }
        }
        return f;
    }
}
