using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Tests.Account;
using Yhdessa.Tests.Events;

namespace Yhdessa.Tests.Materials;

[Collection("Materials on SQLite")]
public sealed class MaterialArchiveOnSqlite(SqliteApp app) : MaterialArchiveTests(app);
[Collection("Materials on PostgreSQL")]
public sealed class MaterialArchiveOnPostgres(PostgresApp app) : MaterialArchiveTests(app);

/// <summary>
/// An Office or OpenDocument file that would unpack to far more than it weighs (a part of hundreds of megabytes of
/// one repeated character, a part whose declared size is not its real one, thousands of parts) is refused through
/// the real upload forms with a message in the reader's language, and nothing of it is stored, in the database, on
/// disk or in the search. Ordinary documents of every format are taken and their text is found by the search.
/// </summary>
public abstract class MaterialArchiveTests(YhdessaApp app)
{
    private string StoredFiles => app.StoredFiles;

    /// <summary>Each bomb is built once for both engines: a few hundred kB, hundreds of MB unpacked.</summary>
    private static readonly Lazy<Dictionary<ArchiveFormat, byte[]>> Bombs = new(() => Enum.GetValues<ArchiveFormat>()
        .ToDictionary(format => format, format => ArchiveFiles.Document(format, "Pommiteksti", paddingMegabytes: format == ArchiveFormat.Docx ? 200 : 100)));

    private static readonly Lazy<byte[]> LyingDocx = new(() => ArchiveFiles.WithDeclaredSize(
        ArchiveFiles.Document(ArchiveFormat.Docx, "Pommiteksti", paddingMegabytes: 50), "word/document.xml", 4096));

    private static readonly Lazy<byte[]> ManyPartsDocx = new(() => ArchiveFiles.Document(ArchiveFormat.Docx, "Pommiteksti", extraEntries: 20_000));

