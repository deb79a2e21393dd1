using System.Globalization;
using System.IO.Packaging;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Yhdessa.Platform.Files;

namespace Yhdessa.Features.Monitoring.Import;

/// <summary>
/// An XLSX workbook, read as a stream of XML so that memory stays bounded whatever the number of rows (the SDK's
/// DOM and ClosedXML load the whole sheet). The data are on the first sheet; the instructions sheet of our template
/// (named as the template names it in any language) is ignored. Any other sheet is refused rather than ignored:
/// the reporter may have put half of the data there, and silently reading only one sheet would lose the rest.
/// Formula cells and merged cells are refused too: a formula's cached value may be stale, and a merged cell
/// holds its value in one row only though it looks like several.
/// </summary>
public sealed class XlsxSheetReader : SheetReader
{
    /// <summary>
    /// How large the parts of a workbook may be unpacked. A zip packs repeated text a thousand times over, so a file
    /// well under <see cref="SheetReader.MaxFileBytes"/> could unpack to gigabytes: the sheet is read as a stream, but
    /// the shared strings, styles and workbook parts are held in memory. <see cref="ArchiveGuard"/> checks the whole
    /// file against these limits (and the number of parts, the total and the packing ratio) before anything is read.
    /// A 100,000-row sheet is about 30 MB unpacked; its shared strings a few MB.
    /// </summary>
    public const long MaxSheetBytes = 256L * 1024 * 1024, MaxOtherPartBytes = 64L * 1024 * 1024;

