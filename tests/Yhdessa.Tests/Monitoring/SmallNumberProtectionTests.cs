using Microsoft.Extensions.Options;
using Yhdessa.Features.Monitoring.Protection;

namespace Yhdessa.Tests.Monitoring;

public sealed class SmallNumberProtectionTests
{
    private static readonly SmallNumberProtection Protection = new(Options.Create(new ProtectionOptions()));

    [Fact]
    public void Counts_from_one_to_four_are_written_less_than_five_and_zero_is_shown()
    {
        var table = Protection.Protect(new[,] { { 0, 3, 40 }, { 12, 9, 30 } });

        Assert.Equal("0", table.Text(0, 0));
        Assert.Equal("<5", table.Text(0, 1));
        Assert.Null(table.Cell(0, 1).Value);
        Assert.Equal(CellState.Shown, table.Cell(0, 0).State);
    }

    [Fact]
    public void A_lone_small_cell_gets_a_complementary_cell_in_its_row_and_column()
    {
        // Row 0 is 3 + 40 + 50 = 93 and column 1 is 3 + 9 + 11 = 23: without a second hidden cell each
        // total minus the shown cells would give the 3 back.
        var table = Protection.Protect(new[,] { { 20, 3, 40 }, { 12, 9, 30 }, { 15, 11, 25 } });

        Assert.Equal(CellState.Small, table.Cell(0, 1).State);
        Assert.Equal(CellState.Complementary, table.Cell(1, 1).State); // 9 is the smallest other cell of column 1
        Assert.Equal(CellState.Complementary, table.Cell(0, 0).State); // 20 is the smallest other cell of row 0
        Assert.Equal(CellState.Complementary, table.Cell(1, 0).State); // closes the rectangle: row 1 and column 0
        Assert.Equal("x", table.Text(1, 1));
        Assert.Equal(4, table.HiddenCount);
        Assert.Equal(CellState.Shown, table.GrandTotal.State);
        Assert.Equal(165, table.GrandTotal.Value);
        AssertNothingRecoverable(table, new[,] { { 20, 3, 40 }, { 12, 9, 30 }, { 15, 11, 25 } });
    }

    [Fact]
    public void A_small_total_is_hidden_and_protected_like_a_cell()
    {
        // Row 1 adds up to 3: its total is small itself, and the column of row totals needs a second hidden figure.
        var counts = new[,] { { 30, 25 }, { 0, 3 }, { 40, 50 } };
        var table = Protection.Protect(counts);

        Assert.Equal("<5", table.Text(1, 2));
        Assert.Equal("0", table.Text(1, 0));
        Assert.True(table.RowTotal(0).IsHidden || table.RowTotal(2).IsHidden || table.GrandTotal.IsHidden);
        AssertNothingRecoverable(table, counts);
    }

    [Fact]
    public void A_table_of_one_row_hides_the_column_total_that_equals_the_small_cell()
    {
        var counts = new[,] { { 2, 17, 30 } };
        var table = Protection.Protect(counts);

        Assert.True(table.ColumnTotal(0).IsHidden);
        AssertNothingRecoverable(table, counts);
    }

    [Fact]
    public void Zeros_are_never_chosen_as_complementary_cells()
    {
        var counts = new[,] { { 0, 3, 0, 12 }, { 0, 8, 0, 30 } };
        var table = Protection.Protect(counts);

        for (var r = 0; r < 2; r++)
        {
            Assert.Equal("0", table.Text(r, 0));
            Assert.Equal("0", table.Text(r, 2));
        }
        AssertNothingRecoverable(table, counts);
    }

    [Fact]
    public void A_table_without_small_counts_is_shown_whole()
    {
        var table = Protection.Protect(new[,] { { 5, 0 }, { 7, 100 } });

        Assert.Equal(0, table.HiddenCount);
        Assert.Equal(112, table.GrandTotal.Value);
        Assert.Equal(5, table.RowTotal(0).Value);
    }

    [Fact]
    public void Two_separate_pairs_joined_by_one_cell_do_not_leave_that_cell_recoverable()
    {
        // A layout where the two-per-line rule alone can leave a "bridge" cell: the algebra check must catch it.
        var counts = new[,]
        {
            { 1, 6, 50, 50, 50 },
            { 2, 7, 50, 50, 50 },
            { 50, 8, 1, 9, 50 },
            { 50, 50, 2, 10, 50 },
        };
        var table = Protection.Protect(counts);

        AssertNothingRecoverable(table, counts);
    }

    [Fact]
    public void Random_tables_never_leave_a_hidden_cell_recoverable_from_the_totals()
    {
        var random = new Random(20260105);
        for (var round = 0; round < 300; round++)
        {
            int rows = random.Next(1, 4), columns = random.Next(1, 4);
            var counts = new int[rows, columns];
            for (var r = 0; r < rows; r++)
                for (var c = 0; c < columns; c++)
                    counts[r, c] = random.Next(4) switch { 0 => 0, 1 => random.Next(1, 5), _ => random.Next(5, 60) };

            AssertNothingRecoverable(Protection.Protect(counts), counts);
        }
    }

