using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Google.OrTools.LinearSolver;

namespace Yhdessa.Tests.Monitoring;

/// <summary>
/// One published count: where it is (area, service type or "" for all, table, row, column) — the same figure in two
/// views (another year window, the public API) has the same key. <see cref="Row"/> is a year ("2024") or, for a total
/// row over a window's years, "Σ2022–2026".
/// </summary>
public sealed record FigureKey(string Area, string Type, string Table, string Row, string Column)
{
    public override string ToString() =>
        $"{(Area == "" ? "nation" : Area)} / {(Type == "" ? "all types" : Type)} / {Table} / {Row} / {Column}";
}

/// <summary>What a printed figure tells a reader who knows the publishing rules: the true count lies in [Low, High].</summary>
public readonly record struct Interval(double Low, double High)
{
    /// <summary>Larger than any count here; stands for "no upper bound" so that every maximum is finite.</summary>
    public const double Unbounded = 1_000_000;

    /// <summary>"&lt;5" is 1–4; "x" is a hidden count, never 0 (zeros are shown) but possibly small (a small total
    /// whose label would narrow its small parts is written "x"); 0 is exact; a number is
    /// exact unless the table says its counts are rounded to the nearest five (then v − 2 .. v + 2, never below 5).
    /// Null for anything that is not a count ("–", "not shown", a share).</summary>
    public static Interval? Of(string printed, bool rounded)
    {
        var text = new string([.. printed.Where(c => !char.IsWhiteSpace(c) && c is not ('\u00A0' or '\u202F'))]);
        if (Regex.Match(text, @"^<(\d+)$") is { Success: true } small)
            return new(1, int.Parse(small.Groups[1].Value, CultureInfo.InvariantCulture) - 1);
        if (text.Equals("x", StringComparison.OrdinalIgnoreCase)) return new(1, Unbounded);
        if (!Regex.IsMatch(text, @"^(\d+|\d{1,3}([.,]\d{3})+)$")) return null;
        var v = int.Parse(text.Replace(".", "").Replace(",", ""), CultureInfo.InvariantCulture);
        return v == 0 || !rounded ? new(v, v) : new(Math.Max(5, v - 2), v + 2);
    }

    public static bool IsHidden(string printed) =>
        Of(printed, rounded: false) is { } i && (i.High > i.Low);

    public bool Contains(double value) => value >= Low - 1e-9 && value <= High + 1e-9;

    public override string ToString() => High >= Unbounded ? $"{Low:0.##}–∞" : $"{Low:0.##}–{High:0.##}";
}

/// <summary>A figure as some view printed it.</summary>
public sealed record PrintedFigure(string View, FigureKey Key, string Text, bool Rounded)
{
    public Interval? Interval => Monitoring.Interval.Of(Text, Rounded);
}

/// <summary>A hidden figure and how far the attack narrowed it.</summary>
/// <summary>A hidden figure and how far the attack narrowed it. When not <see cref="Examined"/>, the attack stopped
/// short of its exact bounds (enough others were narrowed already): Min and Max are only values it was seen to take.</summary>
public sealed record Narrowed(FigureKey Key, IReadOnlyList<PrintedFigure> Printings, double Min, double Max, int? TrueValue, bool Examined = true)
{
    public bool IsNarrowed => Examined && Max - Min < DisclosureAttacker.MinimumSpread - 1e-6;

    public override string ToString() =>
        $"{Key}: printed {string.Join(", ", Printings.Select(p => p.Text).Distinct())} in {Printings.Count} view(s) " +
        $"(e.g. {Printings[0].View}), follows {Min:0.##}..{Max:0.##}, true {TrueValue?.ToString(CultureInfo.InvariantCulture) ?? "?"}";
}

/// <summary>
/// The attacker of published figures: every printed count is an interval of one unknown, every relation a reader knows
/// between figures (a table's rows and columns, areas, service types, tables with the same counts) is an equation, and
/// linear programming (Google OR-Tools' GLOP) gives the smallest and largest value each hidden figure can have.
/// It knows nothing of how the figures were protected, only what was printed; the true figures (from someone who
/// may see them) are used to check the attacker itself and to name the figures in a failure.
/// </summary>
public sealed class DisclosureAttacker
{
    /// <summary>A hidden figure must keep at least this spread (max − min): never pinned, nor narrowed to two neighbours.</summary>
    public const double MinimumSpread = 3;