    public static readonly ArchiveLimits ArchiveLimits = new()
    {
        MaxEntryBytes = name => name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) ? MaxSheetBytes : MaxOtherPartBytes,
    };

    /// <summary>Excel holds at most 32,767 characters in a cell and 16,384 columns in a row; anything beyond can only
    /// be a crafted file, and is not read into memory (a longer value is cut there and then refused by the rules).</summary>
    public const int MaxCellChars = 32_767, MaxColumns = 16_384;

    private readonly SpreadsheetDocument? document;
    private readonly XmlReader? sheet;
    private readonly List<string> sharedStrings = [];
    private readonly HashSet<int> dateStyles = [];
    private readonly string[] header = [];
    private readonly int headerRow;

    public XlsxSheetReader(Stream content)
    {
        try
        {
            if (ArchiveGuard.Check(content, ArchiveLimits) is { } refusal)
            {
                Problems.Add(ProblemOf(refusal));
                return;
            }
            document = SpreadsheetDocument.Open(content, isEditable: false);
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("no workbook");
            var sheets = workbook.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
            var data = sheets.FirstOrDefault(s => !ImportTemplates.IsInstructionsSheet(s.Name?.Value));
            foreach (var extra in sheets.Where(s => s != data && !ImportTemplates.IsInstructionsSheet(s.Name?.Value)))
                Problems.Add(ImportProblem.OfFile("ExtraSheet", extra.Name?.Value ?? ""));
            if (data?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
            {
                Problems.Add(ImportProblem.OfFile("NoDataSheet"));
                return;
            }
            ReadSharedStrings(workbook.SharedStringTablePart);
            ReadDateStyles(workbook.WorkbookStylesPart);
            sheet = XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), new XmlReaderSettings { IgnoreWhitespace = true });
            if (NextRow() is { } first)
            {
                headerRow = first.Number;
                header = [.. first.Cells.Select(cell => cell?.Trim() ?? "")];
                ReportFormulas(first.Number, first.Formulas);
            }
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or XmlException or IOException)
        {
            Problems.Add(ImportProblem.OfFile("NotXlsx"));
            sheet = null;
        }
    }

    public override IReadOnlyList<string> Header => header;

    private static ImportProblem ProblemOf(ArchiveRefusal refusal) => refusal.Problem switch
    {
        ArchiveProblem.EntryTooLarge => ImportProblem.OfFile("UnpackedTooLarge", refusal.Entry!, refusal.Limit / 1024 / 1024),
        ArchiveProblem.TooLarge => ImportProblem.OfFile("UnpackedTotalTooLarge", refusal.Limit / 1024 / 1024),
        ArchiveProblem.TooCompressed => ImportProblem.OfFile("PackedTooTightly", refusal.Entry!),
        ArchiveProblem.TooManyEntries => ImportProblem.OfFile("TooManyParts", (int)refusal.Limit),
        _ => ImportProblem.OfFile("NotXlsx"),
    };

    public override IEnumerable<SheetRow> Rows()
    {
        if (sheet is null || header.Length == 0) yield break;
        var previous = headerRow;
        while (true)
        {
            RawRow? row;
            try { row = NextRow(); }
            catch (XmlException)
            {
                Problems.Add(ImportProblem.OfFile("NotXlsx"));
                yield break;
            }
            if (row is null) break;
            // Rows with nothing in them are left out of the XML; they are empty rows all the same.
            for (var skipped = previous + 1; skipped < row.Number; skipped++) yield return new SheetRow(skipped, new string?[header.Length]);
            previous = row.Number;
            ReportFormulas(row.Number, row.Formulas);
            if (row.Cells.Skip(header.Length).Any(cell => !string.IsNullOrWhiteSpace(cell)))
                Problems.Add(new ImportProblem(row.Number, null, "ExtraValues", header.Length));
            var cells = new string?[header.Length];
            Array.Copy(row.Cells, cells, Math.Min(row.Cells.Length, cells.Length));
            yield return new SheetRow(row.Number, cells);
        }
        ReadMergedCells();
    }

    private sealed record RawRow(int Number, string?[] Cells, List<int> Formulas);

    private void ReportFormulas(int row, List<int> columns)
    {
        foreach (var column in columns) Problems.Add(new ImportProblem(row, ColumnName(column), "Formula", CellName(column, row)));
    }

    private string ColumnName(int column) => column < header.Length && header[column].Length > 0 ? header[column] : ColumnLetters(column);

    /// <summary>The next &lt;row&gt; of the sheet data, or null after the last.</summary>
    private RawRow? NextRow()
    {
        var reader = sheet!;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "sheetData") return null;
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row") continue;
            var number = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : -1;
            var cells = new List<string?>();
            var formulas = new List<int>();
            if (!reader.IsEmptyElement)
            {
                var depth = reader.Depth;
                while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
                {
                    if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c") continue;
                    var (column, cellRow) = ParseCellName(reader.GetAttribute("r"));
                    if (number < 0 && cellRow > 0) number = cellRow;
                    column = column < 0 ? cells.Count : column;
                    if (column >= MaxColumns)
                    {
                        reader.Skip();
                        continue;
                    }
                    var (value, formula) = ReadCell(reader);
                    while (cells.Count <= column) cells.Add(null);
                    cells[column] = value;
                    if (formula) formulas.Add(column);
                }
            }
            return new RawRow(number > 0 ? number : 1, [.. cells], formulas);
        }
        return null;
    }

    /// <summary>Reads a &lt;c&gt; element to its end: its value as text and whether it holds a formula.</summary>
    private (string? Value, bool Formula) ReadCell(XmlReader reader)
    {
        var type = reader.GetAttribute("t");
        var style = int.TryParse(reader.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        if (reader.IsEmptyElement) return (null, false);
        var depth = reader.Depth;
        string? raw = null;
        var formula = false;
        var inline = new System.Text.StringBuilder();
        reader.Read();
        // Each case leaves the reader on the node after what it consumed; the loop stops on the cell's end tag.
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }
            switch (reader.LocalName)
            {
                case "f": formula = true; reader.Skip(); break;
                case "v": raw = ReadBoundedText(reader); break;
                // Inline strings, plain or in rich-text runs; phonetic guides (rPh) are not part of the value.
                case "is" or "r": reader.Read(); break;
                case "t": inline.Append(ReadBoundedText(reader)); break;
                default: reader.Skip(); break;
            }
        }
        return (Value(type, style, raw, inline), formula);
    }

    /// <summary>The text of the element the reader is on, at most <see cref="MaxCellChars"/> characters of it, read in
    /// chunks so that a crafted cell of millions of characters is never in memory; leaves the reader after the element,
    /// as ReadElementContentAsString does.</summary>
    private static string ReadBoundedText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return "";
        }
        var depth = reader.Depth;
        var text = new System.Text.StringBuilder();
        var buffer = new char[4096];
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                int read;
                while ((read = reader.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
                    text.Append(buffer, 0, Math.Min(read, MaxCellChars - text.Length));
            }
            reader.Read();
        }
        reader.Read();
        return text.ToString();
    }

    private string? Value(string? type, int style, string? raw, System.Text.StringBuilder inline) => type switch
    {
        "inlineStr" => inline.ToString(),
        "s" => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Count ? sharedStrings[index] : raw,
        // An ISO 8601 date cell (strict files): the date part is what the import needs.
        "d" => raw is { Length: >= 10 } ? raw[..10] : raw,
        "str" or "b" or "e" => raw,
        _ => Number(style, raw),
    };

    /// <summary>A number as the reporter sees it: a date-formatted number as an ISO date, others without exponent noise.</summary>
    private string? Number(int style, string? raw)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return raw;
        if (dateStyles.Contains(style) && number is >= 1 and < 2958466)
            return DateOnly.FromDateTime(DateTime.FromOADate(number)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return number.ToString(CultureInfo.InvariantCulture);
    }

    private void ReadSharedStrings(SharedStringTablePart? part)
    {
        if (part is null) return;
        using var reader = XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), new XmlReaderSettings { IgnoreWhitespace = true });
        var item = new System.Text.StringBuilder();
        reader.Read();
        // Reading a text and skipping a phonetic guide leave the reader on the next node already.
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t")
            {
                item.Append(ReadBoundedText(reader));
                continue;
            }
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "rPh")
            {
                reader.Skip();
                continue;
            }
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                item.Clear();
                if (reader.IsEmptyElement) sharedStrings.Add("");
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "si") sharedStrings.Add(item.ToString());
            reader.Read();
        }
    }

    /// <summary>Which cell styles show a number as a date: the built-in date formats and custom ones with d, m or y
    /// outside quoted text and [colour] brackets.</summary>
    private void ReadDateStyles(WorkbookStylesPart? part)
    {
        var stylesheet = part?.Stylesheet;
        if (stylesheet?.CellFormats is null) return;
        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(format => format.NumberFormatId?.Value is not null)
            .ToDictionary(format => format.NumberFormatId!.Value, format => format.FormatCode?.Value ?? "") ?? [];
        var index = 0;
        foreach (var format in stylesheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 17 or 22 or >= 27 and <= 36 or >= 50 and <= 58 || custom.TryGetValue(id, out var code) && IsDateFormat(code))
                dateStyles.Add(index);
            index++;
        }
    }

    internal static bool IsDateFormat(string code)
    {
        var quoted = false;
        var bracket = false;
        foreach (var c in code)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == '[') bracket = true;
            else if (!quoted && c == ']') bracket = false;
            else if (!quoted && !bracket && "dmyDMY".Contains(c)) return true;
        }
        return false;
    }

    private void ReadMergedCells()
    {
        var reader = sheet!;
        try
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "mergeCell") continue;
                var range = reader.GetAttribute("ref") ?? "";
                var (column, row) = ParseCellName(range.Split(':')[0]);
                Problems.Add(new ImportProblem(Math.Max(row, 0), column >= 0 ? ColumnName(column) : null, "MergedCells", range));
            }
        }
        catch (XmlException)
        {
            Problems.Add(ImportProblem.OfFile("NotXlsx"));
        }
    }

    /// <summary>"AB12" → (27, 12); (-1, -1) for what is not a cell name.</summary>
    internal static (int Column, int Row) ParseCellName(string? name)
    {
        if (string.IsNullOrEmpty(name)) return (-1, -1);
        var column = 0;
        var i = 0;
        for (; i < name.Length && char.IsAsciiLetter(name[i]); i++) column = column * 26 + (char.ToUpperInvariant(name[i]) - 'A' + 1);
        if (i == 0) return (-1, -1);
        return (column - 1, int.TryParse(name.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : -1);
    }

    internal static string ColumnLetters(int column)
    {
        var letters = "";
        for (column++; column > 0; column = (column - 1) / 26) letters = (char)('A' + (column - 1) % 26) + letters;
        return letters;
    }

    private static string CellName(int column, int row) => ColumnLetters(column) + row.ToString(CultureInfo.InvariantCulture);

    public override void Dispose()
    {
        sheet?.Dispose();
        document?.Dispose();
    }
}
