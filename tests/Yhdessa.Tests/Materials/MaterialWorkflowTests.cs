using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Xml;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Features.Materials.Files;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Tests.Account;
using Yhdessa.Tests.Events;

namespace Yhdessa.Tests.Materials;

[Collection("Materials with a small file limit on SQLite")]
public sealed class MaterialWorkflowOnSqlite(MaterialAppOnSqlite app) : MaterialWorkflowTests(app);
[Collection("Materials with a small file limit on PostgreSQL")]
public sealed class MaterialWorkflowOnPostgres(MaterialAppOnPostgres app) : MaterialWorkflowTests(app);

/// <summary>A member proposes a material with a file, a coordinator publishes and revises it, a visitor finds it;
/// bad input and bad files get a clear message and change nothing.</summary>
public abstract class MaterialWorkflowTests(YhdessaApp app)
{
    private static Dictionary<string, string> Fields(string title, string body = "Teksti.", string summary = "Tiivistelmä aineistosta.") => new()
    {
        ["Input.Type"] = "ModelOrGuide", ["Input.Language"] = "fi", ["Input.Title"] = title, ["Input.Summary"] = summary,
        ["Input.Body"] = body, ["Input.PublicationDate"] = "2025-02-03", ["Input.Licence"] = "CC BY 4.0",
        ["Input.Tags"] = "asumisohjaus, kotikäynti", ["Input.People"] = "Liisa Mäkinen",
        ["Input.Links[0].Title"] = "Lisätietoa", ["Input.Links[0].Url"] = "https://example.org/lisaa",
    };