    private async Task<string> DraftAsync(WebBrowser member)
    {
        var title = EventTestData.Unique("Liitteen testi");
        var created = await member.SubmitAsync("/materials/new", new()
        {
            ["Input.Type"] = "ModelOrGuide", ["Input.Language"] = "fi", ["Input.Title"] = title, ["Input.Summary"] = "Tiivistelmä.",
            ["Input.Body"] = "Teksti.", ["Input.PublicationDate"] = "2025-02-03", ["Input.Licence"] = "CC BY 4.0",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        return await app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Materials.Where(m => m.Title == title).Select(m => m.Slug).SingleAsync());
    }

    private Task<int> FilesOfAsync(string slug) => app.WithServicesAsync(s =>
    {
        var db = s.GetRequiredService<YhdessaDb>();
        return db.MaterialFiles.CountAsync(f => f.MaterialId == db.Materials.Single(m => m.Slug == slug).Id);
    });

    private string[] Stored() => Directory.Exists(StoredFiles) ? Directory.GetFiles(StoredFiles) : [];

    private static string Extension(ArchiveFormat format) => "." + format.ToString().ToLowerInvariant();

    [Theory]
    [InlineData(ArchiveFormat.Docx)]
    [InlineData(ArchiveFormat.Pptx)]
    [InlineData(ArchiveFormat.Xlsx)]
    [InlineData(ArchiveFormat.Odt)]
    [InlineData(ArchiveFormat.Ods)]
    [InlineData(ArchiveFormat.Odp)]
    public async Task A_file_that_unpacks_to_hundreds_of_megabytes_is_refused_with_a_message_and_nothing_is_stored(ArchiveFormat format)
    {
        var member = await app.SignedInAsync("member");
        var slug = await DraftAsync(member);
        var stored = Stored();

        var page = await member.UploadFileAsync(slug, Bombs.Value[format], "raportti" + Extension(format));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Tiedostoa ei lisätty: Office- ja ODT-tiedostot ovat pakattuja", page.ErrorSummary);
        Assert.Contains("512,0 MB", page.ErrorSummary);
        Assert.NotNull(page.Document.QuerySelector(".error-summary a[href='#upload']"));
        Assert.Equal(0, await FilesOfAsync(slug));
        Assert.Equal(stored, Stored());
    }

    /// <summary>The page's error summary with the number formats' spaces (no-break in Finnish and Swedish) as plain ones.</summary>
    private static string Errors(WebBrowser.Page page) => (page.ErrorSummary ?? "").Replace('\u00a0', ' ').Replace('\u202f', ' ');

    [Theory]
    [InlineData("fi", "Tiedosto on vioittunut", "Tiedoston sisällä on yli 10 000 osaa", "Tiedostoa ei lisätty")]
    [InlineData("sv", "Filen är skadad", "Filen innehåller fler än 10 000 delar", "Filen lades inte till")]
    [InlineData("en", "The file is damaged", "The file has more than 10,000 parts", "The file was not added")]
    public async Task A_part_whose_size_is_not_what_it_declares_or_thousands_of_parts_are_refused_in_the_readers_language(
        string language, string damaged, string tooManyParts, string unpacksTooLarge)
    {
        var member = await app.SignedInAsync("member");
        var slug = await DraftAsync(member);
        Assert.Equal(HttpStatusCode.Redirect, (await member.Client.GetAsync($"/language?to={language}&returnUrl=%2F")).StatusCode);
        var stored = Stored();

        var lying = await member.UploadFileAsync(slug, LyingDocx.Value, "raportti.docx");
        var many = await member.UploadFileAsync(slug, ManyPartsDocx.Value, "raportti.docx");
        var bomb = await member.UploadFileAsync(slug, Bombs.Value[ArchiveFormat.Docx], "raportti.docx");

        Assert.Contains(damaged, Errors(lying));
        Assert.Contains(tooManyParts, Errors(many));
        Assert.Contains(unpacksTooLarge, Errors(bomb));
        Assert.Contains(language == "en" ? "512.0 MB" : "512,0 MB", Errors(bomb));
        Assert.Equal(0, await FilesOfAsync(slug));
        Assert.Equal(stored, Stored());
    }

    private async Task<Event> EventAsync()
    {
        var ev = EventTestData.NewEvent(EventTestData.Unique("Asumisneuvonnan peruskoulutus"), DateTimeOffset.UtcNow.AddDays(20), EventVisibility.Public);
        await app.AddEventsAsync(ev);
        return ev;
    }

    private static async Task<WebBrowser.Page> PublishFromEventAsync(WebBrowser coordinator, Event ev, string title, byte[] content, string fileName)
    {
        var form = await coordinator.GetAsync($"/events/{ev.Slug}/materials");
        var token = ((IHtmlInputElement)form.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!).Value;
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var multipart = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(title), "Input.Title" },
            { new StringContent("fi"), "Input.Language" }, { file, "upload", fileName },
        };
        return await WebBrowser.Page.ReadAsync(await coordinator.Client.PostAsync($"/events/{ev.Slug}/materials", multipart));
    }

    private Task<List<Material>> MaterialsOfAsync(Event ev) => app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Materials
        .AsNoTracking().Include(m => m.Files).Where(m => m.Events.Any(e => e.EventId == ev.Id)).ToListAsync());

    [Fact]
    public async Task A_bomb_published_from_an_event_is_refused_and_no_material_is_made_or_indexed()
    {
        var ev = await EventAsync();
        var coordinator = await app.CoordinatorAsync();
        var stored = Stored();

        var page = await PublishFromEventAsync(coordinator, ev, "Pommin diat", Bombs.Value[ArchiveFormat.Pptx], "diat.pptx");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Tiedostoa ei lisätty: Office- ja ODT-tiedostot ovat pakattuja", page.ErrorSummary);
        Assert.Empty(await MaterialsOfAsync(ev));
        Assert.Equal(stored, Stored());
        Assert.Equal(0, (await app.SearchAsync("Pommiteksti")).Total);
        Assert.Equal(0, (await app.SearchAsync("Pommin diat")).Total);
    }

    private static byte[] WordDocument(string text)
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document, true))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new Run(new Text("Johdanto"))), new Paragraph(new Run(new Text(text)))));
        }
        return stream.ToArray();
    }

    private static byte[] Workbook(string text)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Taulukko");
        sheet.Cell(1, 1).Value = "Otsikko";
        sheet.Cell(2, 1).Value = text;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    [Fact]
    public async Task Ordinary_documents_of_every_format_are_published_and_found_by_their_text()
    {
        var ev = await EventAsync();
        var coordinator = await app.CoordinatorAsync();
        (string Word, byte[] File, string Name)[] documents =
        [
            ("häätöuhka", WordDocument("Häätöuhka ja vuokravelka."), "opas.docx"),
            ("kotikäynti", ArchiveFiles.Document(ArchiveFormat.Pptx, "Kotikäynti ja asumisohjaus."), "diat.pptx"),
            ("vertaistuki", Workbook("Vertaistuki ja ryhmät."), "taulukko.xlsx"),
            ("naapurisovittelu", ArchiveFiles.Document(ArchiveFormat.Odt, "Naapurisovittelu ja pihapiiri."), "muistio.odt"),
        ];

        foreach (var (word, file, name) in documents)
        {
            var published = await PublishFromEventAsync(coordinator, ev, "Koulutuksen aineisto " + name, file, name);
            Assert.True(published.Status == HttpStatusCode.Redirect, $"{name}: {published.ErrorSummary}");
        }

        var materials = await MaterialsOfAsync(ev);
        Assert.Equal(documents.Select(d => d.Name).Order(), materials.Select(m => Assert.Single(m.Files).FileName).Order());
        foreach (var (word, _, name) in documents)
        {
            var slug = materials.Single(m => m.Files[0].FileName == name).Slug;
            Assert.Contains(slug, (await app.SearchAsync(word)).Items.Select(hit => hit.Slug));
        }
    }
}
