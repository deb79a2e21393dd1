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
/// The same tables feed the page, its charts, the exports and the programme tables of /statistics. The dashboard's
/// protected counts are also rounded (<see cref="Rounding"/>); the programme tables are not, as their counts are
/// protected again together and they cover the whole country only.
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

    /// <summary>The dashboard's tables for its page and exports: protected and rounded, or as counted for someone who
    /// may see the micro-data of the whole scope. A member can open every area, service type and year window, and
    /// comparing views would give back what each view's suppression hides; rounded counts print the same in every
    /// view, so a comparison gives an interval rather than the count.</summary>
    public IReadOnlyList<OpenTable> ForDashboard(DashboardFigures f, bool protect, string scopeName) =>
        WithDirection(Build(f, protect, round: protect, scopeName), new Publishing(protect, protect), scopeName);

    /// <summary>The tables protected table by table with exact shown counts, for the national programme tables of
    /// /statistics, which <see cref="PublishedTogether"/> protects again together; the direction shares are added
    /// after that (<see cref="WithDirection(IReadOnlyList{OpenTable}, string)"/>). Not for a dashboard: see
    /// <see cref="ForDashboard"/>.</summary>
    public IReadOnlyList<OpenTable> Build(DashboardFigures f, bool protect, string scopeName) =>
        Build(f, protect, round: false, scopeName);

    private IReadOnlyList<OpenTable> Build(DashboardFigures f, bool protect, bool round, string scopeName)
    {
        var ended = EndedColumns(f);
        var p = new Publishing(protect, round);
        return
        [
            Counts(MovesIn, f.Years, [.. DashboardFigures.Types.Select(t => m.Name(t))], f.MovesIn, p, scopeName),
            Counts(StaysEnded, f.Years, [.. Enum.GetValues<EndedColumn>().Select(c => d[$"Ended_{c}"].Value)], ended, p, scopeName,
                [d["EndedNote"]]),
            Counts(Ongoing, f.Years, [.. DashboardFigures.Types.Select(t => m.Name(t))], f.OngoingAtEnd, p, scopeName),
            Rates(Retention, f.Years, f.Retention, p, scopeName, d["RetentionNote"]),
            Rates(Returns, f.Years, f.Returns, p, scopeName, d["ReturnsNote"]),
            Length(f, p, scopeName),
            Methods(f, scopeName),
        ];
    }

    /// <summary>The tables with the direction shares of ended stays after the ended stays' table, for protected tables
    /// whose counts are printed exactly (the national programme tables, after their joint protection).</summary>
    public IReadOnlyList<OpenTable> WithDirection(IReadOnlyList<OpenTable> tables, string scopeName) =>
        WithDirection(tables, new Publishing(Protect: true, Round: false), scopeName);

    private IReadOnlyList<OpenTable> WithDirection(IReadOnlyList<OpenTable> tables, Publishing p, string scopeName) =>
        [.. tables.SelectMany(t => t.Id == StaysEnded ? [t, DirectionShares(t, p, scopeName)] : new[] { t })];

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

    /// <summary>How the counts of one build are published: protected or as counted, and protected ones rounded or not.</summary>
    private readonly record struct Publishing(bool Protect, bool Round)
    {
        public ProtectedCell Cell(ProtectedCell cell) => Round ? Rounding.Round(cell) : cell;
    }

    /// <summary>The notes every protected table of the build ends with.</summary>
    private IEnumerable<string> ProtectionNotes(Publishing p, params string[] notes) =>
        !p.Protect ? [] : p.Round ? [.. notes, d["RoundedNote"].Value] : notes;

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

    private OpenTable Counts(string id, int[] years, string[] categories, int[,] counts, Publishing p, string scopeName,
        IReadOnlyList<string>? notes = null)
    {
        var table = p.Protect ? protection.Protect(counts) : SmallNumberProtection.Protect(counts, minimumCount: 0);
        OpenColumn[] columns =
        [
            new("year", d["Year"]),
            .. categories.Select((c, i) => new OpenColumn("c" + i.ToString(CultureInfo.InvariantCulture), c, true)),
            new("total", d["Total"], true),
        ];
        var rows = new List<IReadOnlyList<OpenValue>>();
        for (var r = 0; r <= years.Length; r++)
        {
            var row = new List<OpenValue> { new(r < years.Length ? years[r].ToString(CultureInfo.InvariantCulture) : d["Total"]) };
            for (var c = 0; c <= categories.Length; c++) row.Add(Value(p.Cell(table.Cell(r, c)), table.MinimumCount));
            rows.Add(row);
        }
        return new OpenTable(id, Title(id, scopeName), d[$"Table_{id}_Description"], columns, rows,
            [.. notes ?? [], .. ProtectionNotes(p, d["ProtectedNote"])], p.Protect);
    }

    private static OpenValue Value(ProtectedCell cell, int minimumCount) =>
        cell.Value is { } v ? new OpenValue(v.ToString("#,##0", Culture), v) : new OpenValue(cell.Text(minimumCount));

    private OpenTable Rates(string id, int[] years, RatePart[,] parts, Publishing p, string scopeName, string note)
    {
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
                row.Add(p.Protect ? Value(p.Cell(protection.Count(part.Base)), protection.MinimumCount) : Value(new(CellState.Shown, part.Base), 0));
                var rate = p.Protect ? protection.Rate(part.Hits, part.Base)
                    : part.Base > 0 ? (double)part.Hits / part.Base : null;
                if (p.Round) rate = Rounding.Share(rate, part.Hits, part.Base);
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
                p.Protect ? Value(p.Cell(protection.Count(count)), protection.MinimumCount) : Value(new(CellState.Shown, count), 0),
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
