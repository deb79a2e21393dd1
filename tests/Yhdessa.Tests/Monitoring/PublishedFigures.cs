using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CsvHelper;

namespace Yhdessa.Tests.Monitoring;

/// <summary>A table as one view printed it: its header, its rows and whether its notes say the counts are rounded.</summary>
public sealed record ViewTable(string Id, IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows, bool Rounded,
    IReadOnlyList<string>? Keys = null);

/// <summary>What the dashboard page offers a member to choose: areas, service types and the years the fields allow.</summary>
public sealed record DashboardOffer(IReadOnlyList<string> Areas, IReadOnlyList<string> Types, int? FirstYear, int? LastYear,
    int? DefaultFrom, int? DefaultTo);

/// <summary>
/// Reads what the monitoring figures publish as an outsider does: the dashboard page of a view (which tables it has and
/// their notes), each table's CSV export, and the open statistics' JSON. Knows the tables only by their ids and English
/// column labels; nothing of how they are made.
/// </summary>
public static partial class PublishedFigures
{
    private static readonly HtmlParser Parser = new();

    [GeneratedRegex(@"rounded to the nearest (five|5)", RegexOptions.IgnoreCase)]
    private static partial Regex RoundedNote();

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex YearLabel();

    public static async Task<DashboardOffer> OfferAsync(HttpClient member)
    {
        var page = Parser.ParseDocument(await member.GetStringAsync("/monitoring/dashboards?culture=en"));
        int? Number(string name, string attribute) =>
            int.TryParse(page.QuerySelector($"input[name={name}]")?.GetAttribute(attribute), CultureInfo.InvariantCulture, out var n) ? n : null;
        return new(
            [.. page.QuerySelectorAll("select[name=area] option").Select(o => o.GetAttribute("value") ?? "")],
            [.. page.QuerySelectorAll("select[name=type] option").Select(o => o.GetAttribute("value") ?? "").Where(v => v != "")],
            Number("from", "min"), Number("to", "max"), Number("from", "value"), Number("to", "value"));
    }

    /// <summary>The CSV links of a dashboard view with whether each table's notes say its counts are rounded; null when
    /// the view is not offered (the page answers with a message instead of tables).</summary>
    public static async Task<IReadOnlyList<(string Id, string Csv, bool Rounded)>?> ViewAsync(HttpClient member, string query)
    {
        var response = await member.GetAsync($"/monitoring/dashboards?{query}&culture=en");
        if (!response.IsSuccessStatusCode) return null;
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        var links = page.QuerySelectorAll("a[href]")
            .Select(a => (Link: a, Href: a.GetAttribute("href")!))
            .Where(l => Regex.IsMatch(l.Href, @"[?&]format=csv(&|$)", RegexOptions.IgnoreCase))
            .Select(l => (
                Id: Uri.UnescapeDataString(Regex.Match(l.Href, @"[?&]table=([^&]+)").Groups[1].Value),
                Csv: l.Href + "&culture=en",
                Rounded: (l.Link.Closest("section")?.QuerySelectorAll("ul.hint li, p") ?? Enumerable.Empty<IElement>())
                    .Any(n => RoundedNote().IsMatch(n.TextContent))))
            .ToList();
        return links.Count == 0 ? null : links;
    }

