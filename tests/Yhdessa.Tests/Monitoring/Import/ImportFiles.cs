using System.IO.Compression;
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

    /// <summary>A workbook written part by part, for what no spreadsheet program writes: <paramref name="sheetData"/> is
    /// the &lt;sheetData&gt; content, <paramref name="sharedStrings"/> writes the whole shared strings part (if any);
    /// <paramref name="extraEntries"/> empty entries follow.</summary>
    public static MemoryStream HandMadeXlsx(string sheetData, Action<Stream>? sharedStrings = null, int extraEntries = 0)
    {
        const string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const string relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open());
                writer.Write(text);
            }
            Part("[Content_Types].xml",
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
                "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" +
                "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>");
            Part("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"" + relationships + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Part("xl/workbook.xml", $"<workbook xmlns=\"{main}\" xmlns:r=\"{relationships}\"><sheets><sheet name=\"Jaksot\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Part("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"" + relationships + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
                (sharedStrings is null ? "" : "<Relationship Id=\"rId2\" Type=\"" + relationships + "/sharedStrings\" Target=\"sharedStrings.xml\"/>") +
                "</Relationships>");
            Part("xl/worksheets/sheet1.xml", $"<worksheet xmlns=\"{main}\"><sheetData>{sheetData}</sheetData></worksheet>");
            if (sharedStrings is not null)
            {
                // Packed as tightly as deflate packs, as a file made to unpack to far more than it weighs would be.
                using var part = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.SmallestSize).Open();
                sharedStrings(part);
            }
            for (var i = 0; i < extraEntries; i++) zip.CreateEntry($"xl/media/{i:x}", CompressionLevel.NoCompression);
        }
        stream.Position = 0;
        return stream;
    }

    /// <summary>Shared strings that unpack to <paramref name="megabytes"/> MB from a file of a few hundred kB.</summary>
    public static MemoryStream XlsxBomb(int megabytes) => HandMadeXlsx(
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>",
        part =>
        {
            part.Write("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"u8);
            var item = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<si><t>" + new string('A', 1009) + "</t></si>", 1024)));
            for (var written = 0L; written < megabytes * 1024L * 1024; written += item.Length) part.Write(item);
            part.Write("</sst>"u8);
        });

    public static readonly object?[] StaysHeader = ["Palvelu", "Asukastunnus", "Muuttopäivä", "Tilanne ennen muuttoa", "Päättymispäivä", "Sijoittuminen"];
}
