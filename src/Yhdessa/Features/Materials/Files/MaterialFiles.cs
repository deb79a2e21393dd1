using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using UglyToad.PdfPig;
using Yhdessa.Platform.Files;

namespace Yhdessa.Features.Materials.Files;

/// <summary>A kind of file the bank accepts: its content type and the extension it is stored and offered with.</summary>
public sealed record FileKind(string ContentType, string Extension, bool HasText);

/// <summary>
/// Recognises files by their content (magic bytes and, for Office files, the parts inside the zip), never by
/// the name the uploader gave; makes download names safe; takes the text of PDF and Office files for the search.
/// </summary>
public static partial class MaterialFiles
{
    public static readonly FileKind Pdf = new("application/pdf", ".pdf", true);
    public static readonly FileKind Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", true);
    public static readonly FileKind Pptx = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx", true);
    public static readonly FileKind Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", true);
    public static readonly FileKind Odt = new("application/vnd.oasis.opendocument.text", ".odt", true);
    public static readonly FileKind Png = new("image/png", ".png", false);
    public static readonly FileKind Jpeg = new("image/jpeg", ".jpg", false);
    public static readonly FileKind Gif = new("image/gif", ".gif", false);
    public static readonly FileKind Webp = new("image/webp", ".webp", false);
    public static readonly FileKind Mp3 = new("audio/mpeg", ".mp3", false);
    public static readonly FileKind M4a = new("audio/mp4", ".m4a", false);

