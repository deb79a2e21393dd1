using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Monitoring.Demo;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Places;
using Yhdessa.Tests.Network;
using static Yhdessa.Tests.Monitoring.PublishedFigures;

namespace Yhdessa.Tests.Monitoring;

[RunsLong(30)]
public sealed class DisclosureAttackOnSqlite(ITestOutputHelper output) : DisclosureAttackTests(output)
{
    protected override YhdessaApp NewApp() => new SqliteApp();
}

[RunsLong(35)]
public sealed class DisclosureAttackOnPostgres(ITestOutputHelper output) : DisclosureAttackTests(output)
{
    protected override YhdessaApp NewApp() => new PostgresApp();
}

/// <summary>
/// An outsider's attack on everything the monitoring figures publish. A signed-in member opens the dashboard of every
/// area, service type and year window the page offers and exports every table as CSV; anyone reads the open statistics'
/// JSON. Each printed count becomes an interval ("&lt;5" is 1–4, "x" any hidden count but 0, a count rounded to the nearest five
/// v − 2 .. v + 2), every relation a reader knows becomes an equation, and linear programming gives the least and the
/// greatest value of every hidden figure. No hidden figure may be pinned or narrowed to fewer than four values.
/// The attacker reads only what is offered, so it holds whatever the protection lets a member choose. Each test has
/// a database of its own (its data would add up with another's).
/// </summary>
public abstract class DisclosureAttackTests(ITestOutputHelper output)
{
    protected abstract YhdessaApp NewApp();

    private static int ThisYear => DateTime.UtcNow.Year;

    /// <summary>Once this many hidden figures are found narrowed, the attack stops working out the others: enough to
    /// show what is wrong, and quick when much is.</summary>
    private const int MaxNarrowed = 60;

    [Fact]
    public void The_attacker_pins_and_narrows_the_hidden_figures_of_a_naive_publication()
    {
        var attacker = new DisclosureAttacker();
        FigureKey Cell(string table, string row, string column) => new("", "", table, row, column);

        // A column 0, 0, 0, <5, <5 beside its exact total 8: both small counts are 4.
        string[] years = ["2021", "2022", "2023", "2024", "2025"];
        string[] column = ["0", "0", "0", "<5", "<5"];
        for (var y = 0; y < years.Length; y++) attacker.Print("column", Cell("a", years[y], "Other"), column[y]);
        attacker.Print("column", Cell("a", "Σ2021–2025", "Other"), "8");
        attacker.Sum(Cell("a", "Σ2021–2025", "Other"), years.Select(y => Cell("a", y, "Other")));

        // A row <5, 0, 0, 0, 0, <5 whose total is printed 10, rounded to the nearest five (8–12): both are 4.
        string[] row = ["<5", "0", "0", "0", "0", "<5"];
        for (var c = 0; c < row.Length; c++) attacker.Print("row", Cell("b", "2024", $"c{c}"), row[c], rounded: true);
        attacker.Print("row", Cell("b", "2024", "Total"), "10", rounded: true);
        attacker.Sum(Cell("b", "2024", "Total"), Enumerable.Range(0, row.Length).Select(c => Cell("b", "2024", $"c{c}")));

        // <5 beside a rounded 5 (5–7) whose total is also printed 5: the small count is 1 or 2.
        attacker.Print("narrow", Cell("c", "2024", "small"), "<5", rounded: true);
        attacker.Print("narrow", Cell("c", "2024", "five"), "5", rounded: true);
        attacker.Print("narrow", Cell("c", "2024", "Total"), "5", rounded: true);
        attacker.Sum(Cell("c", "2024", "Total"), [Cell("c", "2024", "small"), Cell("c", "2024", "five")]);

        // <5, <5 and x adding up to an exact 15 tell nothing more than the labels: each small count stays 1–4.
        attacker.Print("safe", Cell("d", "2024", "p"), "<5");
        attacker.Print("safe", Cell("d", "2024", "q"), "<5");
        attacker.Print("safe", Cell("d", "2024", "r"), "x");
        attacker.Print("safe", Cell("d", "2024", "Total"), "15");
        attacker.Sum(Cell("d", "2024", "Total"), [Cell("d", "2024", "p"), Cell("d", "2024", "q"), Cell("d", "2024", "r")]);

        var result = attacker.Attack()!.ToDictionary(n => n.Key);
        void Follows(FigureKey key, double min, double max)
        {
            Assert.Equal(min, result[key].Min, 6);
            Assert.Equal(max, result[key].Max, 6);
        }
        Follows(Cell("a", "2024", "Other"), 4, 4);
        Follows(Cell("a", "2025", "Other"), 4, 4);
        Follows(Cell("b", "2024", "c0"), 4, 4);
        Follows(Cell("b", "2024", "c5"), 4, 4);
        Follows(Cell("c", "2024", "small"), 1, 2);
        Follows(Cell("d", "2024", "p"), 1, 4);
        Follows(Cell("d", "2024", "q"), 1, 4);
        Follows(Cell("d", "2024", "r"), 7, 13);
        Assert.Equal(5, result.Values.Count(n => n.Max - n.Min < DisclosureAttacker.MinimumSpread));
    }

