using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Monitoring.Dashboards;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Tests.Account;

namespace Yhdessa.Tests.Monitoring;

public sealed class PublishedTogetherOnSqlite(SqliteApp app) : PublishedTogetherTests(app), IClassFixture<SqliteApp>;
public sealed class PublishedTogetherOnPostgres(PostgresApp app) : PublishedTogetherTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// The attacker of the open statistics reads every national table of <c>/api/v1/statistics</c> at once and knows
/// how the figures are made: each table's rows and columns add up, a retention base is the year's moves in, a returns
/// base the year's moves to more independent housing, the count behind a median the year's ended stays, and
/// this year's ongoing stays are last year's plus the moves in minus the ended stays. With linear algebra over all of
/// it, no hidden figure may follow.
/// </summary>
public abstract class PublishedTogetherTests(YhdessaApp app)
{
    private static readonly int LastYear = DateTime.UtcNow.Year - 1;

    /// <summary>A small programme: in one year six residents moved on to more independent housing and two became
    /// homeless. Protected table by table, the two are "&lt;5" and the six is hidden beside them, but the returns
    /// table printed the same six as its base, giving the two away.</summary>
    private async Task SeedAsync() => await app.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<YhdessaDb>();
        if (db.ReportingUnits.Any()) return 0;
        var unit = new ReportingUnit { Name = "Pieni kunta", Kind = UnitKind.Municipality, MunicipalityCode = "837", CreatedAt = DateTimeOffset.UtcNow };
        db.ReportingUnits.Add(unit);
        await db.SaveChangesAsync();
        var service = new HousingService { UnitId = unit.Id, Code = "AE1", Name = "Asunto ensin", MunicipalityCode = "837", Type = ServiceType.HousingFirstCongregate, Places = 60 };
        db.HousingServices.Add(service);
        await db.SaveChangesAsync();
        var year = LastYear - 3;
        var n = 0;
        void Ended(int count, Destination destination, int inYear)
        {
            for (var i = 0; i < count; i++)
                db.Stays.Add(new Stay(unit.Id, service.Id, $"R{++n}", new DateOnly(inYear, 1, 10), SituationBefore.Homeless,
                    new DateOnly(inYear, 6, 1), destination));
        }
        Ended(6, Destination.MoreIndependentHousing, year);
        Ended(2, Destination.Homelessness, year);
        Ended(10, Destination.MoreSupportedHousing, year);
        Ended(12, Destination.InstitutionPrison, year);
        Ended(7, Destination.MoreSupportedHousing, year + 2);
        for (var i = 0; i < 8; i++)
            db.Stays.Add(new Stay(unit.Id, service.Id, $"R{++n}", new DateOnly(year + 1, 3, 1), SituationBefore.LongTermHomeless));
        await db.SaveChangesAsync();
        return 0;
    });

    [Fact]
    public async Task No_hidden_figure_follows_from_all_the_national_tables_together()
    {
        await SeedAsync();
        var client = app.CreateClient();
        async Task<List<List<string>>> Table(string id)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/statistics/programme-{id}"));
            return json.RootElement.GetProperty("rows").EnumerateArray()
                .Select(r => r.EnumerateArray().Skip(1).Select(v => v.GetProperty("text").GetString()!).ToList()).ToList();
        }
        var published = new Dictionary<string, List<List<string>>>();
        foreach (var id in new[] { "moves-in", "stays-ended", "ongoing", "retention", "returns", "length-of-stay" })
            published[id] = await Table(id);

        using var scope = app.Services.CreateScope();
        var f = await scope.ServiceProvider.GetRequiredService<DashboardQuery>()
            .ComputeAsync(new DashboardScope(ScopeKind.Nation, null, null, null, null, LastYear - 4, LastYear), default);
        var attack = new Attack();
        var movesIn = attack.Grid(f.MovesIn, published["moves-in"]);
        var ended = attack.Grid(DashboardTables.EndedColumns(f), published["stays-ended"]);
        var ongoing = attack.Grid(f.OngoingAtEnd, published["ongoing"]);
        int years = f.Years.Length, months = DashboardFigures.RetentionMonths.Length;
        int typesTotal = f.MovesIn.GetLength(1), endedTotal = ended.GetLength(1) - 1;
        for (var y = 0; y < years; y++)
        {
            var bases = new List<int>();
            var returnBases = new List<int>();
            for (var m = 0; m < months; m++)
            {
                bases.Add(attack.Figure(f.Retention[y, m].Base, published["retention"][y][2 * m]));
                returnBases.Add(attack.Figure(f.Returns[y, m].Base, published["returns"][y][2 * m]));
                attack.IfTrue((bases[m], 1), (movesIn[y, typesTotal], -1));
                attack.IfTrue((returnBases[m], 1), (ended[y, (int)EndedColumn.MoreIndependent], -1));
                for (var shorter = 0; shorter < m; shorter++)
                {
                    attack.IfTrue((bases[m], 1), (bases[shorter], -1));
                    attack.IfTrue((returnBases[m], 1), (returnBases[shorter], -1));
                }
            }
            attack.IfTrue((attack.Figure(f.MedianLength[y].Count, published["length-of-stay"][y][0]), 1), (ended[y, endedTotal], -1));
            if (y > 0) attack.IfTrue((ongoing[y, typesTotal], 1), (ongoing[y - 1, typesTotal], -1), (movesIn[y, typesTotal], -1), (ended[y, endedTotal], 1));
        }

        // The case the data was made for: the two are hidden, and so is every figure that gave them away.
        const int row = 1; // LastYear - 3, the second of the five years
        Assert.Equal("<5", published["stays-ended"][row][(int)EndedColumn.Homeless]);
        Assert.Equal("x", published["stays-ended"][row][(int)EndedColumn.MoreIndependent]);
        Assert.All(Enumerable.Range(0, months), m => Assert.NotEqual("6", published["returns"][row][2 * m]));
        attack.AssertNothingFollows();
    }

    [Fact]
    public async Task The_direction_shares_are_worked_out_only_from_the_ended_stays_as_printed()
    {
        await SeedAsync();
        var client = app.CreateClient();
        async Task<List<List<JsonElement>>> Rows(string id)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/statistics/programme-{id}?culture=en"));
            return json.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.Clone()).ToList()).ToList();
        }
        var ended = await Rows("stays-ended");
        var direction = await Rows("housing-direction");
        string Text(JsonElement v) => v.GetProperty("text").GetString()!;
        decimal? Number(JsonElement v) => v.GetProperty("number").ValueKind == JsonValueKind.Number ? v.GetProperty("number").GetDecimal() : null;

        Assert.Equal(ended.Count, direction.Count);
        for (var r = 0; r < ended.Count; r++)
        {
            var total = ended[r][^1];
            Assert.Equal(Text(ended[r][0]), Text(direction[r][0]));
            Assert.Equal(Text(total), Text(direction[r][1]));
            foreach (var (column, share) in new[] { (EndedColumn.MoreIndependent, direction[r][2]), (EndedColumn.MoreSupported, direction[r][3]) })
            {
                if (Number(ended[r][1 + (int)column]) is { } part && Number(total) is { } all and >= 20)
                    Assert.Equal(Math.Round(100 * part / all, 1), Number(share));
                else
                    Assert.Null(Number(share));
            }
        }

        // The seeded year: the six who moved to more independent housing are hidden, so is their share; the ten who
        // moved to more supported housing are printed, and so is their share of the thirty.
        const int row = 1;
        Assert.Equal("x", Text(ended[row][1 + (int)EndedColumn.MoreIndependent]));
        Assert.Equal("not shown", Text(direction[row][2]));
        Assert.Equal("30", Text(direction[row][1]));
        Assert.Equal("33 %", Text(direction[row][3]));
    }

    /// <summary>The attacker's knowledge: figures (shown or hidden) and equations between them; independent of the
    /// protection's own code, it tests each hidden figure by rank: it follows when adding its unit vector to the
    /// equations (restricted to the hidden figures) does not raise their rank.</summary>
    private sealed class Attack
    {
        private readonly List<int> truth = [];
        private readonly List<bool> hidden = [];
        private readonly List<(int Cell, int Coefficient)[]> equations = [];

        public int Figure(int value, string text)
        {
            var isHidden = text is "x" or "<5";
            if (!isHidden) Assert.Equal(value, int.Parse(new string(text.Where(char.IsAsciiDigit).ToArray())));
            if (value is > 0 and < 5) Assert.Equal("<5", text);
            truth.Add(value);
            hidden.Add(isHidden);
            return truth.Count - 1;
        }

        public int[,] Grid(int[,] counts, List<List<string>> rows)
        {
            int r0 = counts.GetLength(0), c0 = counts.GetLength(1);
            var ids = new int[r0 + 1, c0 + 1];
            for (var r = 0; r <= r0; r++)
                for (var c = 0; c <= c0; c++)
                {
                    var value = 0;
                    for (var rr = 0; rr < r0; rr++)
                        for (var cc = 0; cc < c0; cc++)
                            if ((r == r0 || rr == r) && (c == c0 || cc == c)) value += counts[rr, cc];
                    ids[r, c] = Figure(value, rows[r][c]);
                }
            for (var r = 0; r <= r0; r++) equations.Add([.. Enumerable.Range(0, c0).Select(c => (ids[r, c], 1)), (ids[r, c0], -1)]);
            for (var c = 0; c <= c0; c++) equations.Add([.. Enumerable.Range(0, r0).Select(r => (ids[r, c], 1)), (ids[r0, c], -1)]);
            return ids;
        }

        public void IfTrue(params (int Cell, int Coefficient)[] terms)
        {
            if (terms.Sum(t => truth[t.Cell] * t.Coefficient) == 0) equations.Add(terms);
        }

        public void AssertNothingFollows()
        {
            var unknowns = Enumerable.Range(0, truth.Count).Where(i => hidden[i]).ToList();
            var column = unknowns.Select((u, i) => (u, i)).ToDictionary(x => x.u, x => x.i);
            var rows = equations.Select(e =>
            {
                var row = new double[unknowns.Count];
                foreach (var (cell, coefficient) in e)
                    if (column.TryGetValue(cell, out var i)) row[i] += coefficient;
                return row;
            }).Where(r => r.Any(x => x != 0)).ToList();
            var rank = Rank(rows);
            foreach (var unknown in unknowns)
            {
                var unit = new double[unknowns.Count];
                unit[column[unknown]] = 1;
                Assert.True(Rank([.. rows, unit]) > rank, $"Hidden figure {unknown} (true value {truth[unknown]}) follows from the published tables");
            }
        }

        private static int Rank(List<double[]> rows)
        {
            var m = rows.Select(r => (double[])r.Clone()).ToList();
            var rank = 0;
            for (var c = 0; c < (m.Count == 0 ? 0 : m[0].Length) && rank < m.Count; c++)
            {
                var best = Enumerable.Range(rank, m.Count - rank).MaxBy(r => Math.Abs(m[r][c]));
                if (Math.Abs(m[best][c]) < 1e-9) continue;
                (m[rank], m[best]) = (m[best], m[rank]);
                for (var r = 0; r < m.Count; r++)
                {
                    if (r == rank || Math.Abs(m[r][c]) < 1e-9) continue;
                    var factor = m[r][c] / m[rank][c];
                    for (var k = c; k < m[r].Length; k++) m[r][k] -= factor * m[rank][k];
                }
                rank++;
            }
            return rank;
        }
    }
}
