using System.Text;
using ClosedXML.Excel;

namespace Yhdessa.Tests.Monitoring.Import;

/// <summary>TEST HELPER: import files made the way reporters make them.</summary>
public static class ImportFiles
{
    public const string StaysHeaderFi = "Palvelu;Asukastunnus;Muuttopäivä;Tilanne ennen muuttoa;Päättymispäivä;Sijoittuminen";

    /// <summary>CSV text as UTF-8, with Excel's byte order mark unless told otherwise.</summary>
    public static MemoryStream Csv(string text, bool bom = true) =>
        new([.. bom ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(text)]);

    public static MemoryStream StaysCsv(params string[] rows) => Csv(string.Join("\r\n", [StaysHeaderFi, .. rows]) + "\r\n");

    /// <summary>An XLSX with the given rows on its first sheet; <paramref name="change"/> can add formulas, merges, sheets.</summary>
    public static MemoryStream Xlsx(IEnumerable<object?[]> rows, Action<XLWorkbook>? change = null, string sheet = "Jaksot")
    {
        using var workbook = new XLWorkbook();
        var data = workbook.Worksheets.Add(sheet);
        var r = 1;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                var cell = data.Cell(r, c + 1);
                switch (row[c])
                {
                    case null: break;
                    case DateOnly date: cell.SetValue(date.ToDateTime(TimeOnly.MinValue)); cell.Style.DateFormat.Format = "d.m.yyyy"; break;
                    case int number: cell.SetValue(number); break;
                    case var other: cell.SetValue(other.ToString()); cell.DataType = XLDataType.Text; break;
                }
            }
            r++;
        }
        change?.Invoke(workbook);
        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }

    public static readonly object?[] StaysHeader = ["Palvelu", "Asukastunnus", "Muuttopäivä", "Tilanne ennen muuttoa", "Päättymispäivä", "Sijoittuminen"];
}
