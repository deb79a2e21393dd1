using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Account;
using Yhdessa.Tests.Events;

namespace Yhdessa.Tests.Materials;

[Collection("Materials with a small file limit on SQLite")]
public sealed class MaterialReviewOnSqlite(MaterialAppOnSqlite app) : MaterialReviewTests(app);
[Collection("Materials with a small file limit on PostgreSQL")]
public sealed class MaterialReviewOnPostgres(MaterialAppOnPostgres app) : MaterialReviewTests(app);

/// <summary>The review loop between a member who proposes and the coordinators who publish: each side is told by
/// email, a returned proposal says why, and the author reads it on her material's page.</summary>
public abstract class MaterialReviewTests(YhdessaApp app)
{
    private async Task<(WebBrowser Browser, string Email)> PersonAsync(string key, params string[] roles)
    {
        var (browser, id) = await app.PersonAsync(key, roles);
        var email = await app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Users.Where(u => u.Id == id).Select(u => u.Email!).SingleAsync());
        return (browser, email);
    }

    private async Task<string> ProposeAsync(WebBrowser member, string title)
    {
        var created = await member.SubmitAsync("/materials/new", new()
        {
            ["Input.Type"] = "ModelOrGuide", ["Input.Language"] = "fi", ["Input.Title"] = title, ["Input.Summary"] = "Tiivistelmä.",
            ["Input.PublicationDate"] = "2025-02-03", ["Input.Licence"] = "CC BY 4.0",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var slug = await SlugAsync(title);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(member, slug, "Propose")).Status);
        return slug;
    }

    /// <summary>Presses one of the material page's status buttons (Propose, Publish).</summary>
    private static async Task<WebBrowser.Page> StepAsync(WebBrowser person, string slug, string handler)
    {
        var page = await person.GetAsync("/materials/" + slug);
        var button = page.QuerySelector($"button[formaction*='handler={handler}']")
            ?? throw new InvalidOperationException($"No {handler} button on /materials/{slug}");
        var token = ((IHtmlInputElement)button.Closest("form")!.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        return await person.PostAsync(button.GetAttribute("formaction")!, [new("__RequestVerificationToken", token)]);
    }

    private Task<string> SlugAsync(string title) =>
        app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Materials.Where(m => m.Title == title).Select(m => m.Slug).SingleAsync());

    private Task<MaterialStatus> StatusAsync(string slug) =>
        app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Materials.Where(m => m.Slug == slug).Select(m => m.Status).SingleAsync());

    [Fact]
    public async Task Coordinators_hear_of_a_proposal_and_its_author_hears_that_it_was_published()
    {
        var (member, memberEmail) = await PersonAsync("review-author");
        var (coordinator, coordinatorEmail) = await PersonAsync("coordinator", Roles.Coordinator);
        var title = EventTestData.Unique("Asukaskokousten opas");

        var slug = await ProposeAsync(member, title);

        var told = (await app.MailToAsync(coordinatorEmail)).Single(m => m.Subject.Contains(title));
        Assert.Equal($"Aineisto odottaa tarkistusta: {title}", told.Subject);
        Assert.Contains("Testi Henkilö lähetti aineiston", told.TextBody);
        Assert.Contains($"/materials/{slug}?culture=fi", told.TextBody);
        // The review list says who sent it and when.
        var queue = await coordinator.OpenAsync("/materials/drafts");
        var row = queue.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(title));
        Assert.Contains("odottaa tarkistusta", row.TextContent);
        Assert.Contains("Testi Henkilö", row.TextContent);
        Assert.Contains("Lähetetty tarkistettavaksi", queue.Document.QuerySelector("thead")!.TextContent);
        Assert.Contains("Ehdottaja: Testi Henkilö · Lähetetty tarkistettavaksi", (await coordinator.OpenAsync("/materials/" + slug)).Document.QuerySelector(".status-note")!.TextContent);
        // The proposer's own list does not name her to herself, and she gets no mail for her own step.
        Assert.DoesNotContain((await app.MailToAsync(memberEmail)), m => m.Subject.Contains(title));

        var published = await StepAsync(coordinator, slug, "Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.Status);

        var mail = (await app.MailToAsync(memberEmail)).Single(m => m.Subject.Contains(title));
        Assert.Equal($"Aineistosi julkaistiin: {title}", mail.Subject);
        Assert.Contains("löytyy nyt hausta", mail.TextBody);
        Assert.Contains($"/materials/{slug}", mail.HtmlBody);
    }

    [Fact]
    public async Task A_returned_proposal_says_why_and_the_author_reads_it_by_email_and_on_her_page()
    {
        var (member, memberEmail) = await PersonAsync("review-returned");
        var coordinator = await app.CoordinatorAsync();
        var title = EventTestData.Unique("Vertaistuen malli");
        var slug = await ProposeAsync(member, title);

        // Without a note the coordinator is asked for one, and nothing changes.
        var empty = await coordinator.SubmitAsync("/materials/" + slug, new() { ["note"] = "  " }, "form[action*=Return]");
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains("Kirjoita tekijälle, mitä aineistossa pitää korjata.", empty.ErrorSummary);
        Assert.NotNull(empty.Document.QuerySelector(".error-summary a[href='#note']"));
        Assert.Equal(title, empty.H1);
        var tooLong = await coordinator.SubmitAsync("/materials/" + slug, new() { ["note"] = new string('x', 2001) }, "form[action*=Return]");
        Assert.Contains("enintään 2 000 merkkiä", tooLong.ErrorSummary);
        Assert.Equal(new string('x', 2001), ((IHtmlTextAreaElement)tooLong.Document.QuerySelector("#note")!).Value);
        Assert.Equal(MaterialStatus.Proposed, await StatusAsync(slug));
        Assert.DoesNotContain(await app.MailToAsync(memberEmail), m => m.Subject.Contains(title));

        var returned = await coordinator.SubmitAsync("/materials/" + slug, new() { ["note"] = "Lisää lähteet ja <b>tekijän</b> organisaatio." },
            "form[action*=Return]");
        Assert.Equal(HttpStatusCode.Redirect, returned.Status);
        Assert.Equal(MaterialStatus.Draft, await StatusAsync(slug));

        var mail = (await app.MailToAsync(memberEmail)).Single(m => m.Subject.Contains(title));
        Assert.Equal($"Aineistosi palautettiin korjattavaksi: {title}", mail.Subject);
        Assert.Contains("Lisää lähteet ja <b>tekijän</b> organisaatio.", mail.TextBody);
        Assert.Contains("Lisää lähteet ja &lt;b&gt;tekijän&lt;/b&gt; organisaatio.", mail.HtmlBody);

        var page = await member.OpenAsync("/materials/" + slug);
        Assert.Equal("Lisää lähteet ja <b>tekijän</b> organisaatio.", page.Document.QuerySelector(".review-note")!.TextContent);
        Assert.Contains("Koordinaattorin palaute", page.Text);
        var mine = await member.OpenAsync("/materials/drafts");
        Assert.Contains("palautettu korjattavaksi", mine.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(title)).TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await WebBrowser.Open(app).OpenAsync("/materials/" + slug)).Status);

        // Sent again, the note has done its work and goes.
        await StepAsync(member, slug, "Propose");
        Assert.Null((await member.OpenAsync("/materials/" + slug)).Document.QuerySelector(".review-note"));
        Assert.Equal(MaterialStatus.Proposed, await StatusAsync(slug));
    }

    [Fact]
    public async Task The_author_gets_the_mail_in_her_own_language()
    {
        var (member, memberEmail) = await PersonAsync("review-swedish");
        await app.WithServicesAsync(async s =>
        {
            var db = s.GetRequiredService<YhdessaDb>();
            var user = await db.Users.SingleAsync(u => u.Email == memberEmail);
            user.PreferredLanguage = "sv";
            return await db.SaveChangesAsync();
        });
        var coordinator = await app.CoordinatorAsync();
        var title = EventTestData.Unique("Boendestöd");
        var slug = await ProposeAsync(member, title);

        await StepAsync(coordinator, slug, "Publish");

        var mail = (await app.MailToAsync(memberEmail)).Single(m => m.Subject.Contains(title));
        Assert.Equal($"Ditt material publicerades: {title}", mail.Subject);
        Assert.Contains("Hej Testi Henkilö,", mail.TextBody);
        Assert.Contains("?culture=sv", mail.TextBody);
    }
}