    private async Task<string> CreateAsync(WebBrowser person, string title, string body = "Teksti.")
    {
        var created = await person.SubmitAsync("/materials/new", Fields(title, body));
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        return await app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Materials.Where(m => m.Title == title).Select(m => m.Slug).SingleAsync());
    }

    private static byte[] Pdf(string text) => SimplePdf.Create("Liite", text);

    [Fact]
    public async Task A_member_proposes_with_a_PDF_a_coordinator_publishes_and_a_visitor_finds_it_by_an_inflected_word()
    {
        var member = await app.SignedInAsync("member");
        var coordinator = await app.CoordinatorAsync();
        var visitor = WebBrowser.Open(app);
        var title = EventTestData.Unique("Kotikäyntien opas");
        var slug = await CreateAsync(member, title, "Oppaan *johdanto*.");

        var upload = await member.UploadFileAsync(slug, Pdf("Liitteessä kerrotaan pihapiirityöskentelystä ja naapurisovittelusta."), "opas.pdf");
        Assert.Equal(HttpStatusCode.Redirect, upload.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.OpenAsync("/materials/" + slug)).Status);

        var proposed = await member.PostAsync($"/materials/{slug}?handler=Propose",
            [new("__RequestVerificationToken", await TokenAsync(member, "/materials/" + slug))]);
        Assert.Equal(HttpStatusCode.Redirect, proposed.Status);
        // A member may not publish her own proposal.
        Assert.Null((await member.GetAsync("/materials/" + slug)).QuerySelector("button[formaction*=Publish]"));
        Assert.Contains(title, (await coordinator.OpenAsync("/materials/drafts")).Text);
        // Not searchable before it is published: the file's text is not found.
        Assert.DoesNotContain(slug, (await app.SearchAsync("naapurisovittelu")).Items.Select(h => h.Slug));

        var published = await coordinator.PostAsync($"/materials/{slug}?handler=Publish",
            [new("__RequestVerificationToken", await TokenAsync(coordinator, "/materials/" + slug))]);
        Assert.Equal(HttpStatusCode.Redirect, published.Status);

        // The PDF's text, searched by other forms of its words.
        var hits = await app.SearchAsync("naapurisovittelun pihapiirityöskentely");
        Assert.Contains(slug, hits.Items.Select(h => h.Slug));
        var page = await visitor.OpenAsync("/materials/" + slug);
        Assert.Equal(title, page.H1);
        Assert.Contains("<em>johdanto</em>", page.Html);
        Assert.Contains("Liisa Mäkinen", page.Text);
        Assert.NotNull(page.Document.QuerySelector("a[href='https://example.org/lisaa']"));
        var fileLink = page.Document.QuerySelector("a[href^='/materials/files/']")!.GetAttribute("href")!;

        var download = await visitor.Client.GetAsync(fileLink);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline; filename=\"opas.pdf\"; filename*=UTF-8''opas.pdf", download.Content.Headers.GetValues("Content-Disposition").Single());
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await download.Content.ReadAsByteArrayAsync())[..5]);

        var audit = await app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Set<AuditEntry>()
            .Where(a => a.Subject.Contains(slug) || a.Details == slug).Select(a => a.Action).ToListAsync());
        Assert.Contains("material.created", audit);
        Assert.Contains("material.file-added", audit);
        Assert.Contains("material.published", audit);
    }

    private static async Task<string> TokenAsync(WebBrowser person, string page) =>
        ((IHtmlInputElement)(await person.GetAsync(page)).QuerySelector("input[name=__RequestVerificationToken]")!).Value;

    [Fact]
    public async Task A_coordinator_revises_a_published_material_and_the_earlier_version_stays_visible()
    {
        var coordinator = await app.CoordinatorAsync();
        var title = EventTestData.Unique("Laatusuositus");
        var slug = await CreateAsync(coordinator, title, "Ensimmäinen teksti.");
        await coordinator.PostAsync($"/materials/{slug}?handler=Publish", [new("__RequestVerificationToken", await TokenAsync(coordinator, "/materials/" + slug))]);

        var fields = Fields(title + " (päivitetty)", "Toinen teksti vertaisarvioinnista.");
        var saved = await coordinator.SubmitAsync($"/materials/{slug}/edit", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        var visitor = WebBrowser.Open(app);
        var page = await visitor.OpenAsync("/materials/" + slug);
        Assert.Contains("Toinen teksti", page.Text);
        var versionLink = page.Document.QuerySelector($"a[href='/materials/{slug}/versions/1']");
        Assert.NotNull(versionLink);
        var old = await visitor.OpenAsync($"/materials/{slug}/versions/1");
        Assert.Contains("Ensimmäinen teksti", old.Text);
        Assert.Contains(title, old.H1);
        // The search sees the new text, not the old.
        Assert.Contains(slug, (await app.SearchAsync("vertaisarvioinnin")).Items.Select(h => h.Slug));
    }

    [Fact]
    public async Task A_file_replaced_on_a_published_material_stays_with_the_earlier_version_until_a_coordinator_deletes_it()
    {
        var coordinator = await app.CoordinatorAsync();
        var visitor = WebBrowser.Open(app);
        var word = "painosmerkki" + Guid.NewGuid().ToString("N")[..6];
        var slug = await CreateAsync(coordinator, EventTestData.Unique("Laatukäsikirja"));
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.UploadFileAsync(slug, Pdf($"Vanha {word}ista kertova painos."), "painos-2023.pdf")).Status);
        await coordinator.PostAsync($"/materials/{slug}?handler=Publish", [new("__RequestVerificationToken", await TokenAsync(coordinator, "/materials/" + slug))]);
        var oldLink = (await visitor.OpenAsync("/materials/" + slug)).Document.QuerySelector("a[href*='painos-2023.pdf']")!.GetAttribute("href")!;

        // The new edition replaces the old one on the material's page and in the search.
        var removed = await coordinator.SubmitAsync($"/materials/{slug}/files", new(), "form[action*=Remove]");
        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        await coordinator.UploadFileAsync(slug, Pdf("Uusi painos."), "painos-2024.pdf");
        var files = await coordinator.OpenAsync($"/materials/{slug}/files");
        var tables = files.Document.QuerySelectorAll("table").Select(t => t.TextContent).ToList();
        Assert.Equal(2, tables.Count);
        Assert.Contains("painos-2024.pdf", tables[0]);
        Assert.DoesNotContain("painos-2023.pdf", tables[0]);
        Assert.Contains("Aiempien versioiden tiedostot", tables[1]);
        Assert.Contains("painos-2023.pdf", tables[1]);
        var page = await visitor.OpenAsync("/materials/" + slug);
        Assert.NotNull(page.Document.QuerySelector("a[href*='painos-2024.pdf']"));
        Assert.Null(page.Document.QuerySelector("a[href*='painos-2023.pdf']"));
        Assert.DoesNotContain(slug, (await app.SearchAsync(word)).Items.Select(h => h.Slug));

        // The earlier version still offers the edition it had, and only that one.
        Assert.NotNull(page.Document.QuerySelector($"a[href='/materials/{slug}/versions/1']"));
        var earlier = await visitor.OpenAsync($"/materials/{slug}/versions/1");
        Assert.Equal(oldLink, earlier.Document.QuerySelector("main a[href^='/materials/files/']")!.GetAttribute("href"));
        Assert.Null(earlier.Document.QuerySelector("a[href*='painos-2024.pdf']"));
        Assert.Equal(HttpStatusCode.OK, (await visitor.Client.GetAsync(oldLink)).StatusCode);

        // A file published by mistake can be deleted for good: no version offers it any more.
        var deleted = await coordinator.SubmitAsync($"/materials/{slug}/files", new(), "form[action*=Delete]");
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Client.GetAsync(oldLink)).StatusCode);
        Assert.Null((await visitor.OpenAsync($"/materials/{slug}/versions/1")).Document.QuerySelector("main a[href^='/materials/files/']"));
        Assert.NotNull((await visitor.OpenAsync("/materials/" + slug)).Document.QuerySelector("a[href*='painos-2024.pdf']"));
    }

    [Fact]
    public async Task A_file_removed_from_a_draft_that_was_never_public_is_gone()
    {
        var member = await app.SignedInAsync("member");
        var slug = await CreateAsync(member, EventTestData.Unique("Luonnoksen liite"));
        await member.UploadFileAsync(slug, Pdf("Väärä liite."), "vaara.pdf");
        var link = (await member.OpenAsync("/materials/" + slug)).Document.QuerySelector("a[href*='vaara.pdf']")!.GetAttribute("href")!;

        var removed = await member.SubmitAsync($"/materials/{slug}/files", new(), "form[action*=Remove]");

        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync(link)).StatusCode);
        Assert.DoesNotContain("Aiempien versioiden tiedostot", (await member.OpenAsync($"/materials/{slug}/files")).Text);
    }

    [Fact]
    public async Task A_member_deletes_her_own_draft_after_confirming_and_its_file_goes_with_it()
    {
        var member = await app.SignedInAsync("member");
        var other = await app.SignedInAsync("other");
        var title = EventTestData.Unique("Vahingossa aloitettu");
        var slug = await CreateAsync(member, title);
        await member.UploadFileAsync(slug, Pdf("Liite."), "liite.pdf");
        var fileLink = (await member.OpenAsync("/materials/" + slug)).Document.QuerySelector("a[href*='liite.pdf']")!.GetAttribute("href")!;
        Task<bool> ExistsAsync() => app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Materials.AnyAsync(m => m.Slug == slug));

        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/materials/{slug}?handler=Delete",
            [new("__RequestVerificationToken", await TokenAsync(other, "/materials")), new("confirmed", "true")])).Status);
        // The first press only asks.
        var asked = await member.SubmitAsync("/materials/" + slug, new(), "form[action*=Delete]");
        Assert.Equal(HttpStatusCode.OK, asked.Status);
        Assert.Contains($"Poistetaanko luonnos ”{title}”?", asked.Text);
        Assert.True(await ExistsAsync());

        var deleted = await member.PostAsync($"/materials/{slug}?handler=Delete",
            [new("__RequestVerificationToken", await TokenAsync(member, "/materials/" + slug)), new("confirmed", "true")]);

        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.Contains($"Luonnos ”{title}” poistettiin.", (await member.OpenAsync("/materials/drafts")).Text);
        Assert.False(await ExistsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync(fileLink)).StatusCode);
    }

    [Fact]
    public async Task A_person_who_deletes_her_account_takes_her_drafts_with_her_and_leaves_what_was_published()
    {
        const string password = "lähtijän oma salasana 2026";
        var email = $"lahtija-{Guid.NewGuid():N}@example.fi";
        await app.CreateUserAsync(email, password, Yhdessa.Platform.Identity.Roles.Member);
        var leaving = await app.SignInAsync(email, password, followRedirects: false);
        var draftTitle = EventTestData.Unique("Kesken jäänyt");
        var draft = await CreateAsync(leaving, draftTitle);
        await leaving.UploadFileAsync(draft, Pdf("Keskeneräinen."), "kesken.pdf");
        var publishedTitle = EventTestData.Unique("Valmis opas");
        var published = await CreateAsync(leaving, publishedTitle);
        var coordinator = await app.CoordinatorAsync();
        await coordinator.PostAsync($"/materials/{published}?handler=Publish", [new("__RequestVerificationToken", await TokenAsync(coordinator, "/materials/" + published))]);

        // Her data lists what she created.
        var data = await leaving.Client.GetStringAsync("/account/my-data");
        Assert.Contains(draftTitle, data);
        Assert.Contains(publishedTitle, data);
        Assert.Contains("kesken.pdf", data);

        var stored = await app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().MaterialFiles
            .Where(f => s.GetRequiredService<YhdessaDb>().Materials.Any(m => m.Slug == draft && m.Id == f.MaterialId)).Select(f => f.StoredName).SingleAsync());

        var deleted = await leaving.SubmitAsync("/account/delete", new() { ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);

        Assert.False(await app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Materials.AnyAsync(m => m.Slug == draft)));
        Assert.Null(await app.WithServicesAsync(s => Task.FromResult(s.GetRequiredService<IFileStore>().OpenRead(stored))));
        Assert.Null(await app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Materials.Where(m => m.Slug == published).Select(m => m.CreatedById).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await WebBrowser.Open(app).OpenAsync("/materials/" + published)).Status);
    }

    [Fact]
    public async Task A_published_material_cannot_be_deleted_only_withdrawn()
    {
        var coordinator = await app.CoordinatorAsync();
        var slug = await app.AddPublishedAsync(EventTestData.Unique("Julkaistu"), "Teksti.");
        Assert.Null((await coordinator.OpenAsync("/materials/" + slug)).Document.QuerySelector("form[action*=Delete]"));

        var refused = await coordinator.PostAsync($"/materials/{slug}?handler=Delete",
            [new("__RequestVerificationToken", await TokenAsync(coordinator, "/materials/" + slug)), new("confirmed", "true")]);

        Assert.Equal(HttpStatusCode.Redirect, refused.Status);
        Assert.Equal(HttpStatusCode.OK, (await WebBrowser.Open(app).OpenAsync("/materials/" + slug)).Status);
    }

    [Fact]
    public async Task Language_versions_are_linked_both_ways_and_unlinked_by_emptying_the_field()
    {
        var coordinator = await app.CoordinatorAsync();
        var finnishTitle = EventTestData.Unique("Asumisen tuki");
        var finnish = await CreateAsync(coordinator, finnishTitle);
        var swedishTitle = EventTestData.Unique("Boendestöd");
        var fields = Fields(swedishTitle);
        fields["Input.Language"] = "sv";
        fields["Input.TranslationOf"] = "/materials/" + finnish;
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitAsync("/materials/new", fields)).Status);
        var swedish = await app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Materials.Where(m => m.Title == swedishTitle).Select(m => m.Slug).SingleAsync());

        Assert.NotNull((await coordinator.OpenAsync("/materials/" + finnish)).Document.QuerySelector($"a[href='/materials/{swedish}'][hreflang=sv]"));
        Assert.NotNull((await coordinator.OpenAsync("/materials/" + swedish)).Document.QuerySelector($"a[href='/materials/{finnish}'][hreflang=fi]"));
        Assert.Equal(finnish, ((IHtmlInputElement)(await coordinator.GetAsync($"/materials/{swedish}/edit")).QuerySelector("#Input_TranslationOf")!).Value);

        fields["Input.TranslationOf"] = "";
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitAsync($"/materials/{swedish}/edit", fields)).Status);

        Assert.Null((await coordinator.OpenAsync("/materials/" + finnish)).Document.QuerySelector($"a[href='/materials/{swedish}']"));
        Assert.DoesNotContain("Muilla kielillä", (await coordinator.OpenAsync("/materials/" + swedish)).Text);
    }

    [Fact]
    public async Task A_member_cannot_see_or_edit_another_members_draft()
    {
        var author = await app.SignedInAsync("author");
        var other = await app.SignedInAsync("other");
        var slug = await CreateAsync(author, EventTestData.Unique("Oma luonnos"));

        Assert.Equal(HttpStatusCode.NotFound, (await other.OpenAsync("/materials/" + slug)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.OpenAsync($"/materials/{slug}/edit")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.OpenAsync($"/materials/{slug}/files")).Status);
    }

    [Fact]
    public async Task A_form_with_bad_input_says_what_is_wrong_and_saves_nothing()
    {
        var member = await app.SignedInAsync("member");
        var title = EventTestData.Unique("Virheellinen");
        var fields = Fields(title);
        fields["Input.Summary"] = "";
        fields["Input.Type"] = "Nonsense";
        fields["Input.Language"] = "de";
        fields["Input.Links[0].Url"] = "javascript:alert(1)";
        fields["Input.TranslationOf"] = "ei-ole-olemassa";

        var page = await member.SubmitAsync("/materials/new", fields);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var summary = page.ErrorSummary!;
        Assert.Contains("Täytä kenttä ”Tiivistelmä”.", summary);
        Assert.Contains("Valitse kieli", summary);
        Assert.Contains("https://", summary);
        Assert.Contains("Aineistoa ei löytynyt", summary);
        Assert.NotNull(page.Document.QuerySelector(".error-summary a[href='#Input_Summary']"));
        Assert.Equal(title, ((IHtmlInputElement)page.Document.QuerySelector("#Input_Title")!).Value);
        Assert.False(await app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Materials.AnyAsync(m => m.Title == title)));
    }

    [Fact]
    public async Task Script_in_the_body_is_shown_as_text_never_run()
    {
        var coordinator = await app.CoordinatorAsync();
        var slug = await CreateAsync(coordinator, EventTestData.Unique("Skripti"), "Hei <script>alert('x')</script> [linkki](javascript:alert(1)) <img src=x onerror=alert(1)>");

        var page = await coordinator.OpenAsync("/materials/" + slug);

        Assert.DoesNotContain("<script>alert", page.Html);
        Assert.DoesNotContain("<img", page.Html);
        Assert.Contains("&lt;script&gt;", page.Html);
        Assert.DoesNotContain("href=\"javascript:", page.Html);
    }

    [Fact]
    public async Task An_exe_renamed_pdf_is_refused_by_its_content()
    {
        var member = await app.SignedInAsync("member");
        var slug = await CreateAsync(member, EventTestData.Unique("Ohjelma"));
        byte[] exe = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0, .. new byte[200]];

        var page = await member.UploadFileAsync(slug, exe, "raportti.pdf");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Tyyppi päätellään sisällöstä, ei tiedoston nimestä", page.ErrorSummary);
        Assert.NotNull(page.Document.QuerySelector(".error-summary a[href='#upload']"));
        Assert.Equal(0, await app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().MaterialFiles.CountAsync(f => f.FileName == "raportti.pdf")));
    }

    [Fact]
    public async Task A_path_in_the_file_name_is_dropped_and_the_real_type_decides_the_extension()
    {
        var member = await app.SignedInAsync("member");
        var slug = await CreateAsync(member, EventTestData.Unique("Polku"));

        var response = await member.UploadFileAsync(slug, Pdf("Teksti"), "../../etc/passwd.exe");

        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        var file = await app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().MaterialFiles
            .Where(f => f.MaterialId == s.GetRequiredService<YhdessaDb>().Materials.Single(m => m.Slug == slug).Id).SingleAsync());
        Assert.Equal("passwd.pdf", file.FileName);
        Assert.DoesNotContain("..", file.StoredName);
        Assert.DoesNotContain("/", file.StoredName);
    }

    [Fact]
    public async Task A_file_over_the_limit_gets_a_clear_message()
    {
        var member = await app.SignedInAsync("member");
        var slug = await CreateAsync(member, EventTestData.Unique("Iso"));

        // Just over the limit: read, then refused by its size.
        var page = await member.UploadFileAsync(slug, [.. Pdf("x"), .. new byte[MaterialTestData.MaxFileBytes]], "iso.pdf");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Tiedosto on liian suuri", page.ErrorSummary);
    }

    [Fact]
    public async Task A_200_MB_upload_is_turned_back_before_it_is_read()
    {
        var member = await app.SignedInAsync("member");
        var slug = await CreateAsync(member, EventTestData.Unique("Valtava"));
        var content = new StreamContent(new EndlessStream(200L * 1024 * 1024));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        content.Headers.ContentLength = 200L * 1024 * 1024;

        var response = await member.Client.PostAsync($"/materials/{slug}/files", content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await member.OpenAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Tiedosto on liian suuri", page.ErrorSummary);
    }

    /// <summary>Zeros without end (up to a length), never held in memory.</summary>
    private sealed class EndlessStream(long length) : Stream
    {
        private long position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            Array.Clear(buffer, offset, n);
            position += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task The_Atom_feed_lists_published_materials_only()
    {
        var coordinator = await app.CoordinatorAsync();
        var published = await app.AddPublishedAsync(EventTestData.Unique("Syötteessä"), "Teksti.");
        var draftTitle = EventTestData.Unique("Luonnos ei syötteessä");
        await CreateAsync(coordinator, draftTitle);

        var response = await app.CreateClient().GetAsync("/materials/feed");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        var feed = SyndicationFeed.Load(reader);

        Assert.Contains(feed.Items, i => i.Links.Any(l => l.Uri.AbsolutePath == "/materials/" + published));
        Assert.DoesNotContain(feed.Items, i => i.Title.Text == draftTitle);
        // A valid Atom feed (RFC 4287 4.1.1) names an author when its entries do not, or feed readers reject it.
        Assert.NotEmpty(feed.Authors);
    }

    [Fact]
    public async Task A_Swedish_material_is_marked_Swedish_in_the_feed()
    {
        var swedish = await app.AddPublishedAsync(EventTestData.Unique("Bostad först"), "Text.", language: "sv");

        var xml = new XmlDocument();
        xml.LoadXml(await app.CreateClient().GetStringAsync("/materials/feed"));
        var namespaces = new XmlNamespaceManager(xml.NameTable);
        namespaces.AddNamespace("a", "http://www.w3.org/2005/Atom");

        Assert.Equal("fi", xml.DocumentElement!.GetAttribute("xml:lang"));
        var entry = (XmlElement)xml.SelectSingleNode($"//a:entry[a:link/@href[contains(., '/materials/{swedish}')]]", namespaces)!;
        Assert.Equal("sv", entry.GetAttribute("xml:lang"));
    }
}
