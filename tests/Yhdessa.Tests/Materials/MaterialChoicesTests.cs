using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Text;
using Yhdessa.Tests.Account;
using Yhdessa.Tests.Events;

namespace Yhdessa.Tests.Materials;

[Collection("Materials with a small file limit on SQLite")]
public sealed class MaterialChoicesOnSqlite(MaterialAppOnSqlite app) : MaterialChoicesTests(app);
[Collection("Materials with a small file limit on PostgreSQL")]
public sealed class MaterialChoicesOnPostgres(MaterialAppOnPostgres app) : MaterialChoicesTests(app);

/// <summary>Authors are organisations of the network, people with public profiles and names as written; related events
/// are found among thousands by name and year, without JavaScript.</summary>
public abstract class MaterialChoicesTests(YhdessaApp app)
{
    private static List<KeyValuePair<string, string>> Fields(string title, params (string Name, string Value)[] more)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Type", "Publication"), new("Input.Language", "fi"), new("Input.Title", title),
            new("Input.Summary", "Tiivistelmä."), new("Input.Body", "Teksti."), new("Input.PublicationDate", "2025-03-04"),
            new("Input.Licence", "CC BY 4.0"),
        };
        fields.AddRange(more.Select(m => new KeyValuePair<string, string>(m.Name, m.Value)));
        return fields;
    }

    private Task<Organisation> OrganisationAsync(string name) => app.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<YhdessaDb>();
        var organisation = new Organisation
        {
            Slug = Slugs.FromName(name) + "-" + Guid.NewGuid().ToString("N")[..6], Sector = Sector.Ngo,
            CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };
        organisation.SetNames(name, null, null);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation;
    });

    private async Task<(int ProfileId, string Name)> ProfileAsync(string key, bool isPublic)
    {
        var (_, userId) = await app.PersonAsync(key);
        var name = EventTestData.Unique("Tekijä " + key);
        var id = await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<YhdessaDb>();
            var user = await db.Users.SingleAsync(u => u.Id == userId);
            user.DisplayName = name;
            var profile = await db.PersonProfiles.SingleOrDefaultAsync(p => p.UserId == userId);
            if (profile is null) db.PersonProfiles.Add(profile = new PersonProfile { UserId = userId });
            profile.IsPublic = isPublic;
            profile.UpdatedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
            return profile.Id;
        });
        return (id, name);
    }

    private Task<Material> MaterialAsync(string title) => app.WithServicesAsync(services => services.GetRequiredService<YhdessaDb>()
        .Materials.Include(m => m.Authors).Include(m => m.Events).SingleAsync(m => m.Title == title));

    private static async Task<WebBrowser.Page> FindAsync(WebBrowser person, string url, params (string Name, string Value)[] fields)
    {
        var form = await person.GetAsync(url);
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var action = form.QuerySelector("button[formaction*='handler=Find']")!.GetAttribute("formaction")!;
        return await person.PostAsync(action, [new("__RequestVerificationToken", token),
            .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
    }

    [Fact]
    public async Task An_editor_finds_organisations_and_public_people_as_authors_and_the_material_page_links_to_them()
    {
        var coordinator = await app.CoordinatorAsync();
        var organisation = await OrganisationAsync(EventTestData.Unique("Tekijäsäätiö"));
        var (person, personName) = await ProfileAsync("julkinen-tekija", isPublic: true);
        var (hidden, hiddenName) = await ProfileAsync("yksityinen-tekija", isPublic: false);

        var found = await FindAsync(coordinator, "/materials/new", ("AuthorSearch", organisation.NameFi[..20]));
        Assert.Equal(HttpStatusCode.OK, found.Status);
        Assert.NotNull(found.Document.QuerySelector($"input[name='Input.OrganisationIds'][value='{organisation.Id}']"));
        Assert.Null(found.ErrorSummary);
        var people = await FindAsync(coordinator, "/materials/new", ("AuthorSearch", "Tekijä"));
        Assert.NotNull(people.Document.QuerySelector($"input[name='Input.ProfileIds'][value='{person}']"));
        Assert.Null(people.Document.QuerySelector($"input[name='Input.ProfileIds'][value='{hidden}']"));
        Assert.DoesNotContain(hiddenName, people.Text);

        var title = EventTestData.Unique("Tekijäkoe");
        var saved = await coordinator.SubmitValuesAsync("/materials/new", Fields(title,
            ("Input.OrganisationIds", organisation.Id.ToString()), ("Input.ProfileIds", person.ToString()), ("Input.People", "Ulla Ulkopuolinen")));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var material = await MaterialAsync(title);
        Assert.Equal([organisation.Id], material.Authors.Where(a => a.OrganisationId != null).Select(a => a.OrganisationId!.Value));
        Assert.Equal([person], material.Authors.Where(a => a.ProfileId != null).Select(a => a.ProfileId!.Value));
        // No copy of the person's name is kept with the material.
        Assert.DoesNotContain(material.Authors, a => a.Name == personName);

        await coordinator.PostAsync($"/materials/{material.Slug}?handler=Publish", [new("__RequestVerificationToken",
            (await coordinator.GetAsync("/materials/" + material.Slug)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!)]);
        var visitor = WebBrowser.Open(app);
        var page = await visitor.OpenAsync("/materials/" + material.Slug);
        Assert.Equal(organisation.NameFi, page.Document.QuerySelector($"a[href='/network/organisations/{organisation.Slug}']")?.TextContent);
        Assert.Equal(personName, page.Document.QuerySelector($"a[href='/network/people/{person}']")?.TextContent);
        Assert.Contains("Ulla Ulkopuolinen", page.Text);
        // The organisation facet filters by the organisation itself.
        var facet = await visitor.OpenAsync($"/materials?organisation={organisation.Id}");
        Assert.NotNull(facet.Document.QuerySelector($"ol.results a[href='/materials/{material.Slug}']"));

        // A profile made private disappears from the material page.
        await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<YhdessaDb>();
            (await db.PersonProfiles.SingleAsync(p => p.Id == person)).IsPublic = false;
            return await db.SaveChangesAsync();
        });
        var later = await WebBrowser.Open(app).OpenAsync("/materials/" + material.Slug + "?after=private");
        Assert.DoesNotContain(personName, later.Text);
    }

    [Fact]
    public async Task A_private_profile_or_an_unknown_organisation_is_refused_and_nothing_is_saved()
    {
        var member = await app.SignedInAsync("tekija-jasen");
        var (hidden, _) = await ProfileAsync("piilotettu", isPublic: false);
        var title = EventTestData.Unique("Hylättävä");

        var refused = await member.SubmitValuesAsync("/materials/new", Fields(title,
            ("Input.ProfileIds", hidden.ToString()), ("Input.OrganisationIds", "987654")));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.NotNull(refused.Document.QuerySelector(".error-summary a[href='#Input_ProfileIds']"));
        Assert.NotNull(refused.Document.QuerySelector(".error-summary a[href='#Input_OrganisationIds']"));
        Assert.False(await app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Materials.AnyAsync(m => m.Title == title)));
    }

    [Fact]
    public async Task Related_events_are_found_by_name_and_year_among_hundreds_and_an_old_link_survives_editing()
    {
        var coordinator = await app.CoordinatorAsync();
        var marker = Guid.NewGuid().ToString("N")[..6];
        var now = DateTimeOffset.UtcNow;
        var events = Enumerable.Range(0, 300).Select(i => EventTestData.NewEvent($"Verkostotapaaminen {marker} nro {i}", now.AddDays(-i * 5))).ToList();
        var old = EventTestData.NewEvent($"Vanha asumisneuvonnan päivä {marker}", new DateTimeOffset(2019, 5, 14, 9, 0, 0, TimeSpan.Zero));
        var membersOnly = EventTestData.NewEvent($"Jäsenten ilta {marker}", now.AddDays(-1), EventVisibility.Members);
        await app.AddEventsAsync([.. events, old, membersOnly]);

        var form = await coordinator.OpenAsync("/materials/new");
        Assert.Null(form.Document.QuerySelector($"input[name='Input.EventIds'][value='{old.Id}']"));
        Assert.NotNull(form.Document.QuerySelector("select[name=EventYear] option[value='2019']"));

        var byName = await FindAsync(coordinator, "/materials/new", ("EventSearch", "asumisneuvonnan päivä " + marker));
        Assert.NotNull(byName.Document.QuerySelector($"input[name='Input.EventIds'][value='{old.Id}']"));
        Assert.Contains("Hakua vastaavia tapahtumia: 1.", byName.Text);
        var byYear = await FindAsync(coordinator, "/materials/new", ("EventSearch", marker), ("EventYear", "2019"));
        Assert.Equal([old.Id.ToString()], byYear.Document.QuerySelectorAll("input[name='Input.EventIds']").Select(e => e.GetAttribute("value")));
        // What was typed stays in the form.
        var kept = await FindAsync(coordinator, "/materials/new", ("EventSearch", marker), ("Input.Title", "Kesken oleva otsikko"));
        Assert.Equal("Kesken oleva otsikko", kept.Document.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));
        Assert.Null(kept.ErrorSummary);

        var refused = await coordinator.SubmitValuesAsync("/materials/new", Fields(EventTestData.Unique("Jäsenille"), ("Input.EventIds", membersOnly.Id.ToString())));
        Assert.NotNull(refused.Document.QuerySelector(".error-summary a[href='#Input_EventIds']"));

        var title = EventTestData.Unique("Tapahtumakoe");
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitValuesAsync("/materials/new", Fields(title, ("Input.EventIds", old.Id.ToString())))).Status);
        var material = await MaterialAsync(title);
        Assert.Equal([old.Id], material.Events.Select(e => e.EventId));
        // The old event is offered, ticked, on the edit form, though it is far from the newest.
        var edit = await coordinator.OpenAsync($"/materials/{material.Slug}/edit");
        Assert.True(edit.Document.QuerySelector($"input[name='Input.EventIds'][value='{old.Id}']")?.HasAttribute("checked"));
    }
}
