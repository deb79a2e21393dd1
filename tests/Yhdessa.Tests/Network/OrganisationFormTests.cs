using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Tests.Network;

public sealed class OrganisationFormOnSqlite(SqliteApp app) : OrganisationFormTests(app), IClassFixture<SqliteApp>;
public sealed class OrganisationFormOnPostgres(PostgresApp app) : OrganisationFormTests(app), IClassFixture<PostgresApp>;

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
    [InlineData("fi", "Tuntematon kuntakoodi")]
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

        Assert.Contains("Täytä kenttä Nimi suomeksi.", await response.Content.ReadAsStringAsync());
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
