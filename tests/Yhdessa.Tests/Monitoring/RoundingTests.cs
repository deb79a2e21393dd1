using Yhdessa.Features.Monitoring.Protection;

namespace Yhdessa.Tests.Monitoring;

public sealed class RoundingTests
{
    [Theory]
    [InlineData(5, 5)]
    [InlineData(7, 5)]      // never below five: 5, 6 and 7 are all printed 5
    [InlineData(8, 10)]
    [InlineData(10, 10)]
    [InlineData(12, 10)]
    [InlineData(13, 15)]
    [InlineData(47, 45)]
    [InlineData(48, 50)]
    [InlineData(1234, 1235)]
    public void A_shown_count_is_printed_to_the_nearest_five(int count, int printed)
    {
        Assert.Equal(new ProtectedCell(CellState.Shown, printed), Rounding.Round(new ProtectedCell(CellState.Shown, count)));
    }

    [Fact]
    public void A_printed_figure_means_two_either_side_but_never_under_five()
    {
        for (var count = 5; count <= 200; count++)
        {
            var printed = Rounding.Round(new ProtectedCell(CellState.Shown, count)).Value!.Value;
            Assert.Equal(0, printed % 5);
            Assert.InRange(count, Math.Max(5, printed - 2), printed + 2);
        }
    }

    [Fact]
    public void Zero_small_and_hidden_figures_are_printed_as_before()
    {
        Assert.Equal("0", Rounding.Round(new ProtectedCell(CellState.Shown, 0)).Text());
        Assert.Equal("<5", Rounding.Round(new ProtectedCell(CellState.Small, null)).Text());
        Assert.Equal("x", Rounding.Round(new ProtectedCell(CellState.Complementary, null)).Text());
    }

    [Fact]
    public void A_share_beside_a_rounded_base_says_nothing_more_about_the_base()
    {
        // 7 of 18 … 7 of 22 are all printed with the base 20: from the exact counts their shares (39 %, 37 %, 35 %,
        // 33 %, 32 %) would tell the base; from the rounded counts every one is 5 of 20.
        var shares = Enumerable.Range(18, 5).Select(b => Rounding.Share((double)7 / b, 7, b)).Distinct().ToList();
        Assert.Equal([0.25], shares);
        Assert.Null(Rounding.Share(null, 7, 21));
    }
}
