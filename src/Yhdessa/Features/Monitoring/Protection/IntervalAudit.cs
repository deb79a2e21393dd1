using Google.OrTools.LinearSolver;

namespace Yhdessa.Features.Monitoring.Protection;

/// <summary>
/// Audits a suppression the way a reader with a linear-programming solver would attack it. The reader knows every
/// shown figure exactly, every equation between figures, and what each label says: "&lt;5" is 1..4, "x" is a count that
/// is neither 0 (zeros are shown) nor 1..4 (those are "&lt;5"), so at least the minimum count. For each hidden figure
/// the smallest and largest value consistent with all of that are found (GLOP, Google OR-Tools); a figure whose range
/// is narrower than <see cref="MinimumWidth"/> is reported, so that protection can hide another figure beside it.
/// Rank alone (is a figure determined exactly?) misses that two "&lt;5" adding up to 8 are both 4.
/// </summary>
public static class IntervalAudit
{
    /// <summary>The range a hidden figure must keep: "&lt;5" must stay anywhere in 1..4, so it can be neither pinned
    /// nor narrowed to two neighbours.</summary>
    public const double MinimumWidth = 3;

    private const double Tolerance = 1e-6;

    /// <summary>The hidden cells whose range is too narrow, for components of hidden cells not yet known to be safe.
    /// <paramref name="safe"/> remembers components that passed, so that an unchanged component is not solved again.</summary>
    public static List<int> Narrow(IReadOnlyList<int> values, IReadOnlyList<LinkedProtection.Equation> equations,
        CellState[] state, int minimumCount, HashSet<string> safe)
    {
        var narrow = new List<int>();
        var ceiling = Ceiling(values);
        foreach (var component in Components(values.Count, equations, state))
        {
            var key = string.Join(',', component.Cells) + "|" + string.Join(',', component.Cells.Select(c => (int)state[c]));
            if (safe.Contains(key)) continue;
            var found = NarrowIn(component, values, equations, state, minimumCount, ceiling);
            if (found.Count == 0) safe.Add(key);
            narrow.AddRange(found);
        }
        return narrow;
    }

    /// <summary>The smallest and largest value of each hidden cell, for tests and reports.</summary>
    public static Dictionary<int, (double Min, double Max)> Ranges(IReadOnlyList<int> values,
        IReadOnlyList<LinkedProtection.Equation> equations, CellState[] state, int minimumCount)
    {
        var ranges = new Dictionary<int, (double, double)>();
        var ceiling = Ceiling(values);
        foreach (var component in Components(values.Count, equations, state))
            foreach (var (cell, range) in Solve(component, values, equations, state, minimumCount, ceiling))
                ranges[cell] = range;
        return ranges;
    }

    /// <summary>A ceiling far above every figure stands for "unbounded": the solver is not asked about unbounded
    /// problems (GLOP's presolve can report one as infeasible), and a range that reaches it is wide.</summary>
    private static double Ceiling(IReadOnlyList<int> values) => 10.0 * (values.Count == 0 ? 0 : values.Max(Math.Abs)) + 1000;

    private sealed record Component(List<int> Cells, List<int> Equations);

    /// <summary>Hidden cells joined by the equations they share: each group can be audited on its own, because shown
    /// figures are constants and no equation links two groups.</summary>
    private static List<Component> Components(int cells, IReadOnlyList<LinkedProtection.Equation> equations, CellState[] state)
    {
        var parent = Enumerable.Range(0, cells).ToArray();
        int Find(int x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }
        foreach (var equation in equations)
        {
            var first = -1;
            foreach (var (cell, _) in equation.Terms)
            {
                if (state[cell] == CellState.Shown) continue;
                if (first < 0) first = cell;
                else parent[Find(cell)] = Find(first);
            }
        }
        var byRoot = new Dictionary<int, Component>();
        for (var cell = 0; cell < cells; cell++)
        {
            if (state[cell] == CellState.Shown) continue;
            var root = Find(cell);
            if (!byRoot.TryGetValue(root, out var component)) byRoot[root] = component = new([], []);
            component.Cells.Add(cell);
        }
        for (var e = 0; e < equations.Count; e++)
            foreach (var (cell, _) in equations[e].Terms)
                if (state[cell] != CellState.Shown)
                {
                    byRoot[Find(cell)].Equations.Add(e);
                    break;
                }
        return [.. byRoot.Values];
    }

    /// <summary>The first narrow cell of the component, if any: protection widens it and audits again, so solving
    /// the rest of a component that is about to change would be wasted.</summary>
    private static List<int> NarrowIn(Component component, IReadOnlyList<int> values,
        IReadOnlyList<LinkedProtection.Equation> equations, CellState[] state, int minimumCount, double ceiling) =>
        [.. Solve(component, values, equations, state, minimumCount, ceiling)
            .Where(r => r.Range.Max - r.Range.Min < MinimumWidth - Tolerance).Select(r => r.Cell).Take(1)];

    private static IEnumerable<(int Cell, (double Min, double Max) Range)> Solve(Component component, IReadOnlyList<int> values,
        IReadOnlyList<LinkedProtection.Equation> equations, CellState[] state, int minimumCount, double ceiling)
    {
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("The GLOP linear solver is not available.");
        var variable = new Dictionary<int, Variable>();
        foreach (var cell in component.Cells)
            variable[cell] = state[cell] == CellState.Small
                ? solver.MakeNumVar(1, minimumCount - 1, "c" + cell)
                : solver.MakeNumVar(LowerBound(values[cell], minimumCount, ceiling), ceiling, "c" + cell);
        foreach (var e in component.Equations)
        {
            var known = 0.0;
            var terms = new List<(Variable, int)>();
            foreach (var (cell, coefficient) in equations[e].Terms)
                if (variable.TryGetValue(cell, out var v)) terms.Add((v, coefficient));
                else known += (double)coefficient * values[cell];
            var constraint = solver.MakeConstraint(-known, -known);
            foreach (var (v, coefficient) in terms) constraint.SetCoefficient(v, constraint.GetCoefficient(v) + coefficient);
        }
        var objective = solver.Objective();
        foreach (var cell in component.Cells)
        {
            objective.Clear();
            objective.SetCoefficient(variable[cell], 1);
            objective.SetMinimization();
            var min = Bound(solver, variable[cell], values[cell]);
            objective.SetMaximization();
            var max = Bound(solver, variable[cell], values[cell]);
            yield return (cell, (min, max));
        }
    }

    /// <summary>What a reader may know of an "x": most are counts that are neither "&lt;5" nor a shown 0, so the audit
    /// grants the reader that they are at least the minimum count (more than the legend promises, so the audit errs
    /// on the safe side). An "x" written for a small figure (see <c>LinkedProtection</c>) is at least 1; a zero or a
    /// negative figure (a stock corrected below zero) is hidden only when nothing else is left, and its bound is then
    /// taken from the figure itself so that the model stays true.</summary>
    private static double LowerBound(int value, int minimumCount, double ceiling) =>
        value >= minimumCount ? minimumCount : value >= 1 ? 1 : value == 0 ? 0 : -ceiling;

    /// <summary>The optimum. The true figures always satisfy the
    /// constraints, so anything else is a fault in the model and must not pass as safe.</summary>
    private static double Bound(Solver solver, Variable variable, int truth) => solver.Solve() switch
    {
        Solver.ResultStatus.OPTIMAL => variable.SolutionValue(),
        var status => throw new InvalidOperationException($"The protection audit could not be solved ({status}); the true figure {truth} must satisfy it.\n" + solver.ExportModelAsLpFormat(false)),
    };
}
