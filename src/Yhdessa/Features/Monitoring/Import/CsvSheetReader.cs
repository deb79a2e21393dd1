using CsvHelper;

namespace Yhdessa.Features.Monitoring.Import;

/// <summary>
/// A CSV file in UTF-8, with or without a byte order mark, separated by semicolons (what Excel set to Finnish or
/// Swedish writes) or commas (what the rest of the world writes): CsvHelper detects the separator from the first
/// lines. Row numbers are the file's line numbers, which is what an editor or a spreadsheet shows. A file in another
/// encoding (e.g. Excel's plain "CSV" in Windows-1252) is reported at the first row where it shows, since guessing
/// would turn ä into something else in codes.
/// </summary>
public sealed class CsvSheetReader : SheetReader
{
    private readonly CsvReader csv;
    private readonly string[] header = [];
    private bool notUtf8Reported;

    public CsvSheetReader(Stream content)
    {
        csv = CsvReader.Create(content, new CsvReaderOptions
        {
            HasHeader = true,
            // Kept, so that they are counted as the empty rows they are.
            SkipEmptyLines = false,
            TrackLineNumbers = true,
            // A row of 1 MB is not a row of this file; it is an unclosed quote swallowing the rest.
            MaxRecordSize = 1024 * 1024,
            OnMalformedRecord = record => Problems.Add(new ImportProblem((int)record.LineNumber, null,
                record.Reason == CsvMalformedReason.UnterminatedQuote ? "UnterminatedQuote" : "StrayQuote")),
        }, leaveOpen: true);
        try
        {
            header = [.. csv.Headers.Select(heading => heading.Trim())];
            if (header.Any(h => h.Contains('\uFFFD'))) ReportNotUtf8(1);
        }
        catch (CsvFormatException)
        {
            Problems.Add(ImportProblem.OfFile("NotCsv"));
        }
    }

    public override IReadOnlyList<string> Header => header;

    public override IEnumerable<SheetRow> Rows()
    {
        if (header.Length == 0) yield break;
        while (true)
        {
            try
            {
                if (!csv.Read()) yield break;
            }
            catch (CsvFormatException)
            {
                Problems.Add(ImportProblem.OfFile("NotCsv"));
                yield break;
            }
            var number = (int)csv.LineNumber;
            var cells = new string?[header.Length];
            for (var i = 0; i < csv.FieldCount; i++)
            {
                var value = csv.GetString(i);
                if (i < cells.Length) cells[i] = value;
                else if (!string.IsNullOrWhiteSpace(value))
                {
                    Problems.Add(new ImportProblem(number, null, "ExtraValues", header.Length));
                    break;
                }
                if (value.Contains('\uFFFD')) ReportNotUtf8(number);
            }
            yield return new SheetRow(number, cells);
        }
    }

    /// <summary>Invalid UTF-8 reads as U+FFFD; once per file is enough to say what to do.</summary>
    private void ReportNotUtf8(int row)
    {
        if (notUtf8Reported) return;
        notUtf8Reported = true;
        Problems.Add(new ImportProblem(row, null, "NotUtf8"));
    }

    public override void Dispose() => csv.Dispose();
}
