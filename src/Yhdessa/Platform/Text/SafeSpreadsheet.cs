using System.Text;
using ClosedXML.Excel;

namespace Yhdessa.Platform.Text;

/// <summary>
/// Lists for a spreadsheet, as CSV or XLSX, safe to open: every cell that a spreadsheet would run as a formula is made
/// harmless, since what is in them was typed by people (names, needs, answers).
/// </summary>
public static class SafeSpreadsheet
{
    /// <summary>UTF-8 with BOM, semicolons and CRLF: what Excel set to Finnish opens as columns without an import dialog.</summary>
    public static byte[] Csv(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var csv = new StringBuilder();
        foreach (var line in rows.Prepend(header)) csv.Append(string.Join(';', line.Select(CsvCell))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static byte[] Xlsx(string sheetName, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        using var workbook = new XLWorkbook();
        // A sheet name has at most 31 characters and none of : \ / ? * [ ].
        var name = new string(sheetName.Where(c => !":\\/?*[]".Contains(c)).Take(31).ToArray());
        var sheet = workbook.Worksheets.Add(name.Length > 0 ? name : "1");
        foreach (var (line, r) in rows.Prepend(header).Select((line, r) => (line, r)))
            for (var c = 0; c < line.Count; c++)
            {
                var cell = sheet.Cell(r + 1, c + 1);
                // Set as text: ClosedXML would otherwise read "=…" as a formula and "1.2" as a number.
                cell.DataType = XLDataType.Text;
                cell.SetValue(Neutralise(line[c]));
            }
        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        // Fixed widths: measuring text would need the fonts of a desktop.
        for (var c = 1; c <= header.Count; c++) sheet.Column(c).Width = c <= 2 ? 32 : 20;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>A value starting with = + - @ (or a tab or carriage return) gets a leading apostrophe, so that a
    /// spreadsheet shows it as text instead of running it as a formula.</summary>
    public static string Neutralise(string value) =>
        value.Length > 0 && "=+-@\t\r".Contains(value[0]) ? "'" + value : value;

    private static string CsvCell(string value)
    {
        value = Neutralise(value);
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
