using System.Collections.Concurrent;
using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Network;

namespace Yhdessa.Tests.Monitoring;

public sealed class DashboardDifferencingOnSqlite(SqliteApp app) : DashboardDifferencingTests(app), IClassFixture<SqliteApp>;
public sealed class DashboardDifferencingOnPostgres(PostgresApp app) : DashboardDifferencingTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// The attacker of the dashboards is a member who opens every view there is: the region, each of its three
/// municipalities, each unit, the nation, a service type, and other year windows. Every view is protected on its
/// own, so its hidden figures are in other places than another view's; what keeps a hidden count hidden across
/// views is that every shown count is rounded to the nearest five, the same in every view.
/// </summary>
public abstract class DashboardDifferencingTests
{
    private const int Scattered = (int)ServiceType.ScatteredWithSupport, HousingFirst = (int)ServiceType.HousingFirstCongregate;
    private static readonly int[] Years = [2022, 2023];
    private static readonly string[] Codes = ["091", "049", "092"]; // Helsinki, Espoo and Vantaa: all of Uusimaa here

    /// <summary>Moves in by [municipality, year, type]. Helsinki's 2 moves into Housing First in 2022 are the figure to
    /// protect: exact, the region would print 20 and Espoo and Vantaa 7 and 11, and 20 − 7 − 11 = 2.</summary>
    private static readonly int[,,] Truth = Build(new()
    {
        [(0, 0, Scattered)] = 12, [(0, 0, HousingFirst)] = 2, [(0, 1, Scattered)] = 8, [(0, 1, HousingFirst)] = 6,
        [(1, 0, Scattered)] = 9, [(1, 0, HousingFirst)] = 7, [(1, 1, Scattered)] = 13, [(1, 1, HousingFirst)] = 5,
        [(2, 0, Scattered)] = 6, [(2, 0, HousingFirst)] = 11, [(2, 1, Scattered)] = 7, [(2, 1, HousingFirst)] = 9,
    });

    private static readonly (int M, int Y, int T) Target = (0, 0, HousingFirst);
    private static readonly int TypeCount = Enum.GetValues<ServiceType>().Length;

    private static int[,,] Build(Dictionary<(int M, int Y, int T), int> counts)
    {
        var truth = new int[Codes.Length, Years.Length, Enum.GetValues<ServiceType>().Length];
        foreach (var ((m, y, t), n) in counts) truth[m, y, t] = n;
        return truth;
    }

    private static readonly ConcurrentDictionary<YhdessaApp, Lazy<Task<int[]>>> Seeded = new();
    private static readonly HtmlParser Parser = new();
    private readonly WebApplicationFactory<Program> host;
    private readonly Lazy<Task<int[]>> units;

    protected DashboardDifferencingTests(YhdessaApp app)
    {
        host = NetworkTestHost.For(app);
        units = Seeded.GetOrAdd(app, _ => new Lazy<Task<int[]>>(SeedAsync));
    }

    /// <summary>One municipal unit per municipality, with a scattered and a Housing First service; the stays go on.</summary>
    private Task<int[]> SeedAsync() => host.WithDbAsync(async db =>
    {
        var ids = new int[Codes.Length];
        for (var m = 0; m < Codes.Length; m++)
        {
            var unit = new ReportingUnit { Name = $"Kunta {Codes[m]}", Kind = UnitKind.Municipality, MunicipalityCode = Codes[m], CreatedAt = DateTimeOffset.UtcNow };
            db.Add(unit);
            await db.SaveChangesAsync();
            ids[m] = unit.Id;
            var services = new[] { ServiceType.ScatteredWithSupport, ServiceType.HousingFirstCongregate }.ToDictionary(t => (int)t, t =>
                new HousingService { UnitId = unit.Id, Code = $"S{(int)t}", Name = t.ToString(), MunicipalityCode = Codes[m], Type = t, Places = 40 });
            db.AddRange(services.Values);
            await db.SaveChangesAsync();
            for (var y = 0; y < Years.Length; y++)
                foreach (var (t, service) in services)
                    for (var i = 0; i < Truth[m, y, t]; i++)
                        db.Add(new Stay(unit.Id, service.Id, $"R{y}-{t}-{i}", new(Years[y], 3, 1), SituationBefore.Homeless));
        }
        await db.SaveChangesAsync();
        return ids;
    });

