using System.Globalization;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Monitoring.Statistics.Context;

/// <summary>How a published figure came about, from the file's <c>value_quality</c> column.</summary>
public enum ValueQuality { Reported, Derived, Approximate, Rounded, ReportedAndDerived }

/// <summary>One year of the national homelessness survey (ARA/Varke), 15 November.</summary>
public sealed record NationalYear(
    int Year, int? SingleHomeless, int? LongTermHomeless, int? FamiliesOrCouples, int? PersonsInFamilies, int? TotalPersons,
    int? Women, int? Under25, decimal? ImmigrantsSharePercent, int? MunicipalitiesWithHomeless,
    ValueQuality Quality, string QualityDetail, string Notes, string SourceUrl);

/// <summary>One city's figure in one year.</summary>
public sealed record MunicipalYear(
    int Year, string MunicipalityCode, string MunicipalityName, int? SingleHomeless, decimal? PerThousandResidents,
    ValueQuality Quality, string QualityDetail, string SourceUrl);

/// <summary>
/// The national homelessness survey series and selected city figures, shipped with the app (Context/README.md)
/// and read once: read-only context beside the programme's own figures.
/// </summary>
public sealed class ContextSeries
{
    private const string Prefix = "Yhdessa.Features.Monitoring.Statistics.Context.";

    public IReadOnlyList<NationalYear> National { get; }
    public IReadOnlyList<MunicipalYear> Municipal { get; }

    public ContextSeries()
    {
        National = Read("fi_homelessness_national_ara.csv", csv => new NationalYear(
            csv.GetField<int>("year"), Int(csv, "single_homeless"), Int(csv, "long_term_homeless"),
            Int(csv, "homeless_families_or_couples"), Int(csv, "persons_in_families"), Int(csv, "total_persons"),
            Int(csv, "women"), Int(csv, "under_25"), Decimal(csv, "immigrants_share_pct"), Int(csv, "municipalities_with_homeless"),
            Quality(csv.GetField("value_quality")!), Detail(csv.GetField("value_quality")!), csv.GetField("notes") ?? "",
            csv.GetField("source_url")!)).OrderBy(y => y.Year).ToList();
        Municipal = Read("fi_homelessness_municipal_selected.csv", csv => new MunicipalYear(
            csv.GetField<int>("year"), csv.GetField("kunta_code")!, csv.GetField("municipality")!,
            Int(csv, "single_homeless"), Decimal(csv, "per_1000_residents"),
            Quality(csv.GetField("value_quality")!), Detail(csv.GetField("value_quality")!), csv.GetField("source_url")!))
            .OrderBy(m => m.MunicipalityName, StringComparer.Ordinal).ThenBy(m => m.Year).ToList();
    }

    private static List<T> Read<T>(string file, Func<Row, T> row)
    {
        using var stream = typeof(ContextSeries).Assembly.GetManifestResourceStream(Prefix + file)
            ?? throw new InvalidOperationException($"The embedded resource {Prefix + file} is missing.");
        using var reader = new StreamReader(stream);
        var header = CsvLine.Split(reader.ReadLine() ?? "");
        var rows = new List<T>();
        while (reader.ReadLine() is { Length: > 0 } line) rows.Add(row(new Row(header, CsvLine.Split(line))));
        return rows;
    }

    /// <summary>One line of the file, its fields found by the header's column names.</summary>
    private sealed class Row(string[] header, string[] fields)
    {
        public string? GetField(string name) =>
            Array.IndexOf(header, name) is var i and >= 0 ? (i < fields.Length ? fields[i] : "")
                : throw new InvalidOperationException($"The context series has no column {name}.");

        public T GetField<T>(string name) where T : IParsable<T> => T.Parse(GetField(name)!, CultureInfo.InvariantCulture);
    }

    private static int? Int(Row csv, string name) =>
        int.TryParse(csv.GetField(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static decimal? Decimal(Row csv, string name) =>
        decimal.TryParse(csv.GetField(name), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>The flag's first word decides; "reported+derived" says part of the row was derived.</summary>
    internal static ValueQuality Quality(string flag)
    {
        var word = flag.Split(' ', 2)[0].Trim().ToLowerInvariant();
        return word switch
        {
            "reported" => ValueQuality.Reported,
            "reported+derived" => ValueQuality.ReportedAndDerived,
            "derived" => ValueQuality.Derived,
            "approx" => ValueQuality.Approximate,
            "rounded" => ValueQuality.Rounded,
            _ => throw new InvalidOperationException($"Unknown value quality '{flag}' in the context series."),
        };
    }

    /// <summary>The explanation in parentheses after the flag, e.g. "2022 value + 313" (English, as in the source).</summary>
    private static string Detail(string flag) =>
        flag.IndexOf('(') is var open and >= 0 ? flag[(open + 1)..].TrimEnd(')').Trim() : "";
}
