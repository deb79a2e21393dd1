namespace Yhdessa.Features.Monitoring.Protection;

/// <summary>
/// Small-number protection of several published tables at once, and of one table (<see cref="SmallNumberProtection"/>).
/// A reader who sees several tables knows every identity between them (a base of a rate that is a figure of another
/// table, this year's stock being last year's plus the flows, a region being the sum of its municipalities) as well as
/// each table's rows and columns. Here every figure is one cell and every identity one equation (a sum of cells with
/// coefficients that is zero). Small counts are hidden; every equation that would leave one hidden figure alone gets a
/// second; then <see cref="IntervalAudit"/> attacks the whole with a linear-programming solver, using the labels'
/// meaning too ("&lt;5" is 1..4, "x" at least the minimum count, 0 exact), and any hidden figure it can narrow below
/// the minimum width gets another hidden figure beside it, until nothing can be narrowed.
/// </summary>
public static class LinkedProtection
{
    public sealed record Equation(IReadOnlyList<(int Cell, int Coefficient)> Terms);

    public static CellState[] Protect(IReadOnlyList<int> values, IReadOnlyList<Equation> equations, int minimumCount)
    {
        var state = new CellState[values.Count];
        for (var i = 0; i < values.Count; i++)
            if (values[i] > 0 && values[i] < minimumCount) state[i] = CellState.Small;
        var equationsOf = new List<Equation>[values.Count];
        for (var i = 0; i < values.Count; i++) equationsOf[i] = [];
        foreach (var equation in equations)
            foreach (var (cell, _) in equation.Terms)
                equationsOf[cell].Add(equation);

        var safe = new HashSet<string>();
        while (true)
        {
            var lonelyFound = false;
            foreach (var equation in equations)
                if (equation.Terms.Count(t => state[t.Cell] != CellState.Shown) == 1
                    && HideSmallestShown([equation], values, state))
                    lonelyFound = true;
            if (lonelyFound) continue;

            var narrow = IntervalAudit.Narrow(values, equations, state, minimumCount, safe);
            var widened = new HashSet<Equation>();
            foreach (var cell in narrow)
            {
                // One more hidden figure per narrow cell: in one of its own equations, else in an equation of a hidden
                // figure it shares one with (the cell can then move against that figure).
                var own = equationsOf[cell];
                if (own.Any(widened.Contains)) continue;
                var near = own.SelectMany(e => e.Terms).Where(t => state[t.Cell] != CellState.Shown)
                    .SelectMany(t => equationsOf[t.Cell]).Distinct().ToList();
                if (HideSmallestShown(own, values, state) || HideSmallestShown(near, values, state) || Unlabel(cell, own, state)
                    || Unlabel(cell, near, state) || WidenAnywhere(cell, equationsOf, values, state))
                    widened.UnionWith(own);
            }
            if (widened.Count == 0) return state;
        }
    }

    /// <summary>Last resort for a narrow cell: a shown figure, else a "&lt;5" label, anywhere among the hidden figures
    /// joined to it by equations.</summary>
    private static bool WidenAnywhere(int cell, List<Equation>[] equationsOf, IReadOnlyList<int> values, CellState[] state)
    {
        var seen = new HashSet<int> { cell };
        var reach = new HashSet<Equation>();
        var queue = new Queue<int>([cell]);
        while (queue.Count > 0)
            foreach (var equation in equationsOf[queue.Dequeue()])
                if (reach.Add(equation))
                    foreach (var (other, _) in equation.Terms)
                        if (state[other] != CellState.Shown && seen.Add(other)) queue.Enqueue(other);
        return HideSmallestShown(reach, values, state) || Unlabel(cell, reach, state);
    }

    /// <summary>When nothing is left to hide, the label itself is what narrows: three "&lt;5" where two add up to the
    /// third leave each part 1..3. A small figure of the cell's equations, a total before a member, is then written
    /// "x" instead, which does not say that it is under five.</summary>
    private static bool Unlabel(int cell, IReadOnlyCollection<Equation> equations, CellState[] state)
    {
        var small = equations.SelectMany(e => e.Terms).Where(t => state[t.Cell] == CellState.Small)
            .OrderBy(t => t.Cell == cell ? 1 : 0).ThenBy(t => t.Coefficient < 0 ? 0 : 1).ThenBy(t => t.Cell)
            .Select(t => (int?)t.Cell).FirstOrDefault();
        if (small is not { } pick) return false;
        state[pick] = CellState.Complementary;
        return true;
    }

    /// <summary>Hides the smallest shown non-zero figure of the equations, a member of a sum before its total. Zeros are
    /// never hidden: a shown zero is exact and a reader relies on it, so "x" never stands for 0. False when no
    /// non-zero figure is shown.</summary>
    private static bool HideSmallestShown(IReadOnlyCollection<Equation> equations, IReadOnlyList<int> values, CellState[] state)
    {
        var shown = equations.SelectMany(e => e.Terms).Where(t => state[t.Cell] == CellState.Shown && values[t.Cell] > 0)
            .GroupBy(t => t.Cell).Select(g => (Cell: g.Key, Member: g.Any(t => t.Coefficient > 0))).ToList();
        if (shown.Count == 0) return false;
        var pick = shown.OrderBy(c => values[c.Cell]).ThenBy(c => c.Member ? 0 : 1).ThenBy(c => c.Cell).First();
        state[pick.Cell] = CellState.Complementary;
        return true;
    }

    /// <summary>Collects cells and equations: tables with their totals, single figures, and identities.</summary>
    public sealed class Builder
    {
        private readonly List<int> values = [];
        private readonly List<Equation> equations = [];

        public IReadOnlyList<int> Values => values;
        public IReadOnlyList<Equation> Equations => equations;

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

        /// <summary>A rows × columns table with a total per row and no totals row (a sum over years is not published);
        /// returns the cell ids of its rows × (columns + 1) grid, the row total last.</summary>
        public int[,] Rows(int[,] counts)
        {
            int rows = counts.GetLength(0), columns = counts.GetLength(1);
            var ids = new int[rows, columns + 1];
            for (var r = 0; r < rows; r++)
            {
                var total = 0;
                for (var c = 0; c < columns; c++)
                {
                    ids[r, c] = Cell(counts[r, c]);
                    total += counts[r, c];
                }
                ids[r, columns] = Cell(total);
                Equation([.. Enumerable.Range(0, columns).Select(c => (ids[r, c], 1)), (ids[r, columns], -1)]);
            }
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
