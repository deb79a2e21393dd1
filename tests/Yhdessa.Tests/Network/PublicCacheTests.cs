using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Tests.Network;

[Collection("Network on SQLite")]
public sealed class PublicCacheOnSqlite(SqliteApp app) : PublicCacheTests(app);
[Collection("Network on PostgreSQL")]
public sealed class PublicCacheOnPostgres(PostgresApp app) : PublicCacheTests(app);

/// <summary>Anonymous directory pages are served from the output cache; every change made through the app's own
/// forms shows on them at once, not after the cache expires. Changes go through the forms only, because the test
/// host's database helper clears the cache by itself.</summary>
public abstract class PublicCacheTests(YhdessaApp app)
{
    private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host = NetworkTestHost.For(app);

    private static (string, string)[] OrganisationFields(string name) =>
        [("Input.NameFi", name), ("Input.Sector", "Ngo"), ("Input.MunicipalityCode", "091")];

    private Task<string> AnonymousAsync(string url) => host.Client().GetStringAsync(url);

    [Fact]
    public async Task A_renamed_organisation_shows_at_once_in_the_directory_and_on_its_page()
    {
        var client = host.Client(await host.CreateUserAsync("Koordinaattori", Roles.Coordinator));
        var marker = Guid.NewGuid().ToString("N")[..8];
        var created = await client.PostFormAsync("/network/organisations/new", OrganisationFields("Vanha Nimi " + marker));
        var address = NetworkTestHost.LocalPath(created);
        var search = "/network/organisations?q=" + marker;
        Assert.Contains("Vanha Nimi " + marker, await AnonymousAsync(search));
        Assert.Contains("Vanha Nimi " + marker, await AnonymousAsync(address));

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(address + "/edit", OrganisationFields("Uusi Nimi " + marker))).StatusCode);

        Assert.Contains("Uusi Nimi " + marker, await AnonymousAsync(search));
        Assert.Contains("Uusi Nimi " + marker, await AnonymousAsync(address));
    }

    [Fact]
    public async Task A_renamed_group_shows_at_once_in_the_list_of_groups()
    {
        var client = host.Client(await host.CreateUserAsync("Koordinaattori", Roles.Coordinator));
        var marker = Guid.NewGuid().ToString("N")[..8];
        (string, string)[] Fields(string name) =>
            [("Input.NameFi", name), ("Input.Kind", "ThematicGroup"), ("Input.Joining", "Open"), ("Input.Visibility", "Public")];
        var created = await client.PostFormAsync("/network/groups/new", Fields("Vanha ryhmä " + marker));
        Assert.Contains("Vanha ryhmä " + marker, await AnonymousAsync("/network/groups"));

        var edited = await client.PostFormAsync(NetworkTestHost.LocalPath(created) + "/edit", Fields("Uusi ryhmä " + marker));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        Assert.Contains("Uusi ryhmä " + marker, await AnonymousAsync("/network/groups"));
    }

    [Fact]
    public async Task A_person_who_changes_their_name_or_goes_private_shows_so_at_once_on_the_organisation_page()
    {
        var coordinator = host.Client(await host.CreateUserAsync("Koordinaattori", Roles.Coordinator));
        var marker = Guid.NewGuid().ToString("N")[..8];
        var address = NetworkTestHost.LocalPath(
            await coordinator.PostFormAsync("/network/organisations/new", OrganisationFields("Työpaikka " + marker)));
        var organisationId = await host.WithDbAsync(db => Task.FromResult(db.Organisations.Single(o => o.NameFi == "Työpaikka " + marker).Id));
        var person = host.Client(await host.CreateUserAsync("Aino Ensimmäinen"));
        (string, string)[] Profile(bool isPublic) =>
            [("Input.IsPublic", isPublic ? "true" : "false"), ("Input.Affiliations[0].OrganisationId", organisationId.ToString()),
             ("Input.Affiliations[0].Title", "Ohjaaja")];
        await person.PostFormAsync("/network/profile", Profile(isPublic: true));
        Assert.Contains("Aino Ensimmäinen", await AnonymousAsync(address));

        var renamed = await person.PostFormAsync("/account/profile", ("Input.DisplayName", "Aino Toinen"), ("Input.PreferredLanguage", "fi"));
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var page = await AnonymousAsync(address);
        Assert.Contains("Aino Toinen", page);
        Assert.DoesNotContain("Aino Ensimmäinen", page);

        await person.PostFormAsync("/network/profile", Profile(isPublic: false));
        Assert.DoesNotContain("Aino Toinen", await AnonymousAsync(address));
    }

    [Fact]
    public async Task A_person_who_deletes_their_account_is_gone_at_once_from_the_organisation_page()
    {
        var coordinator = host.Client(await host.CreateUserAsync("Koordinaattori", Roles.Coordinator));
        var marker = Guid.NewGuid().ToString("N")[..8];
        var address = NetworkTestHost.LocalPath(
            await coordinator.PostFormAsync("/network/organisations/new", OrganisationFields("Entinen työpaikka " + marker)));
        var personId = await host.CreateUserAsync("Lähtevä Henkilö");
        await host.WithDbAsync(async db =>
        {
            var organisationId = db.Organisations.Single(o => o.NameFi == "Entinen työpaikka " + marker).Id;
            db.PersonProfiles.Add(new PersonProfile { UserId = personId, IsPublic = true, Affiliations = [new Affiliation { OrganisationId = organisationId }] });
            await db.SaveChangesAsync();
        });
        const string password = "pitkä-salasana-poistoon-2026";
        using (var scope = host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            Assert.True((await users.AddPasswordAsync((await users.FindByIdAsync(personId))!, password)).Succeeded);
        }
        Assert.Contains("Lähtevä Henkilö", await AnonymousAsync(address));

        var deleted = await host.Client(personId).PostFormAsync("/account/delete", ("Password", password));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        Assert.DoesNotContain("Lähtevä Henkilö", await AnonymousAsync(address));
    }
}