    [Theory]
    [InlineData(10, 19, null)]     // base under 20
    [InlineData(3, 40, null)]      // a small numerator would come back as rate × base
    [InlineData(28, 30, null)]     // and so would the 2 who are the rest of the base
    [InlineData(0, 20, 0.0)]
    [InlineData(20, 20, 1.0)]
    [InlineData(10, 20, 0.5)]
    [InlineData(30, 40, 0.75)]
    public void Rates_are_not_shown_on_tiny_bases_or_when_a_small_count_could_be_worked_out(int numerator, int denominator, double? expected)
    {
        Assert.Equal(expected, Protection.Rate(numerator, denominator));
    }

    [Fact]
    public void Configuration_can_make_the_thresholds_stricter_but_never_weaker()
    {
        var weak = new SmallNumberProtection(Options.Create(new ProtectionOptions { MinimumCount = 2, MinimumRateBase = 5 }));
        var strict = new SmallNumberProtection(Options.Create(new ProtectionOptions { MinimumCount = 10, MinimumRateBase = 50 }));

        Assert.Equal(5, weak.MinimumCount);
        Assert.Equal(20, weak.MinimumRateBase);
        Assert.Equal(CellState.Small, weak.Count(4).State);
        Assert.Equal(CellState.Small, strict.Count(9).State);
        Assert.Equal("<10", strict.Protect(new[,] { { 9, 30 }, { 40, 50 } }).Text(0, 0));
        Assert.Null(strict.Rate(30, 49));
    }

    /// <summary>
    /// The attacker: knows every shown figure, and that hidden "&lt;5" figures are 1–4. Adds and subtracts any
    /// combination of the table's row and column equations (coefficients −1, 0, +1) and looks for one that leaves
    /// exactly one hidden figure: that figure would then be recovered. Also checks that what is shown is true.
    /// </summary>
    internal static void AssertNothingRecoverable(ProtectedTable table, int[,] counts)
    {
        int rows = counts.GetLength(0), columns = counts.GetLength(1);
        var truth = new int[rows + 1, columns + 1];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
            {
                truth[r, c] = counts[r, c];
                truth[r, columns] += counts[r, c];
                truth[rows, c] += counts[r, c];
                truth[rows, columns] += counts[r, c];
            }

        for (var r = 0; r <= rows; r++)
            for (var c = 0; c <= columns; c++)
            {
                var cell = table.Cell(r, c);
                if (!cell.IsHidden) Assert.Equal(truth[r, c], cell.Value);
                // A small figure is hidden: "<5", or "x" where its label would narrow another figure.
                if (truth[r, c] is > 0 and < 5) Assert.True(cell.IsHidden);
            }

        AssertNoCombinationIsolatesAHiddenFigure(rows, columns, (r, c) => table.Cell(r, c).IsHidden);
    }

    /// <summary>The attack itself, on a grid of (rows + 1) × (columns + 1) figures whose last row and column are totals.</summary>
    internal static void AssertNoCombinationIsolatesAHiddenFigure(int rows, int columns, Func<int, int, bool> hidden)
    {
        // Each equation as coefficients over the grid: members +1, total −1.
        var equations = new List<int[,]>();
        for (var r = 0; r <= rows; r++)
        {
            var e = new int[rows + 1, columns + 1];
            for (var c = 0; c < columns; c++) e[r, c] = 1;
            e[r, columns] = -1;
            equations.Add(e);
        }
        for (var c = 0; c <= columns; c++)
        {
            var e = new int[rows + 1, columns + 1];
            for (var r = 0; r < rows; r++) e[r, c] = 1;
            e[rows, c] = -1;
            equations.Add(e);
        }

        var coefficients = new int[equations.Count];
        var combinations = (int)Math.Pow(3, equations.Count);
        for (var n = 1; n < combinations; n++)
        {
            var k = n;
            for (var i = 0; i < equations.Count; i++) { coefficients[i] = k % 3 - 1; k /= 3; }
            var hiddenLeft = new List<(int, int)>();
            for (var r = 0; r <= rows; r++)
                for (var c = 0; c <= columns; c++)
                {
                    var sum = 0;
                    for (var i = 0; i < equations.Count; i++) sum += coefficients[i] * equations[i][r, c];
                    if (sum != 0 && hidden(r, c)) hiddenLeft.Add((r, c));
                }
            Assert.False(hiddenLeft.Count == 1,
                $"The hidden figure at {hiddenLeft.FirstOrDefault()} follows from the totals of a {rows}×{columns} table.");
        }
    }
}
