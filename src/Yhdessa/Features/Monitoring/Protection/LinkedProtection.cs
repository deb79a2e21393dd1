namespace Yhdessa.Features.Monitoring.Protection;

/// <summary>
/// Small-number protection of several published tables at once. <see cref="SmallNumberProtection.Protect(int[,])"/>
/// keeps one table safe against its own totals; a reader of several tables also knows every identity between them
/// (a base of a rate that is a figure of another table, this year's stock being last year's plus the flows), and a
/// hidden figure that is safe in its table can follow from those. Here every figure is one cell and every identity
/// one equation (a sum of cells with coefficients that is zero); the same three steps as for one table then run
/// over all of them together: small counts are hidden, every equation holding a hidden cell gets a second one, and
/// any hidden cell that still follows from the equations by linear algebra gets another, until nothing follows.
/// </summary>
public static class LinkedProtection
{
    public sealed record Equation(IReadOnlyList<(int Cell, int Coefficient)> Terms);

    public static CellState[] Protect(IReadOnlyList<int> values, IReadOnlyList<Equation> equations, int minimumCount)
    {
        var state = new CellState[values.Count];
        for (var i = 0; i < values.Count; i++)
            if (values[i] > 0 && values[i] < minimumCount) state[i] = CellState.Small;

        while (true)
        {
            var lonely = equations.FirstOrDefault(e => e.Terms.Count(t => state[t.Cell] != CellState.Shown) == 1
                && e.Terms.Any(t => state[t.Cell] == CellState.Shown));
            if (lonely is not null)
            {
                HideSmallestShown(lonely, values, state);
                continue;
            }
            var recoverable = Recoverable(values.Count, equations, i => state[i] != CellState.Shown);
            var widened = false;
            foreach (var cell in recoverable)
            {
                var equation = equations.FirstOrDefault(e => e.Terms.Any(t => t.Cell == cell) && e.Terms.Any(t => state[t.Cell] == CellState.Shown));
                if (equation is null) continue;
                HideSmallestShown(equation, values, state);
                widened = true;
                break;
            }
            if (!widened) return state;
        }
    }

    /// <summary>Hides the smallest shown non-zero figure of the equation; a zero only when nothing else is left.</summary>
    private static void HideSmallestShown(Equation equation, IReadOnlyList<int> values, CellState[] state)
    {
        var shown = equation.Terms.Select(t => t.Cell).Where(c => state[c] == CellState.Shown).ToList();
        var nonZero = shown.Where(c => values[c] > 0).ToList();
        state[(nonZero.Count > 0 ? nonZero : shown).OrderBy(c => values[c]).ThenBy(c => c).First()] = CellState.Complementary;
    }

    /// <summary>The hidden cells that follow exactly from the equations once the shown cells are known: those whose unit
    /// vector lies in the row space of the equations restricted to the hidden cells (row echelon form).</summary>
    public static List<int> Recoverable(int cells, IReadOnlyList<Equation> equations, Func<int, bool> hidden)
    {
        var unknowns = Enumerable.Range(0, cells).Where(hidden).ToList();
        if (unknowns.Count == 0) return [];
        var index = unknowns.Select((u, i) => (u, i)).ToDictionary(x => x.u, x => x.i);
        var matrix = new List<double[]>();
        foreach (var equation in equations)
        {
            var row = new double[unknowns.Count];
            foreach (var (cell, coefficient) in equation.Terms)
                if (index.TryGetValue(cell, out var i)) row[i] += coefficient;
            if (row.Any(x => x != 0)) matrix.Add(row);
        }

        const double epsilon = 1e-9;
        var pivotOfColumn = new Dictionary<int, int>();
        var pivotRow = 0;
        for (var column = 0; column < unknowns.Count && pivotRow < matrix.Count; column++)
        {
            var best = Enumerable.Range(pivotRow, matrix.Count - pivotRow).MaxBy(r => Math.Abs(matrix[r][column]));
            if (Math.Abs(matrix[best][column]) < epsilon) continue;
            (matrix[pivotRow], matrix[best]) = (matrix[best], matrix[pivotRow]);
            var pivot = matrix[pivotRow][column];
            for (var k = 0; k < unknowns.Count; k++) matrix[pivotRow][k] /= pivot;
            for (var r = 0; r < matrix.Count; r++)
            {
                if (r == pivotRow || Math.Abs(matrix[r][column]) < epsilon) continue;
                var factor = matrix[r][column];
                for (var k = 0; k < unknowns.Count; k++) matrix[r][k] -= factor * matrix[pivotRow][k];
            }
            pivotOfColumn[column] = pivotRow++;
        }
        return [.. pivotOfColumn
            .Where(p => !Enumerable.Range(0, unknowns.Count).Any(k => k != p.Key && !pivotOfColumn.ContainsKey(k) && Math.Abs(matrix[p.Value][k]) > epsilon))
            .Select(p => unknowns[p.Key])];
    }

    /// <summary>Collects cells and equations: tables with their totals, single figures, and identities.</summary>
    public sealed class Builder
    {
        private readonly List<int> values = [];
        private readonly List<Equation> equations = [];

        public IReadOnlyList<int> Values => values;

        public int Cell(int value)
        {
            values.Add(value);
            return values.Count - 1;
        }

        /// <summary>A rows × columns table; returns the cell ids of its (rows + 1) × (columns + 1) grid, totals last.</summary>
        public int[,] Table(int[,] counts)
        {
            int rows = counts.GetLength(0), columns = counts.GetLength(1);
            var value = new int[rows + 1, columns + 1];
            for (var r = 0; r < rows; r++)
                for (var c = 0; c < columns; c++)
                {
                    value[r, c] = counts[r, c];
                    value[r, columns] += counts[r, c];
                    value[rows, c] += counts[r, c];
                    value[rows, columns] += counts[r, c];
                }
            var ids = new int[rows + 1, columns + 1];
            for (var r = 0; r <= rows; r++)
                for (var c = 0; c <= columns; c++)
                    ids[r, c] = Cell(value[r, c]);
            for (var r = 0; r <= rows; r++)
                Equation([.. Enumerable.Range(0, columns).Select(c => (ids[r, c], 1)), (ids[r, columns], -1)]);
            for (var c = 0; c <= columns; c++)
                Equation([.. Enumerable.Range(0, rows).Select(r => (ids[r, c], 1)), (ids[rows, c], -1)]);
            return ids;
        }

        public void Equation((int Cell, int Coefficient)[] terms) => equations.Add(new Equation(terms));

        /// <summary>Adds the identity when it holds in the figures: a reader who knows how the figures are made can
        /// know it, and one that does not hold cannot be used to work anything out.</summary>
        public void IdentityIfItHolds(params (int Cell, int Coefficient)[] terms)
        {
            if (terms.Sum(t => values[t.Cell] * t.Coefficient) == 0) Equation(terms);
        }

        public CellState[] Protect(int minimumCount) => LinkedProtection.Protect(values, equations, minimumCount);
    }
}