    private readonly List<PrintedFigure> printed = [];
    private readonly List<(FigureKey Key, int Coefficient)[]> equations = [];
    private readonly HashSet<string> equationSignatures = [];
    private readonly Dictionary<FigureKey, int> truth = [];

    public IReadOnlyList<PrintedFigure> Printed => printed;
    public IReadOnlyDictionary<FigureKey, int> Truth => truth;
    public int EquationCount => equations.Count;

    public void Print(PrintedFigure figure)
    {
        if (figure.Interval is not null) printed.Add(figure);
    }

    public void Print(string view, FigureKey key, string text, bool rounded = false) => Print(new PrintedFigure(view, key, text, rounded));

    public void KnowTruth(FigureKey key, int value) => truth[key] = value;

    /// <summary>Σ coefficient × figure = 0. The same equation twice is kept once.</summary>
    public void Equation(params (FigureKey Key, int Coefficient)[] terms)
    {
        var merged = terms.GroupBy(t => t.Key).Select(g => (g.Key, Coefficient: g.Sum(t => t.Coefficient)))
            .Where(t => t.Coefficient != 0).OrderBy(t => t.Key.ToString(), StringComparer.Ordinal).ToArray();
        if (merged.Length < 2) return;
        var sign = merged[0].Coefficient > 0 ? 1 : -1;
        var signature = string.Join("|", merged.Select(t => $"{t.Coefficient * sign}*{t.Key}"));
        if (equationSignatures.Add(signature)) equations.Add(merged);
    }

    /// <summary>total = Σ parts.</summary>
    public void Sum(FigureKey total, IEnumerable<FigureKey> parts) =>
        Equation([(total, -1), .. parts.Select(p => (p, 1))]);

    /// <summary>An identity between figures of different tables: kept only when it holds in the true figures (a reader
    /// who knows how the figures are made knows it; one that does not hold cannot be used). False when not added.</summary>
    public bool IdentityIfTrue(params (FigureKey Key, int Coefficient)[] terms)
    {
        if (terms.Any(t => !truth.ContainsKey(t.Key)) || terms.Sum(t => t.Coefficient * truth[t.Key]) != 0) return false;
        Equation(terms);
        return true;
    }

    /// <summary>Printed figures whose interval does not hold the true figure: the published figure is wrong, or the
    /// attacker reads it wrong.</summary>
    public IReadOnlyList<string> PrintingsNotTrue() =>
        [.. printed.Where(p => truth.TryGetValue(p.Key, out var t) && !p.Interval!.Value.Contains(t))
            .Select(p => $"{p.Key} printed {p.Text} in {p.View}, true {truth[p.Key]}")];

    /// <summary>Equations whose figures are all known and do not hold in them: the attacker's model is wrong.</summary>
    public IReadOnlyList<string> EquationsNotTrue() =>
        [.. equations.Where(e => e.All(t => truth.ContainsKey(t.Key)) && e.Sum(t => t.Coefficient * truth[t.Key]) != 0)
            .Select(e => string.Join(" + ", e.Select(t => $"{t.Coefficient}×[{t.Key} = {truth[t.Key]}]")) + " ≠ 0")];

    /// <summary>Whether the equations can hold with every figure whose true value is known set to it.</summary>
    public bool FeasibleWithTruth()
    {
        var model = new Model(this, withTruth: true);
        return !model.Contradiction && model.Components().All(c =>
        {
            using var lp = new Lp(model, c);
            return lp.Solve([], minimize: true) is not null;
        });
    }

