using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Communication.Items.Data;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Events;
using Yhdessa.Tests.Network;

namespace Yhdessa.Tests.Communication;

[Collection("Communication on SQLite")]
public sealed class ItemsOnSqlite(SqliteApp app) : ItemTests(app);
[Collection("Communication on PostgreSQL")]
public sealed class ItemsOnPostgres(PostgresApp app) : ItemTests(app);

/// <summary>The two-way newsletter: members write items, the editors accept, return or decline them, and the author sees
/// what became of each and is told in her language.</summary>
public abstract class ItemTests(YhdessaApp app)
{
    private readonly WebApplicationFactory<Program> host = NetworkTestHost.For(app);

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient author, string formUrl, IEnumerable<(string Name, string Value)> fields,
        byte[]? image = null) => author.PostMultipartAsync(formUrl, fields, image);

    private static (string, string)[] Item(string title, string text = "Kokeilimme uutta toimintamallia ja kerromme tuloksista.") =>
        [("Input.Language", "fi"), ("Input.Title", title), ("Input.Text", text)];

    private Task<NewsletterItem> ItemTitledAsync(string title) =>
        host.WithDbAsync(db => db.NewsletterItems.AsNoTracking().SingleAsync(i => i.Title == title || i.SubmittedTitle == title));

    private Task<HttpResponseMessage> DecideAsync(HttpClient editor, NewsletterItem item, string decision, string? note = null, string? title = null) =>
        editor.PostFormAsync("/newsletter/queue",
            [new("id", item.Id.ToString()), new("revision", item.Revision.ToString()), new("decision", decision), new("note", note ?? ""), new("title", title ?? "")],
            "/newsletter/queue?handler=Decide");

    private async Task<(string Id, string Email)> PersonAsync(string name, string language = "fi")
    {
        var id = await host.CreateUserAsync(name);
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = (await users.FindByIdAsync(id))!;
        user.PreferredLanguage = language;
        await users.UpdateAsync(user);
        return (id, user.Email!);
    }

    [Fact]
    public async Task A_returned_item_is_edited_and_resubmitted_then_accepted_with_the_editors_edits_beside_what_she_wrote()
    {
        var (authorId, authorEmail) = await PersonAsync("Kirjoittava Jäsen", "sv");
        var author = host.Client(authorId);
        var editor = host.Client(await host.CreateUserAsync("Toimittaja", Roles.Coordinator));
        var title = EventTestData.Unique("Asumisneuvonnan uusi malli");

        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(author, "/newsletter/items/new", Item(title))).StatusCode);
        Assert.Contains(title, await editor.GetStringAsync("/newsletter/queue"));
        Assert.Contains("Odottaa toimitusta", await author.GetStringAsync("/newsletter/items?culture=fi"));

        var item = await ItemTitledAsync(title);
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(editor, item, "Return", "Lisää yhteystiedot.")).StatusCode);
        var mail = Assert.Single(await host.WithDbAsync(db => db.Set<OutgoingEmail>().AsNoTracking().Where(m => m.To == authorEmail).ToListAsync()));
        Assert.StartsWith("Din text", mail.Subject);
        Assert.Contains("Lisää yhteystiedot.", mail.TextBody);
        var mine = await author.GetStringAsync("/newsletter/items?culture=fi");
        Assert.Contains("Palautettu muokattavaksi", mine);
        Assert.Contains("Lisää yhteystiedot.", mine);

        item = await ItemTitledAsync(title);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(author, $"/newsletter/items/{item.Id}/edit",
            [.. Item(title, "Teksti ja yhteystiedot: info@example.fi."), ("Input.Revision", item.Revision.ToString())])).StatusCode);
        item = await ItemTitledAsync(title);
        Assert.Equal(ItemState.Submitted, item.State);

        var edited = title + " (toimitettu)";
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(editor, item, "Accept", title: edited)).StatusCode);
        item = await ItemTitledAsync(title);
        Assert.Equal((ItemState.Accepted, edited, title), (item.State, item.Title, item.SubmittedTitle));
        var accepted = await author.GetStringAsync("/newsletter/items?culture=fi");
        Assert.Contains("Hyväksytty julkaistavaksi", accepted);
        Assert.Contains("Toimitus muokkasi juttua", accepted);
        Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(author, $"/newsletter/items/{item.Id}/edit", [.. Item(title), ("Input.Revision", item.Revision.ToString())])).StatusCode);
        Assert.Equal(edited, (await ItemTitledAsync(title)).Title);
    }

    [Fact]
    public async Task Returning_and_declining_need_a_message_and_a_stale_decision_is_refused()
    {
        var author = host.Client(await host.CreateUserAsync("Kirjoittaja"));
        var editor = host.Client(await host.CreateUserAsync("Toimittaja", Roles.Coordinator));
        var title = EventTestData.Unique("Päätettävä juttu");
        await SubmitAsync(author, "/newsletter/items/new", Item(title));
        var item = await ItemTitledAsync(title);

        var noNote = await DecideAsync(editor, item, "Return");
        Assert.Contains("Kirjoita kirjoittajalle, mitä juttuun pitäisi muuttaa.", WebUtility.HtmlDecode(await noNote.Content.ReadAsStringAsync()));
        var noReason = await DecideAsync(editor, item, "Decline");
        Assert.Contains("Kirjoita kirjoittajalle syy", WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync()));
        Assert.Equal(ItemState.Submitted, (await ItemTitledAsync(title)).State);

        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(editor, item, "Decline", "Aihe ei sovi uutiskirjeeseen.")).StatusCode);
        var stale = await DecideAsync(editor, item, "Accept");
        Assert.Contains("Juttu ei ole enää jonossa", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
        Assert.Equal(ItemState.Declined, (await ItemTitledAsync(title)).State);
        Assert.Contains("Aihe ei sovi uutiskirjeeseen.", await author.GetStringAsync("/newsletter/items"));
    }

    public static TheoryData<string, string, string> BadItems() => new()
    {
        { "Input.Title", "", "Kirjoita otsikko." },
        { "Input.Title", new string('o', 201), "Otsikko on liian pitkä: enintään 200 merkkiä." },
        { "Input.Text", "", "Kirjoita jutun teksti." },
        { "Input.Link", "javascript:alert(1)", "Linkin pitää olla verkko-osoite" },
        { "Input.Language", "de", "Valitse uutiskirjeen kieli." },
    };

    [Theory]
    [MemberData(nameof(BadItems))]
    public async Task A_bad_item_is_refused_with_a_message_and_nothing_is_saved(string field, string value, string message)
    {
        var author = host.Client(await host.CreateUserAsync("Kirjoittaja"));
        var before = await host.WithDbAsync(db => db.NewsletterItems.CountAsync());
        var response = await SubmitAsync(author, "/newsletter/items/new", Item("Kelpo otsikko").Where(f => f.Item1 != field).Append((field, value)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(before, await host.WithDbAsync(db => db.NewsletterItems.CountAsync()));
    }

    [Fact]
    public async Task An_image_that_is_not_an_image_is_refused()
    {
        var author = host.Client(await host.CreateUserAsync("Kirjoittaja"));
        var response = await SubmitAsync(author, "/newsletter/items/new", [.. Item("Kuvallinen juttu"), ("Input.ImageAlt", "Kuva")], "%PDF-1.4 ei kuva"u8.ToArray());
        Assert.Contains("Tiedosto ei ole kuva.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Only_editors_see_the_queue_and_no_one_opens_anothers_item()
    {
        var (authorId, _) = await PersonAsync("Kirjoittaja");
        var title = EventTestData.Unique("Yksityinen juttu");
        await SubmitAsync(host.Client(authorId), "/newsletter/items/new", Item(title));
        var item = await ItemTitledAsync(title);
        var member = host.Client(await host.CreateUserAsync("Utelias Jäsen"));

        NetworkTestHost.AssertForbidden(await member.GetAsync("/newsletter/queue"));
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/newsletter/items/{item.Id}/edit")).StatusCode);
        Assert.DoesNotContain(title, await member.GetStringAsync("/newsletter/items"));

        var editorId = await host.CreateUserAsync("Ryhmän toimittaja");
        await host.WithDbAsync(async db =>
        {
            var group = new Group { Slug = "toimitus-" + Guid.NewGuid().ToString("N")[..8], NameFi = "Toimitus", DescriptionFi = "Uutiskirjeen toimitus", Kind = GroupKind.ThematicGroup };
            db.Groups.Add(group);
            await db.SaveChangesAsync();
            db.GroupMemberships.Add(new GroupMembership { GroupId = group.Id, UserId = editorId, Status = MembershipStatus.Member, Since = DateTimeOffset.UtcNow });
            db.NewsletterEditorGroups.Add(new NewsletterEditorGroup { GroupId = group.Id });
            await db.SaveChangesAsync();
        });
        Assert.Contains(title, await host.Client(editorId).GetStringAsync("/newsletter/queue"));
    }

    [Fact]
    public async Task Deleting_the_account_deletes_her_waiting_items_and_leaves_the_accepted_ones_without_her()
    {
        const string password = "pitkä-salasana-jutuille-2026";
        var (authorId, _) = await PersonAsync("Lähtevä Kirjoittaja");
        using (var scope = host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            Assert.True((await users.AddPasswordAsync((await users.FindByIdAsync(authorId))!, password)).Succeeded);
        }
        var author = host.Client(authorId);
        var (waiting, accepted) = (EventTestData.Unique("Odottava juttu"), EventTestData.Unique("Hyväksytty juttu"));
        await SubmitAsync(author, "/newsletter/items/new", Item(waiting));
        await SubmitAsync(author, "/newsletter/items/new", Item(accepted));
        await DecideAsync(host.Client(await host.CreateUserAsync("Toimittaja", Roles.Coordinator)), await ItemTitledAsync(accepted), "Accept");
        Assert.Contains(waiting, await author.GetStringAsync("/account/my-data"));

        Assert.Equal(HttpStatusCode.Redirect, (await author.PostFormAsync("/account/delete", ("Password", password))).StatusCode);

        Assert.False(await host.WithDbAsync(db => db.NewsletterItems.AnyAsync(i => i.Title == waiting)));
        Assert.Null((await ItemTitledAsync(accepted)).AuthorId);
    }
}
