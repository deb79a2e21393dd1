using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Yhdessa.Features.Monitoring.Statistics;

namespace Yhdessa.Features.Monitoring.Exports;

/// <summary>
/// Writes tables as files: CSV the way Finnish Excel opens it (UTF-8 with BOM, <c>;</c> between fields, decimal
/// comma) and XLSX with one sheet per table. Whatever the table shows is what the file holds, so a protected table
/// stays protected ("&lt;5", "x") in its files.
/// </summary>
public static class TableFiles
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Csv(OpenTable table)
    {
        var text = new StringBuilder();
        text.AppendJoin(';', table.Columns.Select(c => Field(c.Label))).Append("\r\n");
        foreach (var row in table.Rows)
            text.AppendJoin(';', row.Select(v => Field(v.Number is { } n ? n.ToString(CultureInfo.GetCultureInfo("fi-FI")) : v.Link ?? v.Text)))
                .Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Xlsx(IEnumerable<OpenTable> tables)
    {
        using var workbook = new XLWorkbook();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in tables)
        {
            var sheet = workbook.Worksheets.Add(SheetName(table.Title, names));
            for (var c = 0; c < table.Columns.Count; c++)
                sheet.Cell(1, c + 1).Value = table.Columns[c].Label;
            sheet.Row(1).Style.Font.Bold = true;
            for (var r = 0; r < table.Rows.Count; r++)
                for (var c = 0; c < table.Rows[r].Count; c++)
                {
                    var value = table.Rows[r][c];
                    var cell = sheet.Cell(r + 2, c + 1);
                    // Text goes in as text, never as a formula, whatever it starts with.
                    if (value.Number is { } n) cell.Value = n;
                    else cell.SetValue(value.Link ?? value.Text);
                }
            var notesRow = table.Rows.Count + 3;
            foreach (var note in table.Notes) sheet.Cell(notesRow++, 1).SetValue(note);
            // Widths from the text length: ClosedXML's AdjustToContents measures with System.Drawing, which Linux lacks.
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var longest = table.Rows.Select(r => c < r.Count ? r[c].Text.Length : 0).Append(table.Columns[c].Label.Length).Max();
                sheet.Column(c + 1).Width = Math.Clamp(longest + 2, 8, 60);
            }
        }
        if (!workbook.Worksheets.Any()) workbook.Worksheets.Add("-");
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>Excel allows 31 characters and no <c>:\/?*[]</c> in a sheet name, unique within the workbook.</summary>
    private static string SheetName(string title, HashSet<string> used)
    {
        var clean = new string([.. title.Select(ch => ":\\/?*[]".Contains(ch) ? ' ' : ch)]).Trim();
        var name = clean.Length > 31 ? clean[..31] : clean;
        for (var n = 2; !used.Add(name); n++)
        {
            var suffix = " " + n.ToString(CultureInfo.InvariantCulture);
            name = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }
        return name;
    }

    /// <summary>Quotes a field when needed and defuses spreadsheet formulas (a leading = + - @ gets an apostrophe).</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