    /// <summary>The smallest and largest value of every figure printed hidden somewhere; null when the printed
    /// intervals and equations contradict each other. Once <paramref name="maxNarrowed"/> figures are found narrowed,
    /// the others that feasible points did not already show wide are left unexamined (each costs two solves).
    /// <paramref name="log"/> hears how the work goes.</summary>
    public IReadOnlyList<Narrowed>? Attack(Action<string>? log = null, int maxNarrowed = int.MaxValue)
    {
        var narrowedFound = 0;
        var unexamined = new HashSet<FigureKey>();
        var model = new Model(this, withTruth: false);
        if (model.Contradiction) return null;
        var targets = printed.Where(p => Monitoring.Interval.IsHidden(p.Text)).GroupBy(p => p.Key)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<PrintedFigure>)[.. g]);
        var low = targets.Keys.ToDictionary(k => k, _ => double.PositiveInfinity);
        var high = targets.Keys.ToDictionary(k => k, _ => double.NegativeInfinity);
        foreach (var key in targets.Keys.Where(model.Fixed.ContainsKey)) low[key] = high[key] = model.Fixed[key];
        bool WideEnough(FigureKey key) => high[key] - low[key] >= MinimumSpread - 1e-6;

        var components = model.Components();
        log?.Invoke($"{model.Variables.Count} free figures ({model.Fixed.Count} fixed), {model.Rows.Count} equations, {components.Count} groups");
        foreach (var component in components)
        {
            var mine = component.Where(targets.ContainsKey).ToList();
            if (mine.Count == 0) continue;
            using var lp = new Lp(model, component);
            bool See(double[]? solution)
            {
                if (solution is null) return false;
                foreach (var key in mine)
                {
                    var v = solution[lp.Index[key]];
                    low[key] = Math.Min(low[key], v);
                    high[key] = Math.Max(high[key], v);
                }
                return true;
            }
            // Feasible points spread the figures cheaply: a figure seen at values 3 apart cannot be narrowed below that.
            // All the figures still close together pushed down at once, then up, until that spreads no more of them.
            // Then each pushed up or down at random, which spreads figures that trade against each other.
            var random = new Random(5);
            for (int open = mine.Count, round = 0, idle = 0; open > 0 && idle < 3; round++)
            {
                var close = mine.Where(k => !WideEnough(k)).ToList();
                if (round < 2 && !See(lp.Solve([.. close.Select(k => (k, 1.0))], minimize: round == 0))) return null;
                if (round >= 2) See(lp.Solve([.. close.Select(k => (k, random.Next(2) == 0 ? 1.0 : -1.0))], minimize: true));
                var still = mine.Count(k => !WideEnough(k));
                idle = still == open ? idle + 1 : 0;
                open = still;
            }
            // The rest one by one: the exact least and greatest value.
            foreach (var key in mine.Where(k => !WideEnough(k)).ToList())
            {
                if (narrowedFound >= maxNarrowed) { unexamined.Add(key); continue; }
                low[key] = lp.Solve([(key, 1.0)], minimize: true)![lp.Index[key]];
                if (!WideEnough(key)) high[key] = lp.Solve([(key, 1.0)], minimize: false)![lp.Index[key]];
                if (!WideEnough(key)) narrowedFound++;
            }
            log?.Invoke($"group of {component.Count} figures, {mine.Count} hidden: {mine.Count(k => !WideEnough(k) && !unexamined.Contains(k))} narrowed, " +
                $"{mine.Count(unexamined.Contains)} not worked out");
        }
        return [.. targets.OrderBy(t => t.Key.ToString(), StringComparer.Ordinal)
            .Select(t => new Narrowed(t.Key, t.Value, low[t.Key], high[t.Key], truth.TryGetValue(t.Key, out var v) ? v : null,
                Examined: !unexamined.Contains(t.Key)))];
    }

    /// <summary>
    /// The equations over the figures' intervals (what was printed of each, or its true value), with the figures
    /// whose value is known exactly taken out as constants: in a small area most figures are a printed 0.
    /// </summary>
    private sealed class Model
    {
        public readonly Dictionary<FigureKey, double> Fixed = [];
        public readonly Dictionary<FigureKey, Interval> Variables = [];
        public readonly List<((FigureKey Key, int Coefficient)[] Terms, double Value)> Rows = [];
        public readonly bool Contradiction;

        public Model(DisclosureAttacker attack, bool withTruth)
        {
            var bounds = new Dictionary<FigureKey, Interval>();
            void Bound(FigureKey key, Interval interval) => bounds[key] = bounds.TryGetValue(key, out var b)
                ? new(Math.Max(b.Low, interval.Low), Math.Min(b.High, interval.High)) : interval;
            foreach (var key in attack.equations.SelectMany(e => e.Select(t => t.Key)).Concat(attack.printed.Select(p => p.Key)))
                Bound(key, new(0, Interval.Unbounded));
            if (withTruth)
                foreach (var (key, value) in attack.truth) { if (bounds.ContainsKey(key)) bounds[key] = new(value, value); }
            else
                foreach (var p in attack.printed) Bound(p.Key, p.Interval!.Value);
            foreach (var (key, b) in bounds)
            {
                // Printings that contradict each other leave an empty interval: nothing is then feasible.
                if (b.High < b.Low - 1e-9) Contradiction = true;
                if (b.High - b.Low < 1e-9) Fixed[key] = b.Low; else Variables[key] = b;
            }
            foreach (var equation in attack.equations)
            {
                var terms = equation.Where(t => Variables.ContainsKey(t.Key)).ToArray();
                var value = -equation.Where(t => Fixed.ContainsKey(t.Key)).Sum(t => t.Coefficient * Fixed[t.Key]);
                if (terms.Length > 0) Rows.Add((terms, value));
                else if (Math.Abs(value) > 1e-9) Contradiction = true;
            }
        }

        /// <summary>The free figures in groups that share no equation: each group is a linear program of its own.</summary>
        public List<List<FigureKey>> Components()
        {
            var parent = Variables.Keys.ToDictionary(k => k, k => k);
            FigureKey Find(FigureKey k)
            {
                while (parent[k] != k) k = parent[k] = parent[parent[k]];
                return k;
            }
            foreach (var (terms, _) in Rows)
                foreach (var t in terms.Skip(1)) parent[Find(t.Key)] = Find(terms[0].Key);
            return [.. Variables.Keys.GroupBy(Find).Select(g => g.ToList())];
        }
    }

    /// <summary>One group's linear program in GLOP, kept between solves so that each starts from the last basis.</summary>
    private sealed class Lp : IDisposable
    {
        private readonly Solver solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("GLOP is not available");
        private readonly List<Variable> variables = [];
        public readonly Dictionary<FigureKey, int> Index = [];

        public Lp(Model model, IReadOnlyList<FigureKey> component)
        {
            // Without presolve each solve starts from the last basis: only the objective changes between them.
            solver.SetSolverSpecificParametersAsString("use_preprocessing: false");
            foreach (var key in component)
            {
                Index[key] = variables.Count;
                var b = model.Variables[key];
                variables.Add(solver.MakeNumVar(b.Low, b.High, ""));
            }
            foreach (var (terms, value) in model.Rows.Where(r => Index.ContainsKey(r.Terms[0].Key)))
            {
                var constraint = solver.MakeConstraint(value, value, "");
                foreach (var (key, coefficient) in terms) constraint.SetCoefficient(variables[Index[key]], coefficient);
            }
        }

        /// <summary>Optimises Σ weight × figure; the values of the group's figures at the optimum, or null when infeasible.</summary>
        public double[]? Solve(IReadOnlyList<(FigureKey Key, double Weight)> objective, bool minimize)
        {
            var o = solver.Objective();
            o.Clear();
            foreach (var (key, weight) in objective) o.SetCoefficient(variables[Index[key]], weight);
            if (minimize) o.SetMinimization(); else o.SetMaximization();
            var status = solver.Solve();
            if (status == Solver.ResultStatus.INFEASIBLE) return null;
            if (status != Solver.ResultStatus.OPTIMAL) throw new InvalidOperationException($"GLOP ended with {status}");
            return [.. variables.Select(v => v.SolutionValue())];
        }

        public void Dispose() => solver.Dispose();
    }

    /// <summary>The hidden figures narrowed below <see cref="MinimumSpread"/>, one per line.</summary>
    public static string Describe(IEnumerable<Narrowed> narrowed)
    {
        var text = new StringBuilder();
        foreach (var n in narrowed) text.AppendLine(n.ToString());
        return text.ToString();
    }
}
