using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Features.Materials.Files;
using Yhdessa.Platform.Data;
using Yhdessa.Tests.Account;
using Yhdessa.Tests.Materials;

namespace Yhdessa.Tests.Events;

[Collection("Events with a small file limit on SQLite")]
public sealed class EventMaterialsOnSqlite(MaterialAppOnSqlite app) : EventMaterialsTests(app);
[Collection("Events with a small file limit on PostgreSQL")]
public sealed class EventMaterialsOnPostgres(MaterialAppOnPostgres app) : EventMaterialsTests(app);

/// <summary>An event's materials come from the material bank: its published materials related to the event show on
/// the event page with their files, and a coordinator publishes a file into the bank straight from the event.</summary>
public abstract class EventMaterialsTests(YhdessaApp app)
{
    private async Task<Event> EventAsync(EventVisibility visibility = EventVisibility.Public)
    {
        var ev = EventTestData.NewEvent(EventTestData.Unique("Asumisneuvonnan peruskoulutus"), DateTimeOffset.UtcNow.AddDays(20), visibility);
        await app.AddEventsAsync(ev);
        return ev;
    }

    private static async Task<WebBrowser.Page> UploadAsync(WebBrowser coordinator, Event ev, string title, byte[] content, string fileName) =>
        await WebBrowser.Page.ReadAsync(await PostFileAsync(coordinator, ev, title, content, fileName));

    private static async Task<HttpResponseMessage> PostFileAsync(WebBrowser coordinator, Event ev, string title, byte[] content, string fileName)
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
        return await coordinator.Client.PostAsync($"/events/{ev.Slug}/materials", multipart);
    }

    private Task<List<Material>> MaterialsOfAsync(Event ev) => app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Materials
        .AsNoTracking().Include(m => m.Files).Where(m => m.Events.Any(e => e.EventId == ev.Id)).ToListAsync());

    [Fact]
    public async Task A_file_a_coordinator_publishes_from_the_event_shows_on_the_event_page_and_downloads()
    {
        var ev = await EventAsync();
        var coordinator = await app.CoordinatorAsync();

        var published = await UploadAsync(coordinator, ev, "Esitysdiat: asumisneuvonta", SimplePdf.Create("Diat", "Asumisneuvonnan perusteet."), "diat.pdf");

        Assert.Equal(HttpStatusCode.Redirect, published.Status);
        var material = Assert.Single(await MaterialsOfAsync(ev));
        Assert.Equal((MaterialStatus.Published, MaterialType.TrainingMaterial, "application/pdf"),
            (material.Status, material.Type, Assert.Single(material.Files).ContentType));
        var list = await coordinator.OpenAsync($"/events/{ev.Slug}/materials");
        Assert.Contains("Tiedosto julkaistiin aineistona ”Esitysdiat: asumisneuvonta”.", list.Notice);
        var page = await WebBrowser.Open(app).OpenAsync("/events/" + ev.Slug);
        Assert.NotNull(page.Document.QuerySelector($"a[href='/materials/{material.Slug}']"));
        var fileLink = page.Document.QuerySelector("a[href^='/materials/files/']")!;
        Assert.Equal("diat.pdf", fileLink.TextContent);
        var download = await WebBrowser.Open(app).Client.GetAsync(fileLink.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_related_published_material_shows_on_the_event_page_and_a_draft_does_not()
    {
        var ev = await EventAsync();
        var publishedSlug = await app.AddPublishedAsync("Vertaisarvioinnin opas", "Opas.");
        var draftSlug = await app.AddPublishedAsync("Keskeneräinen luonnos", "Luonnos.");
        await app.WithServicesAsync(async s =>
        {
            var db = s.GetRequiredService<YhdessaDb>();
            var both = await db.Materials.Where(m => m.Slug == publishedSlug || m.Slug == draftSlug).ToListAsync();
            foreach (var material in both) material.Events.Add(new MaterialEventLink { EventId = ev.Id });
            both.Single(m => m.Slug == draftSlug).Status = MaterialStatus.Draft;
            return await db.SaveChangesAsync();
        });

        var page = await WebBrowser.Open(app).OpenAsync("/events/" + ev.Slug);

        Assert.NotNull(page.Document.QuerySelector($"a[href='/materials/{publishedSlug}']"));
        Assert.Contains("Vertaisarvioinnin opas", page.Text);
        Assert.DoesNotContain("Keskeneräinen luonnos", page.Text);
        Assert.Null(page.Document.QuerySelector($"a[href='/materials/{draftSlug}']"));
    }

    [Fact]
    public async Task A_file_that_is_not_a_document_or_has_no_title_is_refused_with_a_message_and_nothing_is_published()
    {
        var ev = await EventAsync();
        var coordinator = await app.CoordinatorAsync();

        var script = await UploadAsync(coordinator, ev, "Diat", "<script>alert(1)</script>"u8.ToArray(), "diat.pdf");
        var untitled = await UploadAsync(coordinator, ev, "  ", SimplePdf.Create("Diat", "Teksti."), "diat.pdf");
        var empty = await UploadAsync(coordinator, ev, "Tyhjä", [], "tyhja.pdf");

        Assert.Contains("Tiedostoa ei lisätty, koska sen sisältö ei ole PDF-, Office-, ODT-, kuva- eikä äänitiedosto", script.ErrorSummary);
        Assert.NotNull(script.Document.QuerySelector(".error-summary a[href='#upload']"));
        Assert.Contains("Aineiston nimi", untitled.ErrorSummary);
        Assert.NotNull(untitled.Document.QuerySelector(".error-summary a[href='#Input_Title']"));
        Assert.Contains("Valitse lisättävä tiedosto.", empty.ErrorSummary);
        Assert.Empty(await MaterialsOfAsync(ev));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_turned_back_with_the_limit_in_the_message()
    {
        var ev = await EventAsync();
        var coordinator = await app.CoordinatorAsync();

        var tooLarge = await PostFileAsync(coordinator, ev, "Iso tiedosto", new byte[MaterialTestData.MaxFileBytes + 2 * UploadLimitAttribute.FormOverhead], "iso.pdf");

        Assert.Equal(HttpStatusCode.Redirect, tooLarge.StatusCode);
        var form = await coordinator.OpenAsync(tooLarge.Headers.Location!.OriginalString);

        Assert.Contains("Tiedosto on liian suuri.", form.ErrorSummary);
        Assert.Empty(await MaterialsOfAsync(ev));
    }

    [Fact]
    public async Task A_members_event_offers_no_upload_as_bank_materials_are_public()
    {
        var ev = await EventAsync(EventVisibility.Members);
        var coordinator = await app.CoordinatorAsync();

        var page = await coordinator.OpenAsync($"/events/{ev.Slug}/materials");

        Assert.Contains("vain julkisille tapahtumille", page.Text);
        Assert.Null(page.Document.QuerySelector("input[type=file]"));
        Assert.Empty(await MaterialsOfAsync(ev));
    }
}
