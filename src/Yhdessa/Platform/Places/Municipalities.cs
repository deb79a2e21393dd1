using System.Globalization;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Platform.Places;

/// <summary>One Finnish municipality as classified by Statistics Finland (valid 1.1.2025 and 1.1.2026).</summary>
public sealed record Municipality(
    string Code, string NameFi, string NameSv, string NameEn,
    string RegionFi, string RegionSv, string RegionEn,
    string WellbeingCountyFi, string WellbeingCountySv)
{
    public string Name(string language) => language switch
    {
        Languages.Swedish => NameSv,
        Languages.English => NameEn,
        _ => NameFi,
    };

    public string Region(string language) => language switch
    {
        Languages.Swedish => RegionSv,
        Languages.English => RegionEn,
        _ => RegionFi,
    };

    // Statistics Finland names the counties in Finnish and Swedish only; English readers get the Finnish name.
    public string WellbeingCounty(string language) => language == Languages.Swedish ? WellbeingCountySv : WellbeingCountyFi;
}

/// <summary>
/// The municipality reference list, read once from the CSV shipped inside the app. It changes only when
/// municipalities merge, so it lives in memory rather than in a table that would need its own upkeep.
/// Source: Statistics Finland, municipality classification 2025/2026, CC BY 4.0 (see <see cref="Attribution"/>).
/// </summary>
public sealed class Municipalities
{
    public const string ResourceName = "Yhdessa.Platform.Places.fi_municipalities_2025_2026.csv";

    private readonly Dictionary<string, Municipality> byCode;

    public IReadOnlyList<Municipality> All { get; }

    public Municipalities()
    {
        using var stream = typeof(Municipalities).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var header = CsvLine.Split(reader.ReadLine() ?? "");
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i
            : throw new InvalidOperationException($"The municipality list has no column {name}.");
        int code = Column("kunta_code"), fi = Column("name_fi"), sv = Column("name_sv"), en = Column("name_en"),
            regionFi = Column("maakunta_fi"), regionSv = Column("maakunta_sv"), regionEn = Column("maakunta_en"),
            countyFi = Column("hyvinvointialue_fi"), countySv = Column("hyvinvointialue_sv");
        var rows = new List<Municipality>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var f = CsvLine.Split(line);
            rows.Add(new Municipality(f[code], f[fi], f[sv], f[en], f[regionFi], f[regionSv], f[regionEn], f[countyFi], f[countySv]));
        }
        All = rows.OrderBy(m => m.NameFi, StringComparer.Create(CultureInfo.GetCultureInfo("fi-FI"), false)).ToList();
        byCode = rows.ToDictionary(m => m.Code);
    }

    public Municipality? Find(string? code) =>
        code is not null && byCode.TryGetValue(code.Trim(), out var municipality) ? municipality : null;

    public string NameOf(string? code, string language) => Find(code)?.Name(language) ?? "";

    /// <summary>Sorted by the name in the reader's language. Sorting the 300-odd names with a culture-aware
    /// comparer was a large share of an uncached directory page's time (bench/run.sh); the list never changes
    /// while the app runs, so each language is sorted once.</summary>
    public IReadOnlyList<Municipality> Sorted(string language) =>
        sorted.GetOrAdd(language, l =>
            [.. All.OrderBy(m => m.Name(l), StringComparer.Create(Languages.FormattingCulture(l), false))]);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Municipality[]> sorted = new();
}