    /// <summary>A printed figure: which true counts it adds up, what the page printed, and the interval that means to an
    /// attacker who knows the rules: a shown figure that is not a multiple of five was not rounded, so it is exact.</summary>
    private sealed record Reading(string View, (int M, int Y, int T)[] Counts, string Printed)
    {
        public int TrueValue => Counts.Sum(c => Truth[c.M, c.Y, c.T]);

        public (long Low, long High) Interval(bool asIfExact) => Printed switch
        {
            "<5" => (1, 4),
            "x" => (0, long.MaxValue / 4),
            _ when asIfExact => (TrueValue, TrueValue),
            _ => int.Parse(Printed, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) switch
            {
                0 => (0, 0),
                var v when v % 5 != 0 => (v, v),
                var v => (Math.Max(5, v - 2), v + 2),
            },
        };
    }

    /// <summary>Every view a member can open over these municipalities, read as the attacker reads it: the moves-in
    /// table (cells, row and column totals) and the retention bases, which are the year's moves in here.</summary>
    private async Task<List<Reading>> ReadEveryViewAsync()
    {
        var ids = await units.Value;
        var client = host.Client(await host.CreateUserAsync("Jäsen"));
        var all = Enumerable.Range(0, Codes.Length).ToArray();
        var areas = new List<(string Area, int[] Municipalities)> { ("", all), ("r:Uusimaa", all) };
        for (var m = 0; m < Codes.Length; m++)
        {
            areas.Add(("m:" + Codes[m], [m]));
            areas.Add(("u:" + ids[m].ToString(CultureInfo.InvariantCulture), [m]));
        }
        var readings = new List<Reading>();
        foreach (var (area, municipalities) in areas)
            foreach (var (from, to) in new[] { (0, 1), (0, 0), (1, 1) })
                foreach (var type in new int?[] { null, HousingFirst, Scattered })
                {
                    if (type is not null && (from, to) != (0, 1)) continue;
                    var view = $"area={area}&from={Years[from]}&to={Years[to]}" + (type is null ? "" : $"&type={(ServiceType)type}");
                    var page = Parser.ParseDocument(await client.GetStringAsync($"/monitoring/dashboards?{view}&culture=en"));
                    readings.AddRange(Read(page, view, municipalities, [.. Enumerable.Range(from, to - from + 1)], type));
                }
        return readings;
    }

    private static IEnumerable<Reading> Read(IDocument page, string view, int[] municipalities, int[] years, int? type)
    {
        int[] types = type is { } only ? [only] : [.. Enumerable.Range(0, TypeCount)];
        (int, int, int)[] Counts(IEnumerable<int> ys, IEnumerable<int> ts) =>
            [.. municipalities.SelectMany(m => ys.SelectMany(y => ts.Select(t => (m, y, t))))];

        var movesIn = Rows(page, "moves-in");
        Assert.Equal(years.Length + 1, movesIn.Count);
        for (var r = 0; r <= years.Length; r++)
        {
            int[] rowYears = r < years.Length ? [years[r]] : years;
            foreach (var t in types)
                yield return new(view, Counts(rowYears, [t]), movesIn[r][t]);
            yield return new(view, Counts(rowYears, types), movesIn[r][TypeCount]);
        }
        var retention = Rows(page, "retention");
        for (var r = 0; r < years.Length; r++)
            foreach (var column in new[] { 0, 2, 4 }) // the bases of 6, 12 and 24 months
                yield return new(view, Counts([years[r]], types), retention[r][column]);
    }

    private static List<List<string>> Rows(IDocument page, string table) =>
        [.. page.QuerySelector($"#{table}-caption")!.Closest("table")!.QuerySelectorAll("tbody tr")
            .Select(row => row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList())];