    /// <summary>The kind of the file in <paramref name="content"/> (a seekable stream), or null when it is none the bank takes.</summary>
    public static FileKind? Recognise(Stream content)
    {
        var head = new byte[16];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        if (read < 4) return null;
        ReadOnlySpan<byte> h = head.AsSpan(0, read);
        if (h.StartsWith("%PDF-"u8)) return Pdf;
        if (h.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Png;
        if (h.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return Jpeg;
        if (h.StartsWith("GIF87a"u8) || h.StartsWith("GIF89a"u8)) return Gif;
        if (read >= 12 && h.StartsWith("RIFF"u8) && h[8..12].SequenceEqual("WEBP"u8)) return Webp;
        if (h.StartsWith("ID3"u8) || (h[0] == 0xFF && (h[1] & 0xE6) == 0xE2)) return Mp3;
        if (read >= 12 && h[4..8].SequenceEqual("ftyp"u8) && (h[8..12].SequenceEqual("M4A "u8) || h[8..12].SequenceEqual("mp42"u8) || h[8..12].SequenceEqual("isom"u8)))
            return M4a;
        if (h.StartsWith("PK\u0003\u0004"u8)) return RecogniseZip(content);
        return null;
    }

    /// <summary>How far an Office or OpenDocument file may unpack (<see cref="ArchiveGuard"/>'s limits for documents).</summary>
    public static readonly ArchiveLimits ArchiveLimits = new();

    private static FileKind? RecogniseZip(Stream content)
    {
        try
        {
            using var zip = ArchiveGuard.Open(content, ArchiveLimits);
            bool Has(string name) => zip.GetEntry(name) is not null;
            if (zip.GetEntry("mimetype") is { } mimetype)
            {
                // The media type is a few dozen characters; a longer "mimetype" is not ours to read through.
                using var reader = new StreamReader(ArchiveGuard.OpenEntry(mimetype));
                var buffer = new char[100];
                var read = reader.ReadBlock(buffer, 0, buffer.Length);
                return buffer.AsSpan(0, read).Trim().SequenceEqual(Odt.ContentType) ? Odt : null;
            }
            if (!Has("[Content_Types].xml")) return null;
            if (Has("word/document.xml")) return Docx;
            if (Has("ppt/presentation.xml")) return Pptx;
            if (Has("xl/workbook.xml")) return Xlsx;
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or ArchiveRefusedException)
        {
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }

    [GeneratedRegex(@"[^\p{L}\p{N} ._()-]+", RegexOptions.CultureInvariant)]
    private static partial Regex UnsafeCharacters();

    /// <summary>
    /// A name fit to show and to offer on download: no folders ("../../etc/passwd" becomes "passwd"), no control or
    /// shell characters, at most 100 characters, and the extension of the file's real kind.
    /// </summary>
    public static string SafeName(string? uploaded, FileKind kind)
    {
        var name = (uploaded ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = Path.GetFileNameWithoutExtension(name.Normalize(NormalizationForm.FormC));
        name = UnsafeCharacters().Replace(name, "_").Trim(' ', '.', '_', '-');
        if (name.Length > 100) name = name[..100];
        if (name.Length == 0) name = "file";
        return name + kind.Extension;
    }

    /// <summary>
    /// The text of a PDF or an Office or OpenDocument file, cut at <paramref name="limit"/> characters; empty for
    /// other kinds or a file that cannot be read. Office and OpenDocument parts are read as a stream of XML, a chunk
    /// of text at a time and never past their declared size, and reading stops at the limit: a part is never held
    /// in memory as a whole, so the memory taken is the same for a page and for a part of hundreds of megabytes.
    /// The caller has checked the file with <see cref="ArchiveGuard.Check"/>.
    /// </summary>
    public static string ExtractText(Stream content, FileKind kind, int limit, ILogger logger)
    {
        var text = new StringBuilder();
        try
        {
            content.Position = 0;
            if (kind == Pdf)
            {
                using var pdf = PdfDocument.Open(content);
                foreach (var page in pdf.GetPages())
                {
                    text.AppendLine(string.Join(" ", page.GetWords().Select(w => w.Text)));
                    if (text.Length > limit) break;
                }
            }
            else if (TextLayouts.GetValueOrDefault(kind) is { } layout)
            {
                using var zip = ArchiveGuard.Open(content, ArchiveLimits);
                foreach (var part in layout.Parts(zip))
                {
                    AppendText(part, layout, text, limit);
                    if (text.Length >= limit) break;
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A damaged or unusual file is still kept for download; only its text (or the rest of it) stays out of the search.
            logger.LogWarning(e, "Could not read the text of a {ContentType} file", kind.ContentType);
        }
        finally
        {
            content.Position = 0;
        }
        return text.Length > limit ? text.ToString(0, limit) : text.ToString();
    }

    /// <summary>Where the text of a zip of XML parts is: the parts in reading order, the element that holds text (null:
    /// any text), the elements that end a line, the elements that stand for a space and an element whose text is
    /// not part of the document's (the phonetic guide of a spreadsheet string).</summary>
    private sealed record TextLayout(Func<ZipArchive, IEnumerable<ZipArchiveEntry>> Parts, string? TextElement,
        string[] LineEnds, string[] Spaces, string? Skipped = null);

    private static readonly Dictionary<FileKind, TextLayout> TextLayouts = new()
    {
        [Docx] = new(zip => Entries(zip, "word/document.xml"), "t", ["p"], ["tab", "br"]),
        [Pptx] = new(Slides, "t", ["p"], []),
        [Xlsx] = new(zip => Entries(zip, "xl/sharedStrings.xml"), "t", ["si"], [], Skipped: "rPh"),
        [Odt] = new(zip => Entries(zip, "content.xml"), null, ["p", "h"], ["s", "tab", "line-break"]),
    };

    private static IEnumerable<ZipArchiveEntry> Entries(ZipArchive zip, string name) =>
        zip.GetEntry(name) is { } entry ? [entry] : [];

    [GeneratedRegex(@"^ppt/slides/slide(\d{1,6})\.xml$", RegexOptions.CultureInvariant)]
    private static partial Regex SlidePart();

    /// <summary>The slides in their numbered order (PowerPoint numbers the parts as it orders the slides when saving).</summary>
    private static IEnumerable<ZipArchiveEntry> Slides(ZipArchive zip) => zip.Entries
        .Select(entry => (entry, match: SlidePart().Match(entry.FullName)))
        .Where(slide => slide.match.Success)
        .OrderBy(slide => int.Parse(slide.match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture))
        .Select(slide => slide.entry);

    /// <summary>An XML part is read as a stream. Text nodes come a chunk at a time; the character limit bounds what
    /// the reader itself must hold for markup (a giant attribute or name), and no DTD is read (no entity expansion).</summary>
    private static readonly XmlReaderSettings PartSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = MaxPartCharacters, CloseInput = true,
    };

    /// <summary>How much XML of one part is read for its text: a document of a few hundred pages; its first 400,000
    /// characters of text come well before.</summary>
    public const long MaxPartCharacters = 16L * 1024 * 1024;

    private static void AppendText(ZipArchiveEntry part, TextLayout layout, StringBuilder text, int limit)
    {
        using var reader = XmlReader.Create(ArchiveGuard.OpenEntry(part), PartSettings);
        var buffer = new char[4096];
        int? inText = null, skipping = null;
        while (text.Length < limit && reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when skipping is not null || reader.IsEmptyElement && !layout.Spaces.Contains(reader.LocalName):
                    break;
                case XmlNodeType.Element when reader.LocalName == layout.Skipped:
                    skipping = reader.Depth;
                    break;
                case XmlNodeType.Element when reader.LocalName == layout.TextElement:
                    inText = reader.Depth;
                    break;
                case XmlNodeType.Element when layout.Spaces.Contains(reader.LocalName):
                    text.Append(' ');
                    break;
                case XmlNodeType.EndElement:
                    if (reader.Depth == skipping) skipping = null;
                    else if (reader.Depth == inText) inText = null;
                    if (skipping is null && layout.LineEnds.Contains(reader.LocalName)) text.AppendLine();
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace
                    when skipping is null && (layout.TextElement is null || inText is not null):
                    int read;
                    while (text.Length < limit && (read = reader.ReadValueChunk(buffer, 0, Math.Min(buffer.Length, limit - text.Length))) > 0)
                        text.Append(buffer, 0, read);
                    break;
            }
        }
    }

    /// <summary>RFC 6266: an ASCII fallback name and the real one as UTF-8 in filename*.</summary>
    public static string ContentDisposition(string fileName, bool inline)
    {
        var ascii = new StringBuilder();
        foreach (var c in fileName.Normalize(NormalizationForm.FormD))
        {
            if (c is >= ' ' and < (char)127 && c is not '"' and not '\\' and not ';' and not '%') ascii.Append(c);
            else if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark) ascii.Append('_');
        }
        return $"{(inline ? "inline" : "attachment")}; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
    }
}
