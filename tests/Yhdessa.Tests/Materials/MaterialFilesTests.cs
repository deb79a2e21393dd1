using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Logging.Abstractions;
using Yhdessa.Features.Materials.Files;

namespace Yhdessa.Tests.Materials;

/// <summary>Files are known by their content; their text reaches the search; their names are safe to show and send.</summary>
public sealed class MaterialFilesTests
{
    private static MemoryStream Docx(string text)
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document, true))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new Run(new Text(text)))));
        }
        stream.Position = 0;
        return stream;
    }

    private static MemoryStream Odt(string text)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("mimetype").Open())) writer.Write("application/vnd.oasis.opendocument.text");
            using (var writer = new StreamWriter(zip.CreateEntry("content.xml").Open()))
                writer.Write($"<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text><text:p>{text}</text:p></office:text></office:body></office:document-content>");
        }
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public void Office_and_ODT_files_are_recognised_and_their_text_taken()
    {
        using var docx = Docx("Asumisneuvonnan vuosiraportti");
        Assert.Same(MaterialFiles.Docx, MaterialFiles.Recognise(docx));
        Assert.Contains("Asumisneuvonnan vuosiraportti", MaterialFiles.ExtractText(docx, MaterialFiles.Docx, 1000, NullLogger.Instance));

        using var odt = Odt("Kokemusasiantuntijoiden koulutus");
        Assert.Same(MaterialFiles.Odt, MaterialFiles.Recognise(odt));
        Assert.Contains("Kokemusasiantuntijoiden koulutus", MaterialFiles.ExtractText(odt, MaterialFiles.Odt, 1000, NullLogger.Instance));
    }

    [Theory]
    [InlineData(ArchiveFormat.Docx)]
    [InlineData(ArchiveFormat.Pptx)]
    [InlineData(ArchiveFormat.Xlsx)]
    [InlineData(ArchiveFormat.Odt)]
    public void Every_accepted_document_format_is_recognised_and_its_text_taken(ArchiveFormat format)
    {
        using var file = new MemoryStream(ArchiveFiles.Document(format, "Asumisneuvonnan <vuosiraportti> & liitteet"));
        var kind = MaterialFiles.Recognise(file);

        Assert.Equal("." + format.ToString().ToLowerInvariant(), kind?.Extension);
        Assert.Equal("Asumisneuvonnan <vuosiraportti> & liitteet", MaterialFiles.ExtractText(file, kind!, 1000, NullLogger.Instance).Trim());
    }

    [Theory]
    [InlineData(ArchiveFormat.Ods)]
    [InlineData(ArchiveFormat.Odp)]
    public void OpenDocument_spreadsheets_and_presentations_are_not_taken(ArchiveFormat format) =>
        Assert.Null(MaterialFiles.Recognise(new MemoryStream(ArchiveFiles.Document(format, "Taulukko"))));

    [Theory]
    [InlineData(ArchiveFormat.Docx)]
    [InlineData(ArchiveFormat.Pptx)]
    [InlineData(ArchiveFormat.Xlsx)]
    [InlineData(ArchiveFormat.Odt)]
    public void Text_is_read_as_a_stream_up_to_its_limit_whatever_the_size_of_the_part(ArchiveFormat format)
    {
        // 100 MB of text in one part (the upload checks refuse such a file before this; the reading is bounded all the same).
        using var file = new MemoryStream(ArchiveFiles.Document(format, "Asumisneuvonta", paddingMegabytes: 100));

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var text = MaterialFiles.ExtractText(file, MaterialFiles.Recognise(file)!, 400_000, NullLogger.Instance);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.StartsWith("Asumisneuvonta", text);
        Assert.Equal(400_000, text.Length);
        // The text itself is 0.8 MB as a string (twice, with its builder); a part read whole would be over 200 MB.
        Assert.True(allocated < 16 * 1024 * 1024, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public void A_PDFs_text_is_taken()
    {
        using var pdf = new MemoryStream(SimplePdf.Create("Otsikko", "Häätöjen ehkäisy ja vuokravelat."));
        Assert.Same(MaterialFiles.Pdf, MaterialFiles.Recognise(pdf));
        Assert.Contains("Häätöjen ehkäisy", MaterialFiles.ExtractText(pdf, MaterialFiles.Pdf, 1000, NullLogger.Instance));
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 }, "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 0, 0 }, "image/jpeg")]
    [InlineData(new byte[] { (byte)'I', (byte)'D', (byte)'3', 4, 0, 0, 0, 0 }, "audio/mpeg")]
    [InlineData(new byte[] { 0, 0, 0, 0x20, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'M', (byte)'4', (byte)'A', (byte)' ' }, "audio/mp4")]
    public void Images_and_audio_are_recognised_by_their_first_bytes(byte[] head, string contentType)
    {
        using var stream = new MemoryStream([.. head, .. new byte[64]]);
        Assert.Equal(contentType, MaterialFiles.Recognise(stream)?.ContentType);
    }

    [Theory]
    [InlineData(new byte[] { (byte)'M', (byte)'Z', 0x90, 0 })]
    [InlineData(new byte[] { (byte)'<', (byte)'h', (byte)'t', (byte)'m', (byte)'l', (byte)'>' })]
    [InlineData(new byte[] { (byte)'P', (byte)'K', 3, 4, 1, 2, 3 })]
    public void Other_content_is_not_accepted_whatever_its_name(byte[] head)
    {
        using var stream = new MemoryStream([.. head, .. new byte[64]]);
        Assert.Null(MaterialFiles.Recognise(stream));
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd.pdf")]
    [InlineData("..\\..\\Windows\\win.ini", "win.pdf")]
    [InlineData("raportti\u0000<script>.exe", "raportti_script.pdf")]
    [InlineData("Asunnottomuus 2024 (luonnos).PDF", "Asunnottomuus 2024 (luonnos).pdf")]
    [InlineData("....", "file.pdf")]
    public void Uploaded_names_are_made_safe(string uploaded, string expected) =>
        Assert.Equal(expected, MaterialFiles.SafeName(uploaded, MaterialFiles.Pdf));

    [Fact]
    public void The_download_name_follows_RFC_6266() =>
        Assert.Equal("attachment; filename=\"Haatot.docx\"; filename*=UTF-8''H%C3%A4%C3%A4t%C3%B6t.docx",
            MaterialFiles.ContentDisposition("Häätöt.docx", inline: false));
}
