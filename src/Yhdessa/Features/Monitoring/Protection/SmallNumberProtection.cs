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
/// figures and follow from adding lines up), so the table is then checked with linear algebra over all its row and
/// column equations; any hidden figure that still follows exactly gets another complementary figure, and the
/// whole is iterated again.</item>
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

    /// <summary>Protects a table of counts (rows × columns, no totals): the totals are added and protected with it.</summary>
    public static ProtectedTable Protect(int[,] counts, int minimumCount)
    {
        int rows = counts.GetLength(0), columns = counts.GetLength(1);
        var value = new int[rows + 1, columns + 1];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
            {
                if (counts[r, c] < 0) throw new ArgumentException("Counts cannot be negative.", nameof(counts));
                value[r, c] = counts[r, c];
                value[r, columns] += counts[r, c];
                value[rows, c] += counts[r, c];
                value[rows, columns] += counts[r, c];
            }

        var state = new CellState[rows + 1, columns + 1];
        for (var r = 0; r <= rows; r++)
            for (var c = 0; c <= columns; c++)
                if (value[r, c] > 0 && value[r, c] < minimumCount) state[r, c] = CellState.Small;

        var lines = Lines(rows, columns);
        while (true)
        {
            if (HideSecondInLonelyLines(lines, value, state)) continue;
            if (HideBesideRecoverable(lines, value, state, rows, columns)) continue;
            break;
        }

        var grid = new ProtectedCell[rows + 1, columns + 1];
        for (var r = 0; r <= rows; r++)
            for (var c = 0; c <= columns; c++)
                grid[r, c] = new ProtectedCell(state[r, c], state[r, c] == CellState.Shown ? value[r, c] : null);
        return new ProtectedTable(grid, minimumCount);
    }

    /// <summary>Each equation of the table: its member figures and the total they add up to.</summary>
    private sealed record Line((int Row, int Column)[] Parts, (int Row, int Column) Total)
    {
        public IEnumerable<(int Row, int Column)> Entries => Parts.Append(Total);
    }

    private static List<Line> Lines(int rows, int columns)
    {
        var lines = new List<Line>();
        for (var r = 0; r <= rows; r++)
            lines.Add(new Line([.. Enumerable.Range(0, columns).Select(c => (r, c))], (r, columns)));
        for (var c = 0; c <= columns; c++)
            lines.Add(new Line([.. Enumerable.Range(0, rows).Select(r => (r, c))], (rows, c)));
        return lines;
    }

    private static bool HideSecondInLonelyLines(List<Line> lines, int[,] value, CellState[,] state)
    {
        var changed = false;
        foreach (var line in lines)
        {
            if (line.Entries.Count(e => state[e.Row, e.Column] != CellState.Shown) != 1) continue;
            if (HideSmallestShown(line, value, state)) changed = true;
        }
        return changed;
    }

    /// <summary>Hides the smallest shown non-zero figure of the line; a zero only when nothing else is left.</summary>
    private static bool HideSmallestShown(Line line, int[,] value, CellState[,] state)
    {
        var candidates = line.Entries.Where(e => state[e.Row, e.Column] == CellState.Shown).ToList();
        if (candidates.Count == 0) return false;
        var nonZero = candidates.Where(e => value[e.Row, e.Column] > 0).ToList();
        // Among equals a member figure goes before the line's total, which is used by another line as well.
        var pick = (nonZero.Count > 0 ? nonZero : candidates)
            .OrderBy(e => value[e.Row, e.Column]).ThenBy(e => e == line.Total ? 1 : 0).First();
        state[pick.Row, pick.Column] = CellState.Complementary;
        return true;
    }

    private static bool HideBesideRecoverable(List<Line> lines, int[,] value, CellState[,] state, int rows, int columns)
    {
        foreach (var recoverable in Recoverable(lines, state, rows, columns))
            foreach (var line in lines.Where(l => l.Entries.Contains(recoverable)))
                if (HideSmallestShown(line, value, state)) return true;
        return false;
    }

    /// <summary>The hidden figures that follow exactly from the shown ones by adding and subtracting rows and columns:
    /// each line is one equation (its parts minus its total is zero) for <see cref="LinkedProtection.Recoverable"/>.</summary>
    private static List<(int Row, int Column)> Recoverable(List<Line> lines, CellState[,] state, int rows, int columns)
    {
        var width = columns + 1;
        int Cell((int Row, int Column) x) => x.Row * width + x.Column;
        var equations = lines.Select(l => new LinkedProtection.Equation(
            [.. l.Parts.Select(p => (Cell(p), 1)), (Cell(l.Total), -1)])).ToList();
        return [.. LinkedProtection.Recoverable((rows + 1) * width, equations, i => state[i / width, i % width] != CellState.Shown)
            .Select(i => (i / width, i % width))];
    }
}