    /// <summary>
    /// The attack: every reading is an equation "these counts add up to something in this interval", and a region is
    /// the sum of its municipalities, the nation of the region, a type's view a column of all types, one year's window
    /// a row of two years'. Each count's interval is narrowed from every equation it is in (its sum's interval minus
    /// the other counts' intervals) until nothing changes.
    /// </summary>
    private static (long Low, long High)[,,] Attack(List<Reading> readings, bool asIfExact)
    {
        var bounds = new (long Low, long High)[Codes.Length, Years.Length, TypeCount];
        foreach (var i in Indices()) bounds[i.M, i.Y, i.T] = (0, long.MaxValue / 4);
        var equations = readings.Select(r => (r.Counts, Interval: r.Interval(asIfExact))).ToList();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (counts, (low, high)) in equations)
            {
                long lowSum = counts.Sum(c => bounds[c.M, c.Y, c.T].Low), highSum = counts.Sum(c => bounds[c.M, c.Y, c.T].High);
                foreach (var (m, y, t) in counts)
                {
                    var (ownLow, ownHigh) = bounds[m, y, t];
                    var narrowed = (Math.Max(ownLow, low - (highSum - ownHigh)), Math.Min(ownHigh, high - (lowSum - ownLow)));
                    if (narrowed == bounds[m, y, t]) continue;
                    bounds[m, y, t] = narrowed;
                    changed = true;
                    lowSum += narrowed.Item1 - ownLow;
                    highSum += narrowed.Item2 - ownHigh;
                }
            }
        }
        return bounds;
    }

    private static IEnumerable<(int M, int Y, int T)> Indices() =>
        from m in Enumerable.Range(0, Codes.Length) from y in Enumerable.Range(0, Years.Length) from t in Enumerable.Range(0, TypeCount) select (m, y, t);

    [Fact]
    public async Task Comparing_areas_types_years_and_tables_leaves_a_hidden_count_an_interval()
    {
        var readings = await ReadEveryViewAsync();

        // What is printed is true: "<5" is 1–4, a shown v is v − 2 .. v + 2 and at least 5.
        foreach (var reading in readings)
            Assert.InRange(reading.TrueValue, reading.Interval(asIfExact: false).Low, reading.Interval(asIfExact: false).High);
        Assert.Contains(readings, r => r.Counts.SequenceEqual(new[] { Target }) && r.Printed == "<5");

        // Had the shown figures been exact, as before rounding, these views would give Helsinki's 2 back...
        var exact = Attack(readings, asIfExact: true);
        Assert.Equal((2, 2), exact[Target.M, Target.Y, Target.T]);

        // ...but rounded, the hidden count is still somewhere in 1–4, and so is every other count kept within its interval.
        var rounded = Attack(readings, asIfExact: false);
        var (low, high) = rounded[Target.M, Target.Y, Target.T];
        Assert.True(high > low, $"The hidden count follows exactly: {low}");
        Assert.InRange(2, low, high);
        foreach (var (m, y, t) in Indices().Where(i => Truth[i.M, i.Y, i.T] > 0))
            Assert.True(rounded[m, y, t].High > rounded[m, y, t].Low, $"Count {(m, y, t)} = {Truth[m, y, t]} follows exactly.");
    }

    [Fact]
    public async Task A_count_prints_the_same_in_every_view_that_shows_it()
    {
        var readings = await ReadEveryViewAsync();

        var shownTwice = readings.Where(r => r.Printed is not ("x" or "<5"))
            .GroupBy(r => string.Join(";", r.Counts.Where(c => Truth[c.M, c.Y, c.T] > 0).Order()))
            .Where(g => g.Select(r => r.View).Distinct().Count() > 1).ToList();
        Assert.NotEmpty(shownTwice);
        foreach (var figure in shownTwice)
            Assert.Single(figure.Select(r => r.Printed).Distinct());
        // Vantaa's 11 moves into Housing First in 2022 are "10" in its municipality's and its unit's views, in both windows
        // that hold 2022 and in the Housing First view.
        Assert.True(readings.Count(r => r.Counts.SequenceEqual(new[] { (2, 0, HousingFirst) }) && r.Printed == "10") >= 4);
    }

    [Fact]
    public async Task A_coordinator_with_micro_data_rights_exports_the_exact_counts()
    {
        await units.Value;
        var coordinator = await host.CreateUserAsync("Koordinaattori", Roles.Coordinator);
        using (var scope = host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            Assert.True((await users.SetTwoFactorEnabledAsync((await users.FindByIdAsync(coordinator))!, true)).Succeeded);
        }

        var response = await host.Client(coordinator).GetAsync("/monitoring/dashboards?handler=export&format=xlsx&area=r:Uusimaa&from=2022&to=2023&culture=en");
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var movesIn = book.Worksheets.First(s => s.Name.StartsWith("Moves in"));

        // Row 2 is 2022: 27 to scattered housing, 20 to Housing First, 47 in all, as counted.
        Assert.Equal("27", movesIn.Cell(2, 2 + Scattered).GetFormattedString());
        Assert.Equal("20", movesIn.Cell(2, 2 + HousingFirst).GetFormattedString());
        Assert.Equal("47", movesIn.Cell(2, 2 + TypeCount).GetFormattedString());
        Assert.DoesNotContain(movesIn.CellsUsed(), c => c.GetString().Contains("rounded"));
    }
}
