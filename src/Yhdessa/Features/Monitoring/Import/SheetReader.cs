namespace Yhdessa.Features.Monitoring.Import;

/// <summary>A row of an import file as text, cells in the order of the header; <see cref="Number"/> is the row
/// number a spreadsheet shows (the header is row 1).</summary>
public sealed record SheetRow(int Number, string?[] Cells)
{
    public bool IsEmpty => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// Reads an import file one row at a time, so that a file of 100,000 rows is never in memory as a whole. What makes
/// the file unusable (not UTF-8, formulas, merged cells, extra sheets) is added to <see cref="Problems"/> as it is met;
/// the caller reads every row anyway so that one upload reports everything that needs fixing.
/// </summary>
public abstract class SheetReader : IDisposable
{
    /// <summary>The largest file taken: a 100,000-row file of stays is about 6 MB as CSV, 3 MB as XLSX.</summary>
    public const long MaxFileBytes = 25 * 1024 * 1024;

    public List<ImportProblem> Problems { get; } = [];

    /// <summary>The header row's cells, or empty when the file has no rows at all.</summary>
    public abstract IReadOnlyList<string> Header { get; }

    /// <summary>The rows after the header, including empty ones (the caller counts and skips those).</summary>
    public abstract IEnumerable<SheetRow> Rows();

    public abstract void Dispose();

    /// <summary>A reader for the file's content, recognised by its bytes (an XLSX is a zip), not by its name.</summary>
    public static SheetReader Open(Stream content)
    {
        var head = new byte[4];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        return read == 4 && head.AsSpan().SequenceEqual("PK\u0003\u0004"u8) ? new XlsxSheetReader(content) : new CsvSheetReader(content);
    }
}
