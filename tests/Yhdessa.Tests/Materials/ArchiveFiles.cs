using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Yhdessa.Tests.Materials;

/// <summary>The zip-based document formats: Office Open XML and OpenDocument.</summary>
public enum ArchiveFormat { Docx, Pptx, Xlsx, Odt, Ods, Odp }

/// <summary>
/// TEST HELPER: Office and OpenDocument files written part by part with System.IO.Compression. An ordinary one has
/// a line of text in its text part; a bomb has, after that line, megabytes of one repeated character in the same part
/// (a thousand to one packed), or a part whose declared size is not its real size, or thousands of extra entries.
/// </summary>
public static class ArchiveFiles
{
    /// <summary>The part that holds the text of each format (the part a bomb fills).</summary>
    public static string TextPart(ArchiveFormat format) => format switch
    {
        ArchiveFormat.Docx => "word/document.xml",
        ArchiveFormat.Pptx => "ppt/slides/slide1.xml",
        ArchiveFormat.Xlsx => "xl/sharedStrings.xml",
        _ => "content.xml",
    };

    /// <summary>A file of <paramref name="format"/> with <paramref name="text"/>, then <paramref name="paddingMegabytes"/>
    /// MB of the letter A in its text part, and <paramref name="extraEntries"/> empty entries.</summary>
    public static byte[] Document(ArchiveFormat format, string text, int paddingMegabytes = 0, int extraEntries = 0)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string content, CompressionLevel level = CompressionLevel.Optimal)
            {
                using var part = zip.CreateEntry(name, level).Open();
                part.Write(Encoding.UTF8.GetBytes(content));
            }
            void TextPart(string before, string paddingBefore, string paddingAfter, string after)
            {
                using var part = zip.CreateEntry(ArchiveFiles.TextPart(format), CompressionLevel.SmallestSize).Open();
                part.Write(Encoding.UTF8.GetBytes(before));
                if (paddingMegabytes > 0)
                {
                    part.Write(Encoding.UTF8.GetBytes(paddingBefore));
                    var megabyte = new byte[1024 * 1024];
                    Array.Fill(megabyte, (byte)'A');
                    for (var i = 0; i < paddingMegabytes; i++) part.Write(megabyte);
                    part.Write(Encoding.UTF8.GetBytes(paddingAfter));
                }
                part.Write(Encoding.UTF8.GetBytes(after));
            }

            var escaped = System.Security.SecurityElement.Escape(text);
            switch (format)
            {
                case ArchiveFormat.Docx:
                    Part("[Content_Types].xml", ContentTypes("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"));
                    Part("_rels/.rels", Relationships("word/document.xml"));
                    TextPart($"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>{escaped}</w:t></w:r></w:p>",
                        "<w:p><w:r><w:t>", "</w:t></w:r></w:p>", "</w:body></w:document>");
                    break;
                case ArchiveFormat.Pptx:
                    Part("[Content_Types].xml", ContentTypes("/ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"));
                    Part("_rels/.rels", Relationships("ppt/presentation.xml"));
                    Part("ppt/presentation.xml", "<p:presentation xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"/>");
                    TextPart("<p:sld xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">" +
                        $"<p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>{escaped}</a:t></a:r></a:p>",
                        "<a:p><a:r><a:t>", "</a:t></a:r></a:p>", "</p:txBody></p:sp></p:spTree></p:cSld></p:sld>");
                    break;
                case ArchiveFormat.Xlsx:
                    Part("[Content_Types].xml", ContentTypes("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"));
                    Part("_rels/.rels", Relationships("xl/workbook.xml"));
                    Part("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>");
                    TextPart($"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>{escaped}</t></si>",
                        "<si><t>", "</t></si>", "</sst>");
                    break;
                default:
                    var (mimetype, body) = format switch
                    {
                        ArchiveFormat.Odt => ("application/vnd.oasis.opendocument.text", "text"),
                        ArchiveFormat.Ods => ("application/vnd.oasis.opendocument.spreadsheet", "spreadsheet"),
                        _ => ("application/vnd.oasis.opendocument.presentation", "presentation"),
                    };
                    // OpenDocument: the media type first and unpacked, as the format requires.
                    Part("mimetype", mimetype, CompressionLevel.NoCompression);
                    Part("META-INF/manifest.xml", "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">" +
                        $"<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"{mimetype}\"/>" +
                        "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>");
                    TextPart("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\">" +
                        $"<office:body><office:{body}><text:p>{escaped}</text:p>", "<text:p>", "</text:p>", $"</office:{body}></office:body></office:document-content>");
                    break;
            }
            for (var i = 0; i < extraEntries; i++) zip.CreateEntry($"x/{i:x}", CompressionLevel.NoCompression);
        }
        return stream.ToArray();
    }

    private static string ContentTypes(string main, string mainType) =>
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
        $"<Override PartName=\"{main}\" ContentType=\"{mainType}\"/></Types>";

    private static string Relationships(string main) =>
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
        $"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"{main}\"/></Relationships>";

    /// <summary>The zip with the unpacked size of <paramref name="entry"/> declared as <paramref name="declared"/> bytes in
    /// both its local header and the table of contents, whatever its packed data unpack to.</summary>
    public static byte[] WithDeclaredSize(byte[] zip, string entry, uint declared)
    {
        var name = Encoding.ASCII.GetBytes(entry);
        var patched = (byte[])zip.Clone();
        bool NameAt(int lengthAt, int nameAt) => nameAt + name.Length <= patched.Length
            && BinaryPrimitives.ReadUInt16LittleEndian(patched.AsSpan(lengthAt)) == name.Length && patched.AsSpan(nameAt, name.Length).SequenceEqual(name);
        var span = patched.AsSpan();
        var found = 0;
        for (var i = 0; i + 46 <= span.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(span[i..]);
            if (signature == 0x04034b50 && NameAt(i + 26, i + 30)) BinaryPrimitives.WriteUInt32LittleEndian(span[(i + 22)..], declared);
            else if (signature == 0x02014b50 && NameAt(i + 28, i + 46)) BinaryPrimitives.WriteUInt32LittleEndian(span[(i + 24)..], declared);
            else continue;
            found++;
        }
        if (found != 2) throw new InvalidOperationException($"{entry}: found {found} headers, not 2");
        return patched;
    }
}
