using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Tests.Network;

[Collection("Network on SQLite")]
public sealed class ProfilesOnSqlite(SqliteApp app) : ProfileTests(app);
[Collection("Network on PostgreSQL")]
public sealed class ProfilesOnPostgres(PostgresApp app) : ProfileTests(app);

public abstract class ProfileTests(YhdessaApp app)
{
    private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host = NetworkTestHost.For(app);

    private Task<PersonProfile?> ProfileAsync(string userId) =>
        host.WithDbAsync(db => db.PersonProfiles.AsNoTracking().Include(p => p.Affiliations).FirstOrDefaultAsync(p => p.UserId == userId));

    private async Task<int> OrganisationAsync()
    {
        return await host.WithDbAsync(async db =>
        {
            var o = new Organisation { Slug = "profiili-" + Guid.NewGuid().ToString("N")[..8], Sector = Sector.Ngo };
            o.SetNames("Profiilijärjestö", null, null);
            db.Organisations.Add(o);
            await db.SaveChangesAsync();
            return o.Id;
        });
    }

    [Fact]
    public async Task A_new_profile_is_private_and_hidden_from_visitors_and_other_members()
    {
        var ownerId = await host.CreateUserAsync("Yksityinen Ihminen");
        var owner = host.Client(ownerId);
        var form = await owner.GetStringAsync("/network/profile");
        Assert.DoesNotContain("checked", form);

        await owner.PostFormAsync("/network/profile", ("Input.Expertise", "asunto ensin"), ("Input.About", "Minusta"));
        var profile = await ProfileAsync(ownerId);
        Assert.NotNull(profile);
        Assert.False(profile.IsPublic);

        Assert.Equal(HttpStatusCode.NotFound, (await host.Client().GetAsync($"/network/people/{profile.Id}")).StatusCode);
        var other = host.Client(await host.CreateUserAsync("Utelias Jäsen"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/network/people/{profile.Id}")).StatusCode);
        Assert.Contains("Profiilisi ei ole julkinen", await owner.GetStringAsync($"/network/people/{profile.Id}"));
    }

    [Fact]
    public async Task A_person_who_opts_in_is_shown_with_their_organisation_and_normalised_tags()
    {
        var organisationId = await OrganisationAsync();
        var ownerId = await host.CreateUserAsync("Julkinen Ihminen");
        var owner = host.Client(ownerId);

        var saved = await owner.PostFormAsync("/network/profile", ("Input.IsPublic", "true"), ("Input.Expertise", " Asunto  ENSIN, asunto ensin; Päihdetyö"),
            ("Input.Affiliations[0].OrganisationId", organisationId.ToString()), ("Input.Affiliations[0].Title", "Ohjaaja"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var profile = (await ProfileAsync(ownerId))!;
        Assert.Equal(["asunto ensin", "päihdetyö"], profile.Expertise);
        var page = await host.Client().GetStringAsync($"/network/people/{profile.Id}");
        Assert.Contains("<h1>Julkinen Ihminen</h1>", page);
        Assert.Contains("Profiilijärjestö", page);
        Assert.Contains("asunto ensin", page);
        Assert.Contains("Julkinen Ihminen</a>, Ohjaaja", await host.Client().GetStringAsync($"/network/organisations/{organisationId}"));
    }

    [Fact]
    public async Task Only_the_person_can_say_they_are_an_expert_by_experience()
    {
        var personId = await host.CreateUserAsync("Kokemus Asiantuntija");
        var person = host.Client(personId);
        await person.PostFormAsync("/network/profile", ("Input.IsPublic", "true"));
        var profileId = (await ProfileAsync(personId))!.Id;

        // Someone else, even a coordinator, posting the form with the person's ids only edits their own profile.
        var coordinatorId = await host.CreateUserAsync("Koordinaattori", Roles.Coordinator);
        await host.Client(coordinatorId).PostFormAsync("/network/profile", ("Input.IsExpertByExperience", "true"),
            ("UserId", personId), ("Input.UserId", personId), ("ProfileId", profileId.ToString()), ("id", profileId.ToString()));
        Assert.False((await ProfileAsync(personId))!.IsExpertByExperience);
        Assert.True((await ProfileAsync(coordinatorId))!.IsExpertByExperience);

        await person.PostFormAsync("/network/profile", ("Input.IsPublic", "true"), ("Input.IsExpertByExperience", "true"));
        Assert.True((await ProfileAsync(personId))!.IsExpertByExperience);
        Assert.Contains("Kokemusasiantuntija", await host.Client().GetStringAsync($"/network/people/{profileId}"));
    }

    [Fact]
    public async Task Too_many_tags_an_unknown_organisation_and_an_overlong_text_are_refused()
    {
        var personId = await host.CreateUserAsync("Liian Innokas");
        var tags = string.Join(", ", Enumerable.Range(1, 13).Select(i => "aihe" + i));

        var response = await host.Client(personId).PostFormAsync("/network/profile?culture=en", ("Input.Expertise", tags),
            ("Input.About", new string('x', 1001)), ("Input.Affiliations[0].OrganisationId", "999999"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("You can add at most 12 tags.", html);
        Assert.Contains("The chosen organisation does not exist.", html);
        Assert.Contains("About me can be at most 1000 characters.", html);
        Assert.Null(await ProfileAsync(personId));
    }

    [Fact]
    public async Task The_profile_page_needs_a_signed_in_person()
    {
        NetworkTestHost.AssertSignInRedirect(await host.Client().GetAsync("/network/profile"));
    }

    [Fact]
    public async Task Personal_data_export_has_the_profile_and_groups_and_erasure_removes_them()
    {
        var organisationId = await OrganisationAsync();
        var personId = await host.CreateUserAsync("Poistuva Ihminen");
        await host.Client(personId).PostFormAsync("/network/profile", ("Input.IsPublic", "true"), ("Input.Expertise", "vertaistuki"),
            ("Input.Affiliations[0].OrganisationId", organisationId.ToString()), ("Input.Affiliations[0].Title", "Vertainen"));
        var groupId = await host.WithDbAsync(async db =>
        {
            var group = new Group { Slug = "poisto-" + Guid.NewGuid().ToString("N")[..8], NameFi = "Poistoryhmä", Kind = GroupKind.Other };
            db.Groups.Add(group);
            await db.SaveChangesAsync();
            db.GroupMemberships.Add(new GroupMembership { GroupId = group.Id, UserId = personId, Status = MembershipStatus.Member });
            await db.SaveChangesAsync();
            return group.Id;
        });

        using var scope = host.Services.CreateScope();
        var holder = scope.ServiceProvider.GetServices<IPersonalDataHolder>().Single(h => h.Section == "network");
        var export = JsonSerializer.Serialize(await holder.ExportAsync(personId, default),
            new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) });
        Assert.Contains("vertaistuki", export);
        Assert.Contains("Vertainen", export);
        Assert.Contains("Poistoryhmä", export);

        await holder.EraseAsync(personId, default);
        Assert.Null(await ProfileAsync(personId));
        Assert.False(await host.WithDbAsync(db => db.GroupMemberships.AnyAsync(m => m.UserId == personId)));
        Assert.True(await host.WithDbAsync(db => db.Groups.AnyAsync(g => g.Id == groupId)));
        Assert.Null(await holder.ExportAsync(personId, default));
    }
}
