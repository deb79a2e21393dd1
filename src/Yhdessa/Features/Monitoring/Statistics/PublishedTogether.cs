using System.Globalization;
using Yhdessa.Features.Monitoring.Dashboards;
using Yhdessa.Features.Monitoring.Protection;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Monitoring.Statistics;

/// <summary>
/// The national programme tables are published side by side, so they are protected together
/// (<see cref="LinkedProtection"/>) rather than each on its own: a reader who sees them all knows that a retention
/// base is the year's moves in, a returns base the year's moves to more independent housing, the count behind a
/// median the year's ended stays, that bases of the same cohort followed longer are often the same number, and that
/// this year's ongoing stays are last year's plus the moves in minus the ended stays. Each of these that holds in the
/// figures is an equation of the joint protection, beside each table's own rows and columns. The tables keep their
/// layout from <see cref="DashboardTables"/>; only which counts are shown changes.
/// </summary>
internal static class PublishedTogether
{
    public static IReadOnlyList<OpenTable> Protect(DashboardFigures f, IReadOnlyList<OpenTable> tables, int minimumCount)
    {
        var b = new LinkedProtection.Builder();
        var movesIn = b.Table(f.MovesIn);
        var ended = b.Table(DashboardTables.EndedColumns(f));
        var ongoing = b.Table(f.OngoingAtEnd);
        int years = f.Years.Length, months = DashboardFigures.RetentionMonths.Length;
        int typesTotal = f.MovesIn.GetLength(1), endedTotal = ended.GetLength(1) - 1;
        var moreIndependent = (int)EndedColumn.MoreIndependent;
        var retention = new int[years, months];
        var returns = new int[years, months];
        var length = new int[years];
        for (var y = 0; y < years; y++)
        {
            for (var m = 0; m < months; m++)
            {
                retention[y, m] = b.Cell(f.Retention[y, m].Base);
                returns[y, m] = b.Cell(f.Returns[y, m].Base);
            }
            length[y] = b.Cell(f.MedianLength[y].Count);
        }
        for (var y = 0; y < years; y++)
        {
            for (var m = 0; m < months; m++)
            {
                b.IdentityIfItHolds((retention[y, m], 1), (movesIn[y, typesTotal], -1));
                b.IdentityIfItHolds((returns[y, m], 1), (ended[y, moreIndependent], -1));
                for (var longer = m + 1; longer < months; longer++)
                {
                    b.IdentityIfItHolds((retention[y, m], 1), (retention[y, longer], -1));
                    b.IdentityIfItHolds((returns[y, m], 1), (returns[y, longer], -1));
                }
            }
            b.IdentityIfItHolds((length[y], 1), (ended[y, endedTotal], -1));
            if (y > 0)
                b.IdentityIfItHolds((ongoing[y, typesTotal], 1), (ongoing[y - 1, typesTotal], -1),
                    (movesIn[y, typesTotal], -1), (ended[y, endedTotal], 1));
        }
        var state = b.Protect(minimumCount);

        OpenValue Value(int cell) => state[cell] == CellState.Shown
            ? new OpenValue(b.Values[cell].ToString("#,##0", Languages.FormattingCulture(Languages.Current)), b.Values[cell])
            : new OpenValue(new ProtectedCell(state[cell], null).Text(minimumCount));

        return [.. tables.Select(table => table.Id switch
        {
            DashboardTables.MovesIn => WithGrid(table, movesIn, Value),
            DashboardTables.StaysEnded => WithGrid(table, ended, Value),
            DashboardTables.Ongoing => WithGrid(table, ongoing, Value),
            DashboardTables.Retention => WithColumns(table, (y, column) => column % 2 == 1 ? Value(retention[y, column / 2]) : null),
            DashboardTables.Returns => WithColumns(table, (y, column) => column % 2 == 1 ? Value(returns[y, column / 2]) : null),
            DashboardTables.LengthOfStay => WithColumns(table, (y, column) => column == 1 ? Value(length[y]) : null),
            _ => table,
        })];
    }

    /// <summary>A count table: the first column names the year, the rest are the grid (totals last).</summary>
    private static OpenTable WithGrid(OpenTable table, int[,] ids, Func<int, OpenValue> value) =>
        table with
        {
            Rows = [.. table.Rows.Select((row, r) => (IReadOnlyList<OpenValue>)[row[0], .. Enumerable.Range(0, ids.GetLength(1)).Select(c => value(ids[r, c]))])],
        };

    /// <summary>A table of years whose listed columns are replaced (a null keeps the column as it was).</summary>
    private static OpenTable WithColumns(OpenTable table, Func<int, int, OpenValue?> replacement) =>
        table with
        {
            Rows = [.. table.Rows.Select((row, y) => (IReadOnlyList<OpenValue>)[.. row.Select((cell, column) => column == 0 ? cell : replacement(y, column) ?? cell)])],
        };
}