    [Fact]
    public async Task No_hidden_figure_of_the_demo_data_follows_from_every_dashboard_view_and_the_open_statistics()
    {
        await using var app = NewApp();
        var host = NetworkTestHost.For(app);
        using (var scope = host.Services.CreateScope())
            await scope.ServiceProvider.GetServices<IDemoData>().OfType<MonitoringDemoData>().Single().SeedAsync(default);

        await AttackAsync(host, dashboards: true, windowsForAllTypes: 6, windowsPerType: 2);
    }

    [Fact]
    public async Task No_hidden_figure_of_a_region_of_small_counts_follows_from_every_dashboard_view_and_the_open_statistics()
    {
        await using var app = NewApp();
        var host = NetworkTestHost.For(app);
        await SmallCountsData.SeedAsync(host);

        await AttackAsync(host, dashboards: true, windowsForAllTypes: 6, windowsPerType: 3);
    }

    /// <summary>A city starts a service of type Other: four move in the year before last and four the last full year,
    /// so the national moves-in table of the last five full years has a column 0, 0, 0, 4, 4 whose total is 8.</summary>
    [Fact]
    public async Task A_new_service_types_small_counts_do_not_follow_from_the_open_statistics()
    {
        await using var app = NewApp();
        var host = NetworkTestHost.For(app);
        using (var scope = host.Services.CreateScope())
            await scope.ServiceProvider.GetServices<IDemoData>().OfType<MonitoringDemoData>().Single().SeedAsync(default);
        await host.WithDbAsync(async db =>
        {
            var city = await db.ReportingUnits.OrderBy(u => u.Id).FirstAsync(u => u.Kind == UnitKind.Municipality);
            var service = new HousingService { UnitId = city.Id, Code = "MUU", Name = "Kokeilu", MunicipalityCode = city.MunicipalityCode, Type = ServiceType.Other, Places = 8 };
            db.Add(service);
            await db.SaveChangesAsync();
            for (var i = 0; i < 8; i++)
                db.Add(new Stay(city.Id, service.Id, $"MUU{i}", new(ThisYear - (i < 4 ? 2 : 1), 3 + i % 4, 1), SituationBefore.Homeless));
            await db.SaveChangesAsync();
        });

        var attacker = await AttackAsync(host, dashboards: false);
        Assert.Contains(attacker.Printed, p => p.View.StartsWith("api:", StringComparison.Ordinal)
            && p.Key is { Table: Tables.MovesIn, Column: "Other" } && p.Key.Row == (ThisYear - 1).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Reads everything there is to read, as the brief of each test says, checks the attacker against the truth, and
    /// asserts that no hidden figure is narrowed.
    /// </summary>
    private async Task<DisclosureAttacker> AttackAsync(WebApplicationFactory<Program> host, bool dashboards, int windowsForAllTypes = 0, int windowsPerType = 0)
    {
        var clock = Stopwatch.StartNew();
        var attacker = new DisclosureAttacker();
        var coordinator = host.Client(await CoordinatorAsync(host));
        var (read, refused) = (0, 0);

        void Take(string view, string area, string type, IEnumerable<ViewTable> printed, IEnumerable<ViewTable> exact)
        {
            foreach (var table in printed)
            {
                foreach (var (key, text) in Counts(area, type, table)) attacker.Print(view, key, text, table.Rounded);
                TableEquations(attacker, area, type, table);
            }
            foreach (var table in exact)
                foreach (var (key, text) in Counts(area, type, table))
                    if (Interval.Of(text, rounded: false) is { } i && i.Low == i.High) attacker.KnowTruth(key, (int)i.Low);
        }

        if (dashboards)
        {
            var member = host.Client(await host.CreateUserAsync("Jäsen"));
            var offer = await OfferAsync(member);
            var parentOf = await AreaParentsAsync(host, offer.Areas);
            var windows = await WindowsAsync(member, offer);
            var views = new List<(string Area, string Type, string Query)>();
            for (var a = 0; a < offer.Areas.Count; a++)
                foreach (var (type, t) in offer.Types.Prepend("").Select((type, t) => (type, t)))
                {
                    // The default window and others in turn, so that every window is read for some areas and types.
                    var count = type == "" ? windowsForAllTypes : windowsPerType;
                    List<string> chosen = [windows[0], .. Enumerable.Range(0, Math.Min(count - 1, windows.Count - 1))
                        .Select(i => windows[1 + (a * 7 + t * 3 + i) % (windows.Count - 1)]).Distinct()];
                    foreach (var window in chosen)
                        views.Add((offer.Areas[a], type, $"area={Uri.EscapeDataString(offer.Areas[a])}"
                            + (type == "" ? "" : $"&type={type}") + (window == "" ? "" : "&" + window)));
                }
            var pages = await EachAsync(views, async view =>
            {
                var links = await ViewAsync(member, view.Query);
                if (links is null) return (view, Printed: new List<ViewTable>(), Exact: new List<ViewTable>());
                var printed = new List<ViewTable>();
                var exact = new List<ViewTable>();
                foreach (var (id, csv, rounded) in links.Where(l => CountTables.Contains(l.Id)))
                {
                    if (await CsvAsync(member, id, csv, rounded) is { } p) printed.Add(p);
                    if (await CsvAsync(coordinator, id, csv, rounded: false) is { } e) exact.Add(e);
                }
                return (view, Printed: printed, Exact: exact);
            });
            foreach (var (view, printed, exact) in pages)
            {
                if (printed.Count == 0) { refused++; continue; }
                read++;
                Take(view.Query, view.Area, view.Type, printed, exact);
            }
            AreaAndTypeEquations(attacker, parentOf, offer.Types);
            output.WriteLine($"Offered: {offer.Areas.Count} areas, {offer.Types.Count} service types, windows [{string.Join("; ", windows)}]");
        }

        // The open statistics, anonymously; their true figures from the coordinator's national view of the same years.
        var open = await OpenStatisticsAsync(host.Client());
        Take("api", "", "", [], await ExactViewAsync(coordinator, $"area=&from={ThisYear - 5}&to={ThisYear - 1}"));
        foreach (var table in open)
        {
            foreach (var (key, text) in Counts("", "", table)) attacker.Print("api:" + table.Id, key, text, table.Rounded);
            TableEquations(attacker, "", "", table);
        }
        var identities = CrossTableIdentities(attacker);
        var readTime = clock.Elapsed;

        var hidden = attacker.Printed.Where(p => Interval.IsHidden(p.Text)).Select(p => p.Key).Distinct().Count();
        output.WriteLine($"Read {read} dashboard views ({refused} not offered) and {open.Count} open tables in {readTime.TotalSeconds:0} s: " +
            $"{attacker.Printed.Count} printed counts, {hidden} distinct hidden figures, {attacker.EquationCount} equations ({identities} between tables).");

        // The attacker itself: what is printed is true, its equations hold in the true figures, and together they are feasible.
        Assert.True(hidden > 0, "Nothing is hidden: this data does not test the protection.");
        Assert.True(attacker.PrintingsNotTrue() is [], "Printed figures that are not true:\n" + string.Join("\n", attacker.PrintingsNotTrue().Take(30)));
        Assert.True(attacker.EquationsNotTrue() is [], "The attacker's equations do not hold:\n" + string.Join("\n", attacker.EquationsNotTrue().Take(30)));
        Assert.True(attacker.FeasibleWithTruth(), "The true figures do not satisfy the attacker's equations.");

        var results = attacker.Attack(output.WriteLine, MaxNarrowed);
        Assert.NotNull(results);
        var narrowed = results.Where(n => n.IsNarrowed).ToList();
        var summary = $"{narrowed.Count} of {results.Count} hidden figures follow to fewer than four values " +
            $"({narrowed.Count(n => n.Max - n.Min < 1e-6)} exactly; " +
            $"{narrowed.Count(n => n.Printings.Any(p => p.Text.Trim().StartsWith('<')))} printed <5)" +
            (results.Any(n => !n.Examined) ? $", and {results.Count(n => !n.Examined)} more were not worked out after that" : "");
        output.WriteLine($"Attack in {(clock.Elapsed - readTime).TotalSeconds:0} s: {summary}.");
        Assert.True(narrowed.Count == 0, summary + ":\n" + DisclosureAttacker.Describe(narrowed.Take(60)));
        return attacker;
    }

    /// <summary>A coordinator signed in with two-step sign-in, who may export the exact figures of every view.</summary>
    private static async Task<string> CoordinatorAsync(WebApplicationFactory<Program> host)
    {
        var coordinator = await host.CreateUserAsync("Koordinaattori", Roles.Coordinator);
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        Assert.True((await users.SetTwoFactorEnabledAsync((await users.FindByIdAsync(coordinator))!, true)).Succeeded);
        return coordinator;
    }

    /// <summary>The exact tables of a view as a coordinator exports them.</summary>
    private static async Task<List<ViewTable>> ExactViewAsync(HttpClient coordinator, string query)
    {
        var tables = new List<ViewTable>();
        foreach (var (id, csv, _) in await ViewAsync(coordinator, query) ?? [])
            if (await CsvAsync(coordinator, id, csv, rounded: false) is { } table) tables.Add(table);
        return tables;
    }

    /// <summary>Each offered area's nearest offered area above it: a unit's municipality (from the units' data), a
    /// municipality's region (from the app's municipalities), a region's nation.</summary>
    private static async Task<Dictionary<string, string>> AreaParentsAsync(WebApplicationFactory<Program> host, IReadOnlyList<string> areas)
    {
        var municipalities = host.Services.GetRequiredService<Municipalities>();
        var unitMunicipality = await host.WithDbAsync(db => db.ReportingUnits.ToDictionaryAsync(u => "u:" + u.Id.ToString(CultureInfo.InvariantCulture), u => u.MunicipalityCode));
        var offered = areas.ToHashSet();
        string? Up(string area) => area switch
        {
            "" => null,
            _ when area.StartsWith("u:", StringComparison.Ordinal) => unitMunicipality.TryGetValue(area, out var code) ? "m:" + code : null,
            _ when area.StartsWith("m:", StringComparison.Ordinal) => municipalities.Find(area[2..]) is { } m ? "r:" + m.RegionFi : null,
            _ => "",
        };
        var parents = new Dictionary<string, string>();
        foreach (var area in areas)
        {
            var parent = Up(area);
            while (parent is not null && !offered.Contains(parent)) parent = Up(parent);
            if (parent is not null) parents[area] = parent;
        }
        return parents;
    }

    /// <summary>The year windows to read: the default, then every single year with figures and every two years in a row.
    /// The years with figures are those with moves in or ended stays in a long national window (or the default one, when
    /// a long one is refused).</summary>
    private static async Task<List<string>> WindowsAsync(HttpClient member, DashboardOffer offer)
    {
        if (offer.LastYear is not { } last || offer.DefaultFrom is null) return [""];
        var probe = $"area=&from={Math.Max(offer.FirstYear ?? 2000, last - 14)}&to={last}";
        var links = await ViewAsync(member, probe) ?? await ViewAsync(member, "area=") ?? [];
        var years = new SortedSet<int>();
        foreach (var (id, csv, rounded) in links.Where(l => l.Id is Tables.MovesIn or Tables.StaysEnded))
            if (await CsvAsync(member, id, csv, rounded) is { } table)
                foreach (var (key, text) in Counts("", "", table))
                    if (!key.Row.StartsWith('Σ') && text.Trim() != "0") years.Add(int.Parse(key.Row, CultureInfo.InvariantCulture));
        return
        [
            "",
            .. years.Select(y => $"from={y}&to={y}"),
            .. years.Where(y => years.Contains(y + 1)).Select(y => $"from={y}&to={y + 1}"),
        ];
    }
}
