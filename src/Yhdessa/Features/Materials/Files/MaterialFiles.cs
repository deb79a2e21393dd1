using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;

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

    private static FileKind? RecogniseZip(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            bool Has(string name) => zip.GetEntry(name) is not null;
            if (zip.GetEntry("mimetype") is { } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open());
                return reader.ReadToEnd().Trim() == Odt.ContentType ? Odt : null;
            }
            if (!Has("[Content_Types].xml")) return null;
            if (Has("word/document.xml")) return Docx;
            if (Has("ppt/presentation.xml")) return Pptx;
            if (Has("xl/workbook.xml")) return Xlsx;
            return null;
        }
        catch (InvalidDataException)
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

    /// <summary>The text of a PDF or an Office file, cut at <paramref name="limit"/>; empty for other kinds or a file that cannot be read.</summary>
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
            else if (kind == Docx)
            {
                using var document = WordprocessingDocument.Open(content, false);
                foreach (var paragraph in document.MainDocumentPart?.Document?.Body?.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>() ?? [])
                {
                    text.AppendLine(paragraph.InnerText);
                    if (text.Length > limit) break;
                }
            }
            else if (kind == Pptx)
            {
                using var presentation = PresentationDocument.Open(content, false);
                foreach (var slide in presentation.PresentationPart?.SlideParts ?? [])
                {
                    foreach (var run in slide.Slide?.Descendants<DocumentFormat.OpenXml.Drawing.Text>() ?? []) text.Append(run.Text).Append(' ');
                    text.AppendLine();
                    if (text.Length > limit) break;
                }
            }
            else if (kind == Xlsx)
            {
                using var workbook = SpreadsheetDocument.Open(content, false);
                foreach (var item in workbook.WorkbookPart?.SharedStringTablePart?.SharedStringTable?.Elements<DocumentFormat.OpenXml.Spreadsheet.SharedStringItem>() ?? [])
                {
                    text.AppendLine(item.InnerText);
                    if (text.Length > limit) break;
                }
            }
            else if (kind == Odt)
            {
                using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
                if (zip.GetEntry("content.xml") is { } entry)
                {
                    using var reader = XmlReader.Create(entry.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
                    while (reader.Read() && text.Length <= limit)
                    {
                        if (reader.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace) text.Append(reader.Value);
                        else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName is "p" or "h") text.AppendLine();
                    }
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A damaged or unusual file is still kept for download; only its text stays out of the search.
            logger.LogWarning(e, "Could not read the text of a {ContentType} file", kind.ContentType);
        }
        finally
        {
            content.Position = 0;
        }
        return text.Length > limit ? text.ToString(0, limit) : text.ToString();
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
