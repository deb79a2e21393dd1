namespace Yhdessa.Features.Monitoring.Protection;

/// <summary>Why a figure is shown or not.</summary>
public enum CellState
{
    Shown,
    /// <summary>A count from 1 to MinimumCount − 1: written "&lt;5".</summary>
    Small,
    /// <summary>Hidden only so that a small count could not be worked out from the totals: written "x".</summary>
    Complementary,
}

/// <summary>One figure of a protected table. <see cref="Value"/> is null unless the figure is shown.</summary>
public readonly record struct ProtectedCell(CellState State, int? Value)
{
    public bool IsHidden => State != CellState.Shown;

    /// <summary>The figure as printed in every table, export and API answer.</summary>
    public string Text(int minimumCount = 5) => State switch
    {
        CellState.Shown => Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        CellState.Small => "<" + minimumCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "x",
    };
}

/// <summary>
/// A two-way table of counts with row totals, column totals and the grand total, after small-number
/// protection. Built only by <see cref="SmallNumberProtection.Protect"/>; the raw counts never leave it.
/// Index <c>Rows</c> of <see cref="Cell"/> is the totals row and index <c>Columns</c> the totals column.
/// </summary>
public sealed class ProtectedTable
{
    private readonly ProtectedCell[,] grid;

    internal ProtectedTable(ProtectedCell[,] grid, int minimumCount)
    {
        this.grid = grid;
        MinimumCount = minimumCount;
    }

    public int Rows => grid.GetLength(0) - 1;
    public int Columns => grid.GetLength(1) - 1;
    public int MinimumCount { get; }

    public ProtectedCell Cell(int row, int column) => grid[row, column];
    public ProtectedCell RowTotal(int row) => grid[row, Columns];
    public ProtectedCell ColumnTotal(int column) => grid[Rows, column];
    public ProtectedCell GrandTotal => grid[Rows, Columns];

    public string Text(int row, int column) => grid[row, column].Text(MinimumCount);

    public int HiddenCount
    {
        get
        {
            var n = 0;
            foreach (var cell in grid) if (cell.IsHidden) n++;
            return n;
        }
    }
}
