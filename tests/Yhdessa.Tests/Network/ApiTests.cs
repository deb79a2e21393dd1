using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Network.Data;

namespace Yhdessa.Tests.Network;

[Collection("Network on SQLite")]
public sealed class NetworkApiOnSqlite(SqliteApp app) : NetworkApiTests(app);
[Collection("Network on PostgreSQL")]
public sealed class NetworkApiOnPostgres(PostgresApp app) : NetworkApiTests(app);

public abstract class NetworkApiTests(YhdessaApp app)
{
    private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host = NetworkTestHost.For(app);

    /// <summary>An organisation with one private and one public person, both members of a public group.</summary>
    private async Task<(int OrganisationId, string PrivateName, string PrivateEmail, string PublicName)> SeedAsync()
    {
        var privateName = "Salainen Henkilö " + Guid.NewGuid().ToString("N")[..6];
        var publicName = "Julkinen Henkilö " + Guid.NewGuid().ToString("N")[..6];
        var privateId = await host.CreateUserAsync(privateName);
        var publicId = await host.CreateUserAsync(publicName);
        return await host.WithDbAsync(async db =>
        {
            var organisation = new Organisation { Slug = "api-" + Guid.NewGuid().ToString("N")[..8], Sector = Sector.Ngo, MunicipalityCode = "853" };
            organisation.SetNames("Rajapintasäätiö", "API-stiftelsen", null);
            var group = new Group { Slug = "api-" + Guid.NewGuid().ToString("N")[..8], NameFi = "Rajapintaryhmä", Kind = GroupKind.Other, Visibility = MembershipVisibility.Public };
            db.AddRange(organisation, group);
            await db.SaveChangesAsync();
            db.PersonProfiles.Add(new PersonProfile { UserId = privateId, Affiliations = [new Affiliation { OrganisationId = organisation.Id, Title = "Salainen titteli" }] });
            db.PersonProfiles.Add(new PersonProfile { UserId = publicId, IsPublic = true, Affiliations = [new Affiliation { OrganisationId = organisation.Id, Title = "Julkinen titteli" }] });
            db.GroupMemberships.Add(new GroupMembership { GroupId = group.Id, UserId = privateId, Status = MembershipStatus.Member });
            db.GroupMemberships.Add(new GroupMembership { GroupId = group.Id, UserId = publicId, Status = MembershipStatus.Member });
            await db.SaveChangesAsync();
            var email = await db.Users.Where(u => u.Id == privateId).Select(u => u.Email!).SingleAsync();
            return (organisation.Id, privateName, email, publicName);
        });
    }

    [Fact]
    public async Task Organisations_come_as_total_and_items_and_filter_like_the_directory()
    {
        var seeded = await SeedAsync();
        var client = host.Client();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/organisations?q=RAJAPINTASÄÄTIÖ&municipality=853&sector=ngo&pageSize=100"));
        Assert.True(json.RootElement.GetProperty("total").GetInt32() >= 1);
        var item = json.RootElement.GetProperty("items").EnumerateArray().First(i => i.GetProperty("id").GetInt32() == seeded.OrganisationId);
        Assert.Equal("Rajapintasäätiö", item.GetProperty("nameFi").GetString());
        Assert.Equal("API-stiftelsen", item.GetProperty("nameSv").GetString());
        Assert.Equal("Turku", item.GetProperty("municipality").GetString());

        using var one = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/organisations/{seeded.OrganisationId}"));
        Assert.Equal("Varsinais-Suomen hyvinvointialue", one.RootElement.GetProperty("wellbeingServicesCounty").GetString());
    }

    [Theory]
    [InlineData("/api/v1/organisations?pageSize=101")]
    [InlineData("/api/v1/organisations?municipality=999")]
    [InlineData("/api/v1/organisations?sector=bank")]
    public async Task Bad_parameters_are_refused_with_a_reason(string url)
    {
        var response = await host.Client().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("errors", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task No_private_person_and_no_email_ever_appears_in_the_api_or_on_public_pages()
    {
        var seeded = await SeedAsync();
        var client = host.Client();
        var organisation = await client.GetStringAsync($"/api/v1/organisations/{seeded.OrganisationId}");
        var list = await client.GetStringAsync("/api/v1/organisations?pageSize=100");
        var groups = await client.GetStringAsync("/api/v1/groups");
        var page = await client.GetStringAsync($"/network/organisations/{seeded.OrganisationId}");

        foreach (var text in new[] { organisation, list, groups, page })
        {
            Assert.DoesNotContain(seeded.PrivateName, text);
            Assert.DoesNotContain("Salainen titteli", text);
            Assert.DoesNotContain(seeded.PrivateEmail, text);
            Assert.DoesNotContain("@example.org", text);
        }
        Assert.Contains(seeded.PublicName, page);
        Assert.Contains("Julkinen titteli", page);
        Assert.DoesNotContain(seeded.PublicName, groups);
    }

    [Theory]
    [InlineData("/api/v1/organisations?pageSize=101", "pageSize", "Parametrin pageSize pitää olla välillä 1–100.", "Hakuehdoissa on virheitä.")]
    [InlineData("/api/v1/organisations?municipality=999&culture=sv", "municipality", "Okänd kommunkod", "Sökvillkoren innehåller fel.")]
    [InlineData("/api/v1/organisations?sector=bank&culture=en", "sector", "Unknown sector. Use one of: Ngo, City", "The query has errors.")]
    [InlineData("/api/v1/organisations?page=0&culture=en", "page", "page must be 1 or more.", "The query has errors.")]
    public async Task Bad_parameters_are_explained_in_the_language_asked_for(string url, string field, string message, string title)
    {
        var response = await host.Client().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(title, json.RootElement.GetProperty("title").GetString());
        Assert.Contains(message, json.RootElement.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task An_api_client_gets_its_Accept_Language()
    {
        var client = host.Client();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv-FI");

        using var json = JsonDocument.Parse(await (await client.GetAsync("/api/v1/organisations?pageSize=0")).Content.ReadAsStringAsync());

        Assert.Equal("Parametern pageSize ska vara 1–100.", json.RootElement.GetProperty("errors").GetProperty("pageSize")[0].GetString());
    }

    [Fact]
    public async Task Groups_list_their_member_counts_only()
    {
        await SeedAsync();
        using var json = JsonDocument.Parse(await host.Client().GetStringAsync("/api/v1/groups"));

        var group = json.RootElement.GetProperty("items").EnumerateArray().First(g => g.GetProperty("nameFi").GetString() == "Rajapintaryhmä");
        Assert.Equal(2, group.GetProperty("memberCount").GetInt32());
        Assert.False(group.TryGetProperty("members", out _));
    }

    [Fact]
    public async Task The_api_is_described_in_OpenAPI()
    {
        using var json = JsonDocument.Parse(await host.Client().GetStringAsync("/openapi/v1.json"));
        var paths = json.RootElement.GetProperty("paths");

        Assert.True(paths.TryGetProperty("/api/v1/organisations", out var list));
        Assert.Equal("ListOrganisations", list.GetProperty("get").GetProperty("operationId").GetString());
        Assert.True(paths.TryGetProperty("/api/v1/organisations/{key}", out _));
        Assert.True(paths.TryGetProperty("/api/v1/groups", out _));
    }
}
