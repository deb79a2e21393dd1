using System.Globalization;
using System.Text;

namespace Yhdessa.Features.Materials.Files;

/// <summary>
/// Writes a small text-only PDF (A4, Helvetica, one page per 55 lines) for the demo materials. Helvetica is one of
/// the fonts every PDF reader has, so nothing is embedded; text is written in Latin-1, which covers ä, ö and å.
/// </summary>
public static class SimplePdf
{
    private const int LinesPerPage = 55;
    private const int CharactersPerLine = 90;

    public static byte[] Create(string title, string text)
    {
        var lines = new List<(string Text, bool Heading)> { (title, true), ("", false) };
        foreach (var paragraph in text.Split('\n'))
        {
            lines.AddRange(Wrap(paragraph).Select(line => (line, false)));
            lines.Add(("", false));
        }
        var pages = lines.Chunk(LinesPerPage).ToList();

        var objects = new List<string>();
        // 1 catalog, 2 page tree, 3 font, then a page and its content for each page.
        var kids = string.Join(" ", pages.Select((_, i) => $"{4 + 2 * i} 0 R"));
        objects.Add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.Add($"<< /Type /Pages /Kids [{kids}] /Count {pages.Count} >>");
        objects.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        for (var i = 0; i < pages.Count; i++)
        {
            var content = new StringBuilder("BT\n/F1 11 Tf\n14 TL\n50 790 Td\n");
            foreach (var (line, heading) in pages[i])
                content.Append(heading ? "/F1 15 Tf\n" : "").Append('(').Append(Escape(line)).Append(") '\n").Append(heading ? "/F1 11 Tf\n" : "");
            content.Append("ET");
            var stream = content.ToString();
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>");
            objects.Add($"<< /Length {Encoding.Latin1.GetByteCount(stream)} >>\nstream\n{stream}\nendstream");
        }

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.Latin1.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    private static IEnumerable<string> Wrap(string paragraph)
    {
        var line = new StringBuilder();
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > CharactersPerLine)
            {
                yield return line.ToString();
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) yield return line.ToString();
    }

    private static string Escape(string text)
    {
        var escaped = new StringBuilder();
        foreach (var c in text)
        {
            if (c is '(' or ')' or '\\') escaped.Append('\\').Append(c);
            else if (c == '–' || c == '—') escaped.Append('-');
            else escaped.Append(c <= 'ÿ' ? c : '?');
        }
        return escaped.ToString();
    }
}
