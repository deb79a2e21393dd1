using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Tests.Network;

[Collection("Network on SQLite")]
public sealed class OrganisationFormOnSqlite(SqliteApp app) : OrganisationFormTests(app);
[Collection("Network on PostgreSQL")]
public sealed class OrganisationFormOnPostgres(PostgresApp app) : OrganisationFormTests(app);

public abstract class OrganisationFormTests(YhdessaApp app)
{
    private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host = NetworkTestHost.For(app);

    private static (string, string)[] Fields(string name, string municipality = "091", string website = "https://esimerkki.fi",
        string description = "Kuvaus") =>
        [("Input.NameFi", name), ("Input.NameSv", ""), ("Input.NameEn", ""), ("Input.Sector", "Ngo"),
         ("Input.MunicipalityCode", municipality), ("Input.Website", website), ("Input.Description", description)];

    private Task<int> CountAsync(string name) => host.WithDbAsync(db => db.Organisations.CountAsync(o => o.NameFi == name));

    [Fact]
    public async Task A_coordinator_adds_and_edits_an_organisation_and_both_are_audited()
    {
        var coordinator = await host.CreateUserAsync("Koordinaattori", Roles.Coordinator);
        var client = host.Client(coordinator);
        var name = "Uusi Yhdistys " + Guid.NewGuid().ToString("N")[..6];

        var created = await client.PostFormAsync("/network/organisations/new", Fields(name));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var address = NetworkTestHost.LocalPath(created);
        var page = await host.Client().GetStringAsync(address);
        Assert.Contains($"<h1>{name}</h1>", page);

        var edited = await client.PostFormAsync(address + "/edit", Fields(name + " ry", municipality: "837"));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var anonymous = await host.Client().GetStringAsync(address);
        Assert.Contains($"<h1>{name} ry</h1>", anonymous);
        Assert.Contains("Tampere", anonymous);

        var audits = await host.WithDbAsync(db => db.Set<Yhdessa.Platform.Audit.AuditEntry>()
            .Where(a => a.ActorId == coordinator).Select(a => a.Action).ToListAsync());
        Assert.Contains("network.organisation.created", audits);
        Assert.Contains("network.organisation.edited", audits);
    }

    [Theory]
    [InlineData("fi", "Valittua kuntaa ei löydy")]
    [InlineData("sv", "Okänd kommunkod")]
    public async Task An_unknown_municipality_code_is_refused_with_a_translated_message(string language, string message)
    {
        var client = host.Client(await host.CreateUserAsync("Koordinaattori", Roles.Coordinator));
        var name = "Kunnaton " + Guid.NewGuid().ToString("N")[..6];

        var response = await client.PostFormAsync($"/network/organisations/new?culture={language}", Fields(name, municipality: "999"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var link = page.QuerySelector(".error-summary a[href='#Input_MunicipalityCode']");
        Assert.NotNull(link);
        Assert.Contains(message, link.TextContent);
        Assert.Equal(0, await CountAsync(name));
    }

    [Fact]
    public async Task An_overlong_name_and_a_javascript_address_are_refused_and_nothing_is_saved()
    {
        var client = host.Client(await host.CreateUserAsync("Koordinaattori", Roles.Coordinator));
        var name = new string('Ä', 201);

        var response = await client.PostFormAsync("/network/organisations/new?culture=en", Fields(name, website: "javascript:alert(1)"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("Name in Finnish can be at most 200 characters.", summary);
        Assert.Contains("Write the website address as https://example.fi", summary);
        Assert.Equal(0, await CountAsync(name));
    }

    [Fact]
    public async Task A_missing_name_gets_the_required_message()
    {
        var client = host.Client(await host.CreateUserAsync("Koordinaattori", Roles.Coordinator));

        var response = await client.PostFormAsync("/network/organisations/new", Fields(""));

        Assert.Contains("Täytä kenttä ”Nimi suomeksi”.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_same_organisation_sent_twice_is_saved_once_and_the_second_gets_a_message()
    {
        var client = host.Client(await host.CreateUserAsync("Koordinaattori", Roles.Coordinator));
        var name = "Kahdesti Lähetetty " + Guid.NewGuid().ToString("N")[..6];

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/network/organisations/new", Fields(name))).StatusCode);
        var again = await client.PostFormAsync("/network/organisations/new?culture=en", Fields(name));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var link = new HtmlParser().ParseDocument(await again.Content.ReadAsStringAsync())
            .QuerySelector(".error-summary a[href='#Input_NameFi']");
        Assert.Contains("The network already has an organisation with the same or almost the same name.", link?.TextContent);
        Assert.Equal(1, await CountAsync(name));
    }

    [Fact]
    public async Task The_same_organisation_sent_several_times_at_once_is_saved_once_without_an_error_page()
    {
        var client = host.Client(await host.CreateUserAsync("Koordinaattori", Roles.Coordinator));
        var name = "Kiireinen Yhdistys " + Guid.NewGuid().ToString("N")[..6];

        var responses = await client.PostFormAtOnceAsync("/network/organisations/new", 6, Fields(name));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Redirect), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, await CountAsync(name));
    }

    [Fact]
    public async Task A_slug_saved_twice_is_recognised_as_the_double_submit_the_forms_answer_with_a_message()
    {
        // The race the forms guard against cannot be timed in a test, so its failure is made directly on this engine.
        var slug = "sama-" + Guid.NewGuid().ToString("N")[..8];
        await host.WithDbAsync(async db =>
        {
            db.Organisations.Add(new Yhdessa.Features.Network.Data.Organisation { Slug = slug, NameFi = slug });
            await db.SaveChangesAsync();
        });

        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => host.WithDbAsync(async db =>
        {
            db.Organisations.Add(new Yhdessa.Features.Network.Data.Organisation { Slug = slug, NameFi = slug });
            await db.SaveChangesAsync();
        }));
        Assert.True(Yhdessa.Platform.Data.DatabaseErrors.IsUniqueViolation(failure));
    }

    [Theory]
    [InlineData("/network/organisations/new")]
    [InlineData("/network/groups/new")]
    public async Task Coordinator_pages_forbid_members_and_send_visitors_to_sign_in(string url)
    {
        var member = await host.CreateUserAsync("Jäsen", Roles.Member);

        NetworkTestHost.AssertForbidden(await host.Client(member).GetAsync(url));
        NetworkTestHost.AssertSignInRedirect(await host.Client().GetAsync(url));
    }
}
