using ClosedXML.Excel;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Monitoring.Import;

/// <summary>
/// The downloadable templates: for stays and for counts, CSV and XLSX, headings in the reader's language. The
/// XLSX has a second sheet with what to write in each column and the allowed codes in that language; that sheet
/// is skipped on import when it keeps its name (in any of the three languages).
/// </summary>
public static class ImportTemplates
{
    private static readonly string[] InstructionsSheetNames = ["Ohjeet", "Anvisningar", "Instructions"];

    public static bool IsInstructionsSheet(string? name) =>
        name is not null && InstructionsSheetNames.Contains(name.Trim(), StringComparer.OrdinalIgnoreCase);

    public static string FileName(ImportKind kind, string language, string extension) =>
        $"{(kind == ImportKind.Stays ? "stays" : "counts")}-{language}.{extension}";

    public static byte[] Csv(ImportKind kind, string language) =>
        [.. System.Text.Encoding.UTF8.GetPreamble(),
            .. System.Text.Encoding.UTF8.GetBytes(string.Join(';', ImportColumns.For(kind).Select(c => c.Heading(language))) + "\r\n")];

    /// <summary>The allowed codes of a coded column, or none for a free or date column.</summary>
    public static IReadOnlyList<string> CodesOf(ImportColumn column) => column.Key switch
    {
        "SituationBefore" => Enum.GetNames<SituationBefore>(),
        "Destination" => Enum.GetNames<Destination>(),
        "ServiceType" => Enum.GetNames<ServiceType>(),
        "Measure" => Enum.GetNames<Measure>(),
        _ => [],
    };

    /// <param name="names">The names of the codes as the report table shows them (MonitoringText), written beside each
    /// code on the instructions sheet: a file may give either.</param>
    private static string EnumOf(ImportColumn column) => column.Key switch
    {
        "SituationBefore" => nameof(SituationBefore),
        "Destination" => nameof(Destination),
        "ServiceType" => nameof(ServiceType),
        _ => nameof(Measure),
    };

    public static byte[] Xlsx(ImportKind kind, string language, IStringLocalizer<ImportText> t, IStringLocalizer? names = null)
    {
        var columns = ImportColumns.For(kind);
        using var workbook = new XLWorkbook();
        var data = workbook.Worksheets.Add(t[kind == ImportKind.Stays ? "SheetStays" : "SheetCounts"]);
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            data.Cell(1, c + 1).SetValue(column.Heading(language));
            // Codes typed as text stay text ("007" keeps its zeros); dates are shown as dates in the reporter's Excel.
            var format = data.Range(2, c + 1, 1000, c + 1).Style.NumberFormat;
            if (column == ImportColumns.MoveIn || column == ImportColumns.End) format.Format = "yyyy-mm-dd";
            else if (column != ImportColumns.Count) format.Format = "@";
            data.Column(c + 1).Width = 24;
        }
        data.Row(1).Style.Font.Bold = true;
        data.SheetView.FreezeRows(1);

        var help = workbook.Worksheets.Add(InstructionsSheetNames[Array.IndexOf(Languages.All, language) is >= 0 and var i ? i : 0]);
        help.Cell(1, 1).SetValue(t["HelpIntro"].Value);
        help.Cell(1, 1).Style.Font.Bold = true;
        help.Cell(3, 1).SetValue(t["HelpColumn"].Value);
        help.Cell(3, 2).SetValue(t["HelpRequired"].Value);
        help.Cell(3, 3).SetValue(t["HelpWhat"].Value);
        help.Row(3).Style.Font.Bold = true;
        var row = 4;
        foreach (var column in columns)
        {
            help.Cell(row, 1).SetValue(column.Heading(language));
            help.Cell(row, 2).SetValue(column.Required ? t["Yes"].Value : t["No"].Value);
            help.Cell(row, 3).SetValue(t["Help_" + column.Key].Value);
            row++;
        }
        foreach (var column in columns.Where(c => CodesOf(c).Count > 0))
        {
            row++;
            help.Cell(row, 1).SetValue(t["HelpCodesOf", column.Heading(language)].Value);
            help.Cell(row, 1).Style.Font.Bold = true;
            row++;
            foreach (var code in CodesOf(column))
            {
                help.Cell(row, 1).SetValue(code);
                if (names is not null) help.Cell(row, 2).SetValue(names[$"{EnumOf(column)}_{code}"].Value);
                help.Cell(row, 3).SetValue(t[$"Code_{column.Key}_{code}"].Value);
                row++;
            }
        }
        help.Column(1).Width = 36;
        help.Column(2).Width = 30;
        help.Column(3).Width = 90;

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
