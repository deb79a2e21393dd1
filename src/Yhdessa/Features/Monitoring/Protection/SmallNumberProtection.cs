using Microsoft.Extensions.Options;

namespace Yhdessa.Features.Monitoring.Protection;

/// <summary>
/// Small-number protection (statistical disclosure control) for every figure that leaves the micro-data view.
/// <list type="number">
/// <item>Primary suppression: a count from 1 to <see cref="ProtectionOptions.MinimumCount"/> − 1 is hidden
/// ("&lt;5"), totals included. Zero is shown: a zero is the commonest and least telling figure of a small table,
/// and hiding it would hide nearly every table of a small municipality without protecting anyone.</item>
/// <item>Complementary suppression: every row and column (the totals row and column too) that holds a hidden
/// figure must hold at least two, so that no single one is its line's total minus the shown figures. The second
/// is the smallest non-zero figure of the line (zeros are never chosen, as a hidden zero protects nothing). This is
/// iterated until stable, because each new hidden figure starts a new line.</item>
/// <item>Two per line is not always enough (a hidden figure can still be a "bridge" between two groups of hidden
/// figures, and two "&lt;5" beside a total of 8 are both 4), so the table is then attacked with a linear-programming
/// solver over all its equations and the labels' meaning (<see cref="IntervalAudit"/>); any hidden figure whose
/// range is narrower than three gets another complementary figure, and the whole is iterated again.</item>
/// </list>
/// Rates: a rate is not shown when its base is below <see cref="ProtectionOptions.MinimumRateBase"/>, nor when its
/// numerator is a small count (the rate times the base would give the numerator back), nor when the rest of the base
/// is (28 of 30 retained tells that 2 were not).
/// </summary>
public sealed class SmallNumberProtection(IOptions<ProtectionOptions> options)
{
    private readonly ProtectionOptions safe = options.Value.Safe();

    public int MinimumCount => safe.MinimumCount;
    public int MinimumRateBase => safe.MinimumRateBase;

    public ProtectedTable Protect(int[,] counts) => Protect(counts, safe.MinimumCount);

    public ProtectedCell Count(int value) => Single(value, safe.MinimumCount);

    public static ProtectedCell Single(int value, int minimumCount) =>
        value is > 0 && value < minimumCount ? new ProtectedCell(CellState.Small, null) : new ProtectedCell(CellState.Shown, value);

    public bool IsSmall(int value) => value > 0 && value < safe.MinimumCount;

    /// <summary>The share numerator / denominator as a fraction 0..1, or null when it must not be shown.</summary>
    public double? Rate(int numerator, int denominator) =>
        denominator < safe.MinimumRateBase || IsSmall(numerator) || IsSmall(denominator - numerator)
            || numerator < 0 || numerator > denominator
            ? null
            : (double)numerator / denominator;

    /// <summary>Protects a table of counts (rows × columns, no totals): the totals are added and protected with it,
    /// by the same steps and audit as tables protected together (<see cref="LinkedProtection"/>).</summary>
    public static ProtectedTable Protect(int[,] counts, int minimumCount)
    {
        foreach (var count in counts)
            if (count < 0) throw new ArgumentException("Counts cannot be negative.", nameof(counts));
        var builder = new LinkedProtection.Builder();
        var ids = builder.Table(counts);
        var state = minimumCount > 0 ? builder.Protect(minimumCount) : new CellState[builder.Values.Count];
        var grid = new ProtectedCell[ids.GetLength(0), ids.GetLength(1)];
        for (var r = 0; r < ids.GetLength(0); r++)
            for (var c = 0; c < ids.GetLength(1); c++)
            {
                var id = ids[r, c];
                grid[r, c] = new ProtectedCell(state[id], state[id] == CellState.Shown ? builder.Values[id] : null);
            }
        return new ProtectedTable(grid, minimumCount);
    }
}
