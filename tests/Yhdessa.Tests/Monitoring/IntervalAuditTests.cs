using Yhdessa.Features.Monitoring.Protection;

namespace Yhdessa.Tests.Monitoring;

/// <summary>
/// The audit reads the labels as a reader does ("&lt;5" is 1..4, "x" a hidden count, 0 exact), so protection no longer
/// leaves hidden counts that those meanings pin down, although no sum of rows and columns gives them exactly.
/// </summary>
public sealed class IntervalAuditTests
{
    /// <summary>Moves in by year (rows) and service type (columns); the last type had 4 in each of the last two years:
    /// printed as 0, 0, 0, &lt;5, &lt;5 with a total of 8, both small cells are 4.</summary>
    private static readonly int[,] TwoFoursBesideEight =
    {
        { 12, 30, 0, 0 }, { 15, 28, 6, 0 }, { 11, 25, 7, 0 }, { 14, 31, 9, 4 }, { 13, 27, 8, 4 },
    };

    [Fact]
    public void Two_small_cells_adding_up_to_eight_are_found_by_the_audit_but_not_by_rank()
    {
        var b = new LinkedProtection.Builder();
        var ids = b.Table(TwoFoursBesideEight);
        var state = new CellState[b.Values.Count];
        foreach (var id in new[] { ids[3, 3], ids[4, 3] }) state[id] = CellState.Small;
        // A second hidden figure in each row, as two per line asked: still no figure follows exactly from the sums.
        state[ids[3, 2]] = state[ids[4, 2]] = CellState.Complementary;

        var ranges = IntervalAudit.Ranges(b.Values, b.Equations, state, minimumCount: 5);

        Assert.Equal((4.0, 4.0), Rounded(ranges[ids[3, 3]]));
        Assert.Equal((4.0, 4.0), Rounded(ranges[ids[4, 3]]));
        Assert.NotEmpty(IntervalAudit.Narrow(b.Values, b.Equations, state, 5, []));
    }

    [Fact]
    public void Protection_keeps_every_hidden_count_free_to_move_by_three()
    {
        var b = new LinkedProtection.Builder();
        var ids = b.Table(TwoFoursBesideEight);
        var state = b.Protect(minimumCount: 5);

        Assert.Equal(CellState.Small, state[ids[3, 3]]);
        Assert.Equal(CellState.Small, state[ids[4, 3]]);
        Assert.NotEqual(CellState.Shown, state[ids[5, 3]]); // the column's total 8 can no longer be shown
        AssertWide(b, state);
    }

    [Fact]
    public void A_small_cell_beside_a_hidden_one_and_a_small_total_is_protected()
    {
        // Row: <5 (3), x (6), total 9 shown would leave the 3 in 3..4 (9 − x with x ≥ 5).
        var b = new LinkedProtection.Builder();
        b.Table(new[,] { { 3, 6 }, { 20, 30 }, { 25, 40 } });
        AssertWide(b, b.Protect(minimumCount: 5));
    }

    [Fact]
    public void When_two_small_parts_add_up_to_a_small_total_the_total_is_written_x()
    {
        // 2 + 1 = 3: with all three written "<5" each part could only be 1..3.
        var b = new LinkedProtection.Builder();
        var ids = b.Table(new[,] { { 2, 1 }, { 20, 30 }, { 25, 40 } });
        var state = b.Protect(minimumCount: 5);

        Assert.Equal(CellState.Complementary, state[ids[0, 2]]);
        Assert.Equal("x", new ProtectedCell(state[ids[0, 2]], null).Text());
        AssertWide(b, state);
    }

    [Fact]
    public void Random_tables_with_many_small_cells_keep_every_hidden_count_wide()
    {
        var random = new Random(20261206);
        for (var n = 0; n < 150; n++)
        {
            var rows = random.Next(2, 7);
            var columns = random.Next(2, 7);
            var counts = new int[rows, columns];
            for (var r = 0; r < rows; r++)
                for (var c = 0; c < columns; c++)
                    counts[r, c] = random.Next(4) switch { 0 => 0, 1 => random.Next(1, 5), 2 => random.Next(5, 12), _ => random.Next(12, 60) };
            var b = new LinkedProtection.Builder();
            b.Table(counts);
            AssertWide(b, b.Protect(minimumCount: 5));
        }
    }

    private static void AssertWide(LinkedProtection.Builder b, CellState[] state)
    {
        foreach (var (cell, (min, max)) in IntervalAudit.Ranges(b.Values, b.Equations, state, minimumCount: 5))
            Assert.True(max - min >= 3 - 1e-6, $"hidden figure {b.Values[cell]} (cell {cell}) can only be {min}..{max}");
    }

    private static (double, double) Rounded((double Min, double Max) range) => (Math.Round(range.Min, 6), Math.Round(range.Max, 6));
}