    /// <summary>One table's CSV export (the delimiter is detected, as a spreadsheet does); null when it is not given.</summary>
    public static async Task<ViewTable?> CsvAsync(HttpClient client, string id, string url, bool rounded)
    {
        var response = await client.GetAsync(url);
        if (!response.IsSuccessStatusCode) return null;
        // CsvHelper detects the separator from the first lines, as the app's own import does.
        using var content = await response.Content.ReadAsStreamAsync();
        using var csv = CsvReader.Create(content, new CsvReaderOptions { HasHeader = false });
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add([.. Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i).TrimStart('\uFEFF'))]);
        return rows.Count == 0 ? null : new ViewTable(id, rows[0], rows[1..], rounded);
    }

    /// <summary>Every table of the open statistics, from the API's list, as JSON.</summary>
    public static async Task<IReadOnlyList<ViewTable>> OpenStatisticsAsync(HttpClient anonymous)
    {
        using var index = JsonDocument.Parse(await anonymous.GetStringAsync("/api/v1/statistics?culture=en"));
        var tables = new List<ViewTable>();
        foreach (var link in index.RootElement.GetProperty("tables").EnumerateArray())
        {
            using var json = JsonDocument.Parse(await anonymous.GetStringAsync(link.GetProperty("url").GetString() + "?culture=en"));
            var root = json.RootElement;
            var columns = root.GetProperty("columns").EnumerateArray().ToList();
            var notes = root.TryGetProperty("notes", out var n) ? n.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : [];
            tables.Add(new ViewTable(
                root.GetProperty("id").GetString()!,
                [.. columns.Select(c => c.GetProperty("label").GetString()!)],
                [.. root.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetProperty("text").GetString() ?? "").ToArray())],
                notes.Any(x => RoundedNote().IsMatch(x)),
                [.. columns.Select(c => c.GetProperty("key").GetString()!)]));
        }
        return tables;
    }

    /// <summary>The tables that hold counts; the others (the list of units by reporting method) are not read.</summary>
    public static readonly string[] CountTables =
        [Tables.MovesIn, Tables.StaysEnded, "housing-direction", Tables.Ongoing, Tables.Retention, Tables.Returns, Tables.LengthOfStay];

    /// <summary>The counts of a table, each with the figure it is: tables and columns known to be counts (rates, medians
    /// and text are left out), rows of a year or the total over the table's years.</summary>
    public static IEnumerable<(FigureKey Key, string Text)> Counts(string area, string type, ViewTable table)
    {
        var id = table.Id.StartsWith("programme-", StringComparison.Ordinal) ? table.Id["programme-".Length..] : table.Id;
        var years = table.Rows.Select(r => r[0]).Where(l => YearLabel().IsMatch(l)).ToList();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var label = table.Rows[r][0];
            var row = YearLabel().IsMatch(label) ? label : label == "Total" && years.Count > 0 ? $"Σ{years[0]}–{years[^1]}" : null;
            if (row is null) continue;
            for (var c = 1; c < table.Header.Count && c < table.Rows[r].Length; c++)
                if (Figure(id, table.Header[c], table.Keys?[c]) is { } figure)
                    yield return (new FigureKey(area, type, figure.Table, row, figure.Column), table.Rows[r][c]);
        }
    }

    /// <summary>Which figure a column holds: the count tables' every column, the bases of retention and returns, the
    /// count behind the median length, and the copies of the ended stays' and the programme's totals in other tables.</summary>
    private static (string Table, string Column)? Figure(string table, string label, string? key) => table switch
    {
        Tables.MovesIn or Tables.StaysEnded or Tables.Ongoing => (table, label),
        Tables.Retention or Tables.Returns when label.StartsWith("Followed", StringComparison.Ordinal) => (table, label),
        Tables.LengthOfStay when label == "Ended" => (table, label),
        "housing-direction" when label == "Ended" => (Tables.StaysEnded, Tables.Total),
        "context-and-programme" when key == "moves_in" => (Tables.MovesIn, Tables.Total),
        "context-and-programme" when key == "ongoing" => (Tables.Ongoing, Tables.Total),
        _ => null,
    };

    public static class Tables
    {
        public const string MovesIn = "moves-in", StaysEnded = "stays-ended", Ongoing = "ongoing", Retention = "retention",
            Returns = "returns", LengthOfStay = "length-of-stay", Total = "Total", MoreIndependent = "To more independent housing";

        /// <summary>Tables whose rows add up to a total column and whose years add up to a total row.</summary>
        public static readonly string[] Grids = [MovesIn, StaysEnded, Ongoing];
    }

    /// <summary>The equations inside one printed table: each year's categories add up to its total column, each column's
    /// years to the total row over them.</summary>
    public static void TableEquations(DisclosureAttacker attacker, string area, string type, ViewTable table)
    {
        var counts = Counts(area, type, table).Where(f => Tables.Grids.Contains(f.Key.Table)).ToList();
        foreach (var row in counts.GroupBy(f => f.Key.Row))
        {
            var total = row.Where(f => f.Key.Column == Tables.Total).Select(f => f.Key).FirstOrDefault();
            if (total is not null) attacker.Sum(total, row.Where(f => f.Key.Column != Tables.Total).Select(f => f.Key).Distinct());
        }
        foreach (var column in counts.GroupBy(f => f.Key.Column))
        {
            var total = column.Where(f => f.Key.Row.StartsWith('Σ')).Select(f => f.Key).FirstOrDefault();
            if (total is not null) attacker.Sum(total, column.Where(f => !f.Key.Row.StartsWith('Σ')).Select(f => f.Key).Distinct());
        }
    }

    /// <summary>
    /// The identities between tables that a reader who knows how the figures are made knows, for every area, type and
    /// year whose true figures are known, kept where they hold: a retention base is the year's moves in, a returns base
    /// the year's moves to more independent housing, the 6/12/24-month bases equal each other, the count behind the
    /// median length the year's ended stays, and ongoing at the end of a year the year before's plus moves in minus ended.
    /// </summary>
    public static int CrossTableIdentities(DisclosureAttacker attacker)
    {
        var added = 0;
        var years = attacker.Truth.Keys.Where(k => !k.Row.StartsWith('Σ')).Select(k => (k.Area, k.Type, k.Row)).Distinct().ToList();
        var bases = attacker.Truth.Keys.Where(k => k.Table is Tables.Retention or Tables.Returns).Select(k => (k.Table, k.Column)).Distinct().ToList();
        foreach (var (area, type, row) in years)
        {
            FigureKey Key(string table, string column, string? year = null) => new(area, type, table, year ?? row, column);
            var movesIn = Key(Tables.MovesIn, Tables.Total);
            var ended = Key(Tables.StaysEnded, Tables.Total);
            var independent = Key(Tables.StaysEnded, Tables.MoreIndependent);
            foreach (var (table, column) in bases)
            {
                var b = Key(table, column);
                if (attacker.IdentityIfTrue((b, 1), (table == Tables.Retention ? movesIn : independent, -1))) added++;
                foreach (var (_, other) in bases.Where(o => o.Table == table && string.CompareOrdinal(o.Column, column) > 0))
                    if (attacker.IdentityIfTrue((b, 1), (Key(table, other), -1))) added++;
            }
            if (attacker.IdentityIfTrue((Key(Tables.LengthOfStay, "Ended"), 1), (ended, -1))) added++;
            var previous = (int.Parse(row, CultureInfo.InvariantCulture) - 1).ToString(CultureInfo.InvariantCulture);
            if (attacker.IdentityIfTrue((Key(Tables.Ongoing, Tables.Total), 1), (Key(Tables.Ongoing, Tables.Total, previous), -1),
                    (movesIn, -1), (ended, 1)))
                added++;
        }
        return added;
    }

    /// <summary>
    /// A region is the sum of its municipalities, the nation of its regions, a municipality of its units, and the
    /// all-types figure of the service types' figures: for every figure printed, up to the nation and all types.
    /// <paramref name="parentOf"/> gives each offered area the offered area it is part of.
    /// </summary>
    public static void AreaAndTypeEquations(DisclosureAttacker attacker, IReadOnlyDictionary<string, string> parentOf, IReadOnlyList<string> types)
    {
        var childrenOf = parentOf.GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.Select(p => p.Key).ToList());
        var done = new HashSet<(FigureKey, bool)>();
        var pending = new Stack<FigureKey>(attacker.Printed.Select(p => p.Key).Distinct());
        while (pending.TryPop(out var key))
        {
            if (parentOf.TryGetValue(key.Area, out var parent))
            {
                var total = key with { Area = parent };
                if (done.Add((total, true)))
                {
                    attacker.Sum(total, childrenOf[parent].Select(c => key with { Area = c }));
                    pending.Push(total);
                }
            }
            if (key.Type != "" && types.Count > 0)
            {
                var total = key with { Type = "" };
                if (done.Add((total, false)))
                {
                    attacker.Sum(total, types.Select(t => key with { Type = t }));
                    pending.Push(total);
                }
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> over <paramref name="items"/> a few at a time, keeping their order.</summary>
    public static async Task<IReadOnlyList<TResult>> EachAsync<T, TResult>(IReadOnlyList<T> items, Func<T, Task<TResult>> work)
    {
        var results = new ConcurrentDictionary<int, TResult>();
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (i, _) => results[i] = await work(items[i]));
        return [.. Enumerable.Range(0, items.Count).Select(i => results[i])];
    }
}
