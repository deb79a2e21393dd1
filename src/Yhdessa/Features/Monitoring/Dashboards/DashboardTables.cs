using System.Globalization;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Monitoring.Protection;
using Yhdessa.Features.Monitoring.Statistics;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Monitoring.Dashboards;

/// <summary>The destinations of ended stays as the dashboards group them: the three HUD "permanent" directions
/// (which also answer "more independent vs more supported"), then the other HUD groups.</summary>
public enum EndedColumn { MoreIndependent, MoreSupported, Similar, Institutional, Homeless, Other }

/// <summary>
/// Turns dashboard figures into tables, protected (small-number protection, for everything that leaves the
/// micro-data view) or as counted (only for someone who may see the micro-data of everything in the scope).
/// The same tables feed the page, its charts, the exports and the programme tables of /statistics. Protected counts of
/// the nation, a region or a municipality are taken from the <see cref="Publication"/>, which protects all of them
/// together; a view outside it (a unit, a service type) is protected table by table and is only offered to those who
/// may see its figures exactly. Protected tables have no total over years.
/// </summary>
public sealed class DashboardTables(SmallNumberProtection protection, IStringLocalizer<DashboardText> d,
    IStringLocalizer<MonitoringText> m)
{
    public const string MovesIn = "moves-in";
    public const string StaysEnded = "stays-ended";
    public const string Direction = "housing-direction";
    public const string Ongoing = "ongoing";
    public const string Retention = "retention";
    public const string Returns = "returns";
    public const string LengthOfStay = "length-of-stay";
    public const string ReportingMethods = "reporting-methods";

    private static CultureInfo Culture => Languages.FormattingCulture(Languages.Current);

    /// <summary>The dashboard's tables: as counted when <paramref name="protect"/> is false; otherwise with the counts
    /// of <paramref name="published"/> (the jointly protected figures of the scope's area), or protected table by table
    /// when the view is not published.</summary>
    public IReadOnlyList<OpenTable> ForDashboard(DashboardFigures f, bool protect, string scopeName, PublishedArea? published = null)
    {
        var p = new Publishing(protect, protect ? published : null);
        var ended = EndedColumns(f);
        IReadOnlyList<OpenTable> tables =
        [
            Counts(MovesIn, f, [.. DashboardFigures.Types.Select(t => m.Name(t))], f.MovesIn, p, scopeName),
            Counts(StaysEnded, f, [.. Enum.GetValues<EndedColumn>().Select(c => d[$"Ended_{c}"].Value)], ended, p, scopeName,
                [d["EndedNote"]]),
            Counts(Ongoing, f, [.. DashboardFigures.Types.Select(t => m.Name(t))], f.OngoingAtEnd, p, scopeName),
            Rates(Retention, f, f.Retention, p, scopeName, d["RetentionNote"]),
            Rates(Returns, f, f.Returns, p, scopeName, d["ReturnsNote"]),
            Length(f, p, scopeName),
            Methods(f, scopeName),
        ];
        return [.. tables.SelectMany(t => t.Id == StaysEnded ? [t, DirectionShares(t, p, scopeName)] : new[] { t })];
    }

    /// <summary>
    /// The share of each year's ended stays that went to more independent and to more supported housing. It is worked
    /// out only from what the ended stays' table prints — its row total and its two direction cells, after every
    /// protection and rounding that table had — so it tells nothing that table does not: a share of a hidden, small or
    /// unprinted figure, or of a total under the rate base, is not shown.
    /// </summary>
    private OpenTable DirectionShares(OpenTable ended, Publishing p, string scopeName)
    {
        var minimumBase = p.Protect ? protection.MinimumRateBase : 1;
        var total = ended.Columns.Count - 1;
        OpenColumn[] columns =
        [
            new("year", d["Year"]), new("ended", d["EndedCount"], true),
            new("more_independent", d["ShareMoreIndependent"], true), new("more_supported", d["ShareMoreSupported"], true),
        ];
        OpenValue Share(OpenValue part, OpenValue all) =>
            all.Number is 0 ? new OpenValue("–")
            : part.Number is { } n && all.Number is { } a && a >= minimumBase ? Percent((double)(n / a), noBase: false)
            : new OpenValue(d["NotShown"]);
        var rows = ended.Rows.Select(row => (IReadOnlyList<OpenValue>)
        [
            row[0], row[total],
            Share(row[1 + (int)EndedColumn.MoreIndependent], row[total]),
            Share(row[1 + (int)EndedColumn.MoreSupported], row[total]),
        ]).ToList();
        return new OpenTable(Direction, Title(Direction, scopeName), d[$"Table_{Direction}_Description"], columns, rows,
            [d["DirectionNote"], .. ProtectionNotes(p, d["RateProtectedNote", protection.MinimumRateBase])], p.Protect);
    }

    /// <summary>How the counts of one build are published: protected or as counted, and protected ones from the
    /// publication when the view is part of it.</summary>
    private readonly record struct Publishing(bool Protect, PublishedArea? Published);

    /// <summary>The notes every protected table of the build ends with.</summary>
    private static IEnumerable<string> ProtectionNotes(Publishing p, params string[] notes) => p.Protect ? notes : [];

    internal static int[,] EndedColumns(DashboardFigures f)
    {
        var ended = new int[f.Years.Length, Enum.GetValues<EndedColumn>().Length];
        for (var y = 0; y < f.Years.Length; y++)
        {
            ended[y, (int)EndedColumn.MoreIndependent] = f.EndedByDirection[y, (int)HousingDirection.MoreIndependent];
            ended[y, (int)EndedColumn.MoreSupported] = f.EndedByDirection[y, (int)HousingDirection.MoreSupported];
            ended[y, (int)EndedColumn.Similar] = f.EndedByDirection[y, (int)HousingDirection.Similar];
            ended[y, (int)EndedColumn.Institutional] = f.EndedByGroup[y, (int)HudGroup.Institutional];
            ended[y, (int)EndedColumn.Homeless] = f.EndedByGroup[y, (int)HudGroup.Homeless];
            // No destination maps to HUD "temporary" today; were one added, it is counted with "other".
            ended[y, (int)EndedColumn.Other] = f.EndedByGroup[y, (int)HudGroup.Other] + f.EndedByGroup[y, (int)HudGroup.Temporary];
        }
        return ended;
    }

    private OpenTable Counts(string id, DashboardFigures f, string[] categories, int[,] counts, Publishing p, string scopeName,
        IReadOnlyList<string>? notes = null)
    {
        var years = f.Years;
        // Exact tables have a total row; protected ones do not, as a sum over a chosen span of years would be one more
        // figure to subtract.
        var (cell, rowsShown) = p switch
        {
            { Protect: false } => (Exact(counts), years.Length + 1),
            { Published: { } published } => ((r, c) => published.Cell(id, years[r], c), years.Length),
            _ => (OnItsOwn(counts), years.Length),
        };
        OpenColumn[] columns =
        [
            new("year", d["Year"]),
            .. categories.Select((c, i) => new OpenColumn("c" + i.ToString(CultureInfo.InvariantCulture), c, true)),
            new("total", d["Total"], true),
        ];
        var rows = new List<IReadOnlyList<OpenValue>>();
        for (var r = 0; r < rowsShown; r++)
        {
            var row = new List<OpenValue> { new(r < years.Length ? years[r].ToString(CultureInfo.InvariantCulture) : d["Total"]) };
            for (var c = 0; c <= categories.Length; c++) row.Add(Value(cell(r, c), protection.MinimumCount));
            rows.Add(row);
        }
        return new OpenTable(id, Title(id, scopeName), d[$"Table_{id}_Description"], columns, rows,
            [.. notes ?? [], .. ProtectionNotes(p, d["ProtectedNote"])], p.Protect);
    }

    /// <summary>The counts with their totals, as counted.</summary>
    private static Func<int, int, ProtectedCell> Exact(int[,] counts)
    {
        var table = SmallNumberProtection.Protect(counts, minimumCount: 0);
        return table.Cell;
    }

    /// <summary>The counts with a total per row, protected as one table.</summary>
    private Func<int, int, ProtectedCell> OnItsOwn(int[,] counts)
    {
        var b = new LinkedProtection.Builder();
        var ids = b.Rows(counts);
        var state = b.Protect(protection.MinimumCount);
        return (r, c) => new ProtectedCell(state[ids[r, c]], state[ids[r, c]] == CellState.Shown ? b.Values[ids[r, c]] : null);
    }

    /// <summary>A single count outside a table (a base, the count behind a median).</summary>
    private ProtectedCell Single(Publishing p, string table, int year, int column, int count) => p switch
    {
        { Protect: false } => new ProtectedCell(CellState.Shown, count),
        { Published: { } published } => published.Cell(table, year, column),
        _ => protection.Count(count),
    };

    private static OpenValue Value(ProtectedCell cell, int minimumCount) =>
        cell.Value is { } v ? new OpenValue(v.ToString("#,##0", Culture), v) : new OpenValue(cell.Text(minimumCount));

    private OpenTable Rates(string id, DashboardFigures f, RatePart[,] parts, Publishing p, string scopeName, string note)
    {
        var years = f.Years;
        var months = DashboardFigures.RetentionMonths;
        var columns = new List<OpenColumn> { new("year", d["Year"]) };
        foreach (var m in months)
        {
            columns.Add(new($"base_{m}", d["RateBase", m], true));
            columns.Add(new($"rate_{m}", d["RatePercent", m], true));
        }
        var rows = new List<IReadOnlyList<OpenValue>>();
        for (var y = 0; y < years.Length; y++)
        {
            var row = new List<OpenValue> { new(years[y].ToString(CultureInfo.InvariantCulture)) };
            for (var m = 0; m < months.Length; m++)
            {
                var part = parts[y, m];
                row.Add(Value(Single(p, id, years[y], m, part.Base), protection.MinimumCount));
                var rate = p.Protect ? protection.Rate(part.Hits, part.Base)
                    : part.Base > 0 ? (double)part.Hits / part.Base : null;
                row.Add(Percent(rate, part.Base == 0));
            }
            rows.Add(row);
        }
        return new OpenTable(id, Title(id, scopeName), d[$"Table_{id}_Description"], columns, rows,
            [note, .. ProtectionNotes(p, d["RateProtectedNote", protection.MinimumRateBase])], p.Protect);
    }

    private OpenValue Percent(double? rate, bool noBase) => rate is { } r
        ? new OpenValue((r * 100).ToString("0", Culture) + " %", Math.Round((decimal)r * 100, 1))
        : new OpenValue(noBase ? "–" : d["NotShown"]);

    private OpenTable Length(DashboardFigures f, Publishing p, string scopeName)
    {
        OpenColumn[] columns = [new("year", d["Year"]), new("ended", d["EndedCount"], true), new("median_days", d["MedianDays"], true)];
        var rows = new List<IReadOnlyList<OpenValue>>();
        for (var y = 0; y < f.Years.Length; y++)
        {
            var (count, medianDays) = f.MedianLength[y];
            var shown = medianDays is not null && (!p.Protect || count >= protection.MinimumRateBase);
            rows.Add(
            [
                new(f.Years[y].ToString(CultureInfo.InvariantCulture)),
                Value(Single(p, LengthOfStay, f.Years[y], 0, count), protection.MinimumCount),
                shown ? new OpenValue(medianDays!.Value.ToString("#,##0", Culture), medianDays) : new OpenValue(count == 0 ? "–" : d["NotShown"]),
            ]);
        }
        return new OpenTable(LengthOfStay, Title(LengthOfStay, scopeName), d[$"Table_{LengthOfStay}_Description"], columns, rows,
            [d["LengthNote"], .. ProtectionNotes(p, d["RateProtectedNote", protection.MinimumRateBase])], p.Protect);
    }

    /// <summary>Which units reported which way each year: the dashboard must say it, and names of units are not personal data.</summary>
    private OpenTable Methods(DashboardFigures f, string scopeName)
    {
        OpenColumn[] columns = [new("year", d["Year"]), new("stays", d["Method_Stays"]), new("aggregate", d["Method_Aggregate"])];
        var rows = f.Years.Select(year => (IReadOnlyList<OpenValue>)
        [
            new(year.ToString(CultureInfo.InvariantCulture)),
            new(string.Join(", ", f.Methods.Where(m => m.Year == year && m.Method == ReportingMethod.Stays).Select(m => m.UnitName))),
            new(string.Join(", ", f.Methods.Where(m => m.Year == year && m.Method == ReportingMethod.Aggregate).Select(m => m.UnitName))),
        ]).ToList();
        return new OpenTable(ReportingMethods, Title(ReportingMethods, scopeName), d[$"Table_{ReportingMethods}_Description"],
            columns, rows, [d["MethodsNote"]], Protected: false);
    }

    private string Title(string id, string scopeName) => d[$"Table_{id}"] + " – " + scopeName;
}
