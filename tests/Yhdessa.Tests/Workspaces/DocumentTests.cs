using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Features.Materials.Files;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Tests.Network;

namespace Yhdessa.Tests.Workspaces;

[Collection("Workspaces on SQLite")]
public sealed class DocumentOnSqlite(SqliteApp app) : DocumentTests(app);
[Collection("Workspaces on PostgreSQL")]
public sealed class DocumentOnPostgres(PostgresApp app) : DocumentTests(app);

/// <summary>A workspace's documents: files checked as the material bank checks them, versions that are kept, files
/// only for the workspace's people, and a document that becomes a material of the bank in one step.</summary>
public abstract class DocumentTests(YhdessaApp app)
{
    private readonly WebApplicationFactory<Program> host = NetworkTestHost.For(app);
    private WorkspaceTestKit Kit => new(host);

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string formUrl, string postUrl, byte[] content, string fileName,
        params (string Name, string Value)[] fields)
    {
        var token = await client.FormTokenAsync(formUrl);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { file, "file", fileName } };
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return await client.PostAsync(postUrl, form);
    }

    [Fact]
    public async Task A_document_keeps_its_versions_refuses_a_file_that_lies_about_its_type_and_is_only_for_the_workspaces_people()
    {
        var coordinator = await Kit.CoordinatorAsync();
        var (leadId, leadEmail) = await Kit.PersonAsync("Vetäjä");
        var slug = await Kit.CreateAsync(coordinator, WorkspaceTestKit.Unique("Asiakirjat"), leadEmail);
        var lead = host.Client(leadId);
        var list = $"/workspaces/{slug}/documents";

        var lying = await UploadAsync(lead, list + "?culture=fi", list + "?culture=fi", Encoding.UTF8.GetBytes("Tämä ei ole PDF vaan tekstiä."), "raportti.pdf");
        Assert.Equal(HttpStatusCode.BadRequest, lying.StatusCode);
        Assert.Contains("sisältö ei ole PDF-", WebUtility.HtmlDecode(await lying.Content.ReadAsStringAsync()));
        var workspace = await Kit.IdAsync(slug);
        Assert.False(await host.WithDbAsync(db => db.WorkspaceDocuments.AnyAsync(d => d.WorkspaceId == workspace)));

        var added = await UploadAsync(lead, list, list, SimplePdf.Create("Asumisen tuen malli", "Ensimmäinen luonnos."), "malli.pdf", ("Title", "Asumisen tuen malli"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = NetworkTestHost.LocalPath(added);
        Assert.Matches(@"^/workspaces/[^/]+/documents/\d+$", page);
        var second = await UploadAsync(lead, page, page + "?handler=Version", SimplePdf.Create("Asumisen tuen malli", "Toinen versio."), "malli-v2.pdf",
            ("Note", "Palautteen mukaan korjattu"));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        var html = await lead.GetStringAsync(page + "?culture=fi");
        Assert.Contains("Versio 2: malli-v2.pdf", html);
        Assert.Contains("Versio 1: malli.pdf", html);
        Assert.Contains("Palautteen mukaan korjattu", html);
        var first = await lead.GetAsync(page + "?handler=File&number=1");
        Assert.Equal("application/pdf", first.Content.Headers.ContentType?.MediaType);
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(await first.Content.ReadAsByteArrayAsync()))
            Assert.Contains("Ensimmäinen luonnos.", string.Join(" ", pdf.GetPages().Select(p => p.Text)));

        var (outsider, _) = await Kit.PersonAsync("Ulkopuolinen");
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client(outsider).GetAsync(page + "?handler=File&number=1")).StatusCode);
        NetworkTestHost.AssertSignInRedirect(await host.Client().GetAsync(page + "?handler=File&number=1"));
        // The same document's number under another workspace's address is not found either.
        var other = await Kit.CreateAsync(coordinator, WorkspaceTestKit.Unique("Toinen"), leadEmail);
        var id = Regex.Match(page, @"(\d+)$").Value;
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/workspaces/{other}/documents/{id}?handler=File&number=1")).StatusCode);
    }

    [Fact]
    public async Task A_leads_document_goes_to_the_bank_for_review_and_a_coordinators_is_published_and_found_by_the_finnish_search()
    {
        var coordinatorId = await Kit.CoordinatorAsync();
        var (leadId, leadEmail) = await Kit.PersonAsync("Vetäjä");
        var slug = await Kit.CreateAsync(coordinatorId, WorkspaceTestKit.Unique("Julkaisija"), leadEmail);
        var organisation = await host.WithDbAsync(async db =>
        {
            var o = new Yhdessa.Features.Network.Data.Organisation { Slug = "julkaisija-" + Guid.NewGuid().ToString("N")[..6], Description = "", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
            o.SetNames("Julkaiseva järjestö", null, null);
            db.Organisations.Add(o);
            await db.SaveChangesAsync();
            await db.WorkspaceParticipants.Where(p => p.UserId == leadId).ExecuteUpdateAsync(p => p.SetProperty(x => x.OrganisationId, o.Id));
            return o.Id;
        });
        var lead = host.Client(leadId);
        var list = $"/workspaces/{slug}/documents";
        var word = "ylisektorinen" + Guid.NewGuid().ToString("N")[..5];
        var page = NetworkTestHost.LocalPath(await UploadAsync(lead, list, list,
            SimplePdf.Create("Suositus", $"Suosituksia {word} asumisneuvontaan."), "suositus.pdf", ("Title", "Suositus")));

        // A member cannot offer it; the lead's offer needs a summary.
        var (memberId, _) = await Kit.PersonAsync("Jäsen");
        await Kit.AddAsync(slug, memberId, WorkspaceRole.Member);
        NetworkTestHost.AssertForbidden(await host.Client(memberId).PostFormAsync(page, [new("MaterialTitle", "x"), new("Summary", "y")], page + "?handler=Offer"));
        var noSummary = await lead.PostFormAsync(page + "?culture=fi", [new("MaterialTitle", "Suositukset asumisneuvontaan"), new("Summary", " "),
            new("Type", "QualityRecommendation"), new("Language", "fi")], page + "?handler=Offer&culture=fi");
        Assert.Equal(HttpStatusCode.BadRequest, noSummary.StatusCode);
        Assert.Contains("Kirjoita tiivistelmä.", WebUtility.HtmlDecode(await noSummary.Content.ReadAsStringAsync()));

        var offered = await lead.PostFormAsync(page, [new("MaterialTitle", "Suositukset asumisneuvontaan"), new("Summary", "Hankkeen suositukset."),
            new("Type", "QualityRecommendation"), new("Language", "fi")], page + "?handler=Offer");
        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);
        var material = await host.WithDbAsync(db => db.Materials.Include(m => m.Authors).Include(m => m.Files).AsNoTracking()
            .SingleAsync(m => m.Title == "Suositukset asumisneuvontaan" && m.CreatedById == leadId));
        Assert.Equal(MaterialStatus.Proposed, material.Status);
        Assert.Equal(organisation, Assert.Single(material.Authors).OrganisationId);
        Assert.Equal("suositus.pdf", Assert.Single(material.Files).FileName);
        var twice = await lead.PostFormAsync(page + "?culture=fi", [new("MaterialTitle", "Toistamiseen"), new("Summary", "x"), new("Type", "Other"), new("Language", "fi")],
            page + "?handler=Offer&culture=fi");
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);

        // A coordinator's offer of another document is published at once and found by an inflected word of its file.
        var second = NetworkTestHost.LocalPath(await UploadAsync(lead, list, list,
            SimplePdf.Create("Opas", $"Opas {word}en yhteistyöhön."), "opas.pdf", ("Title", "Opas")));
        var coordinator = host.Client(coordinatorId);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(second, [new("MaterialTitle", "Opas yhteistyöhön " + word),
            new("Summary", "Hankkeen opas."), new("Type", "ModelOrGuide"), new("Language", "fi")], second + "?handler=Offer")).StatusCode);
        var search = await host.Client().GetStringAsync("/api/v1/materials?q=" + Uri.EscapeDataString(word));
        Assert.Contains("Opas yhteistyöhön", search);
        Assert.DoesNotContain("Suositukset asumisneuvontaan", search); // the lead's still waits for review
    }
}
