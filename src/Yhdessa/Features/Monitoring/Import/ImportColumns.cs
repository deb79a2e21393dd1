using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Monitoring.Import;

/// <summary>What an import file holds: pseudonymous stays, or counts (aggregate data values).</summary>
public enum ImportKind { Stays, Aggregates }

/// <summary>
/// A column of an import file, with its heading in each language. A file may use the heading of any language (a
/// Swedish-speaking municipality's file is read by a Finnish coordinator's account too), the column's key, and
/// any case or spacing.
/// </summary>
public sealed record ImportColumn(string Key, bool Required, string Finnish, string Swedish, string English, params string[] Aliases)
{
    public string Heading(string language) => language switch
    {
        Languages.Swedish => Swedish,
        Languages.English => English,
        _ => Finnish,
    };

    public bool Matches(string heading)
    {
        var wanted = Normalise(heading);
        return wanted.Length > 0 && new[] { Key, Finnish, Swedish, English }.Concat(Aliases).Any(name => Normalise(name) == wanted);
    }

    private static string Normalise(string heading) =>
        new([.. heading.Where(c => char.IsLetterOrDigit(c)).Select(char.ToLowerInvariant)]);
}

public static class ImportColumns
{
    public static readonly ImportColumn Service = new("Service", true, "Palvelu", "Tjänst", "Service",
        "Palvelun tunnus", "Palvelukoodi", "Tjänstekod", "Service code");
    public static readonly ImportColumn Resident = new("Resident", true, "Asukastunnus", "Invånarkod", "Resident code",
        "Asukaskoodi", "Resident");
    public static readonly ImportColumn MoveIn = new("MoveIn", true, "Muuttopäivä", "Inflyttningsdag", "Move-in date",
        "Muuttopvm", "Inflyttningsdatum", "Move-in");
    public static readonly ImportColumn SituationBefore = new("SituationBefore", true, "Tilanne ennen muuttoa", "Situation före inflyttningen",
        "Situation before move-in", "Tilanne ennen", "Situation före", "Situation before");
    public static readonly ImportColumn End = new("End", false, "Päättymispäivä", "Slutdatum", "End date",
        "Päättymispvm", "Loppumispäivä", "End");
    public static readonly ImportColumn Destination = new("Destination", false, "Sijoittuminen", "Vart efteråt", "Destination",
        "Päättymisen syy", "Sijoittuminen päättymisen jälkeen", "Destination efteråt");

    public static readonly ImportColumn ServiceType = new("ServiceType", true, "Palvelutyyppi", "Tjänstetyp", "Service type");
    public static readonly ImportColumn Measure = new("Measure", true, "Mittari", "Mått", "Measure");
    public static readonly ImportColumn Category = new("Category", false, "Luokka", "Kategori", "Category");
    public static readonly ImportColumn Count = new("Count", true, "Lukumäärä", "Antal", "Count", "Määrä");

    public static readonly IReadOnlyList<ImportColumn> Stays = [Service, Resident, MoveIn, SituationBefore, End, Destination];
    public static readonly IReadOnlyList<ImportColumn> Aggregates = [ServiceType, Measure, Category, Count];

    public static IReadOnlyList<ImportColumn> For(ImportKind kind) => kind == ImportKind.Stays ? Stays : Aggregates;
}

/// <summary>Which column of <see cref="ImportColumns.For"/> each position of a file's header is (null: unknown).</summary>
public sealed class HeaderMap
{
    public required ImportKind Kind { get; init; }
    public required ImportColumn?[] Positions { get; init; }
    public required IReadOnlyList<string> Header { get; init; }

    public int IndexOf(ImportColumn column) => Array.IndexOf(Positions, column);

    public string? Value(SheetRow row, ImportColumn column)
    {
        var index = IndexOf(column);
        return index >= 0 && row.Cells[index] is { } value && value.Trim() is { Length: > 0 } trimmed ? trimmed : null;
    }

    /// <summary>
    /// Reads a header: the kind of file is the one whose columns it names most (so that no extra question is needed
    /// in the form). Unknown, repeated and missing columns are problems of row 1: the rows are not checked then,
    /// since every value would be in doubt.
    /// </summary>
    public static HeaderMap Read(IReadOnlyList<string> header, List<ImportProblem> problems)
    {
        var kind = Enum.GetValues<ImportKind>()
            .MaxBy(k => header.Count(h => ImportColumns.For(k).Any(c => c.Matches(h))));
        var columns = ImportColumns.For(kind);
        var positions = new ImportColumn?[header.Count];
        for (var i = 0; i < header.Count; i++)
        {
            var heading = header[i];
            if (heading.Length == 0) continue;
            // A heading is checked like any cell, and named by its letter then: the report must not repeat it.
            if (Rules.IdentifierGuard.Find(heading) is { } identifier)
            {
                problems.Add(new ImportProblem(1, XlsxSheetReader.ColumnLetters(i), Rules.RuleCodes.Of(identifier)));
                continue;
            }
            var column = columns.FirstOrDefault(c => c.Matches(heading));
            if (column is null) problems.Add(new ImportProblem(1, heading, "UnknownColumn"));
            else if (positions.Contains(column)) problems.Add(new ImportProblem(1, heading, "RepeatedColumn"));
            else positions[i] = column;
        }
        foreach (var missing in columns.Where(c => c.Required && !positions.Contains(c)))
            problems.Add(new ImportProblem(1, null, "MissingColumn", missing));
        return new HeaderMap { Kind = kind, Positions = positions, Header = header };
    }
}
