using System.Net;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Tests.Network;

[Collection("Network on SQLite")]
public sealed class GroupsOnSqlite(SqliteApp app) : GroupTests(app);
[Collection("Network on PostgreSQL")]
public sealed class GroupsOnPostgres(PostgresApp app) : GroupTests(app);

public abstract class GroupTests(YhdessaApp app)
{
    private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host = NetworkTestHost.For(app);

    private async Task<string> GroupAsync(Joining joining, MembershipVisibility visibility = MembershipVisibility.Public, string? adminId = null)
    {
        var slug = "ryhma-" + Guid.NewGuid().ToString("N")[..8];
        await host.WithDbAsync(async db =>
        {
            var group = new Group { Slug = slug, NameFi = "Testiryhmä " + slug, Kind = GroupKind.ThematicGroup, Joining = joining, Visibility = visibility };
            db.Groups.Add(group);
            await db.SaveChangesAsync();
            if (adminId is not null)
                db.GroupMemberships.Add(new GroupMembership { GroupId = group.Id, UserId = adminId, Status = MembershipStatus.Member, IsGroupAdmin = true });
            await db.SaveChangesAsync();
        });
        return slug;
    }

    private Task<GroupMembership?> MembershipAsync(string slug, string userId) =>
        host.WithDbAsync(db => (from m in db.GroupMemberships
                                join g in db.Groups on m.GroupId equals g.Id
                                where g.Slug == slug && m.UserId == userId
                                select m).AsNoTracking().FirstOrDefaultAsync());

    /// <summary>Presses the page's button for <paramref name="handler"/>: it must be on the page the person sees.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string slug, string handler, params (string, string)[] fields)
    {
        var target = $"/network/groups/{slug}?handler={handler}";
        Assert.Contains($"=\"{target}\"", await client.GetStringAsync($"/network/groups/{slug}"));
        return await client.PostFormAsync($"/network/groups/{slug}", fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)), target);
    }

    /// <summary>A post that the page does not offer to this person: a tampered or stale form.</summary>
    private static Task<HttpResponseMessage> TamperedPostAsync(HttpClient client, string slug, string handler, params (string, string)[] fields) =>
        client.PostFormAsync($"/network/groups/{slug}", fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)),
            $"/network/groups/{slug}?handler={handler}");

    [Fact]
    public async Task A_member_joins_an_open_group_and_leaves_it()
    {
        var slug = await GroupAsync(Joining.Open);
        var memberId = await host.CreateUserAsync("Liittyvä Jäsen");
        var client = host.Client(memberId);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, slug, "Join")).StatusCode);
        Assert.Equal(MembershipStatus.Member, (await MembershipAsync(slug, memberId))?.Status);
        Assert.Contains("Olet ryhmän jäsen.", await client.GetStringAsync($"/network/groups/{slug}"));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, slug, "Leave")).StatusCode);
        Assert.Null(await MembershipAsync(slug, memberId));
        Assert.Contains("Liity ryhmään", await client.GetStringAsync($"/network/groups/{slug}"));
    }

    [Fact]
    public async Task Joining_a_group_that_needs_approval_by_a_tampered_post_is_refused()
    {
        var slug = await GroupAsync(Joining.ByApproval);
        var memberId = await host.CreateUserAsync("Oikotie");
        var client = host.Client(memberId);

        Assert.DoesNotContain("handler=Join", await client.GetStringAsync($"/network/groups/{slug}"));
        var response = await TamperedPostAsync(client, slug, "Join");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Tähän ryhmään liitytään vain hyväksynnällä.", await response.Content.ReadAsStringAsync());
        Assert.Null(await MembershipAsync(slug, memberId));
    }

    [Fact]
    public async Task A_request_is_approved_by_a_group_admin()
    {
        var adminId = await host.CreateUserAsync("Ryhmän Vetäjä");
        var slug = await GroupAsync(Joining.ByApproval, adminId: adminId);
        var memberId = await host.CreateUserAsync("Hakija Hyväksytty");

        await PostAsync(host.Client(memberId), slug, "Request");
        Assert.Equal(MembershipStatus.Requested, (await MembershipAsync(slug, memberId))?.Status);
        var adminView = await host.Client(adminId).GetStringAsync($"/network/groups/{slug}");
        Assert.Contains("Hakija Hyväksytty", adminView);

        var approved = await PostAsync(host.Client(adminId), slug, "Decide", ("userId", memberId), ("decision", "Approve"));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(MembershipStatus.Member, (await MembershipAsync(slug, memberId))?.Status);
        Assert.Contains("Olet ryhmän jäsen.", await host.Client(memberId).GetStringAsync($"/network/groups/{slug}"));
    }

    [Fact]
    public async Task A_declined_request_leaves_no_membership_and_a_cancelled_one_neither()
    {
        var coordinatorId = await host.CreateUserAsync("Koordinaattori", Roles.Coordinator);
        var slug = await GroupAsync(Joining.ByApproval);
        var declinedId = await host.CreateUserAsync("Hakija Hylätty");
        var cancellingId = await host.CreateUserAsync("Hakija Perunut");

        await PostAsync(host.Client(declinedId), slug, "Request");
        await PostAsync(host.Client(coordinatorId), slug, "Decide", ("userId", declinedId), ("decision", "Decline"));
        Assert.Null(await MembershipAsync(slug, declinedId));

        await PostAsync(host.Client(cancellingId), slug, "Request");
        Assert.Contains("Liittymispyyntösi odottaa käsittelyä.", await host.Client(cancellingId).GetStringAsync($"/network/groups/{slug}"));
        await PostAsync(host.Client(cancellingId), slug, "Cancel");
        Assert.Null(await MembershipAsync(slug, cancellingId));
    }

    [Fact]
    public async Task A_member_who_is_not_a_group_admin_cannot_approve_or_make_admins()
    {
        var slug = await GroupAsync(Joining.ByApproval);
        var ordinaryId = await host.CreateUserAsync("Tavallinen Jäsen");
        await host.WithDbAsync(async db =>
        {
            var group = await db.Groups.SingleAsync(g => g.Slug == slug);
            db.GroupMemberships.Add(new GroupMembership { GroupId = group.Id, UserId = ordinaryId, Status = MembershipStatus.Member });
            await db.SaveChangesAsync();
        });
        var applicantId = await host.CreateUserAsync("Hakija Odottaa");
        await PostAsync(host.Client(applicantId), slug, "Request");

        NetworkTestHost.AssertForbidden(await TamperedPostAsync(host.Client(ordinaryId), slug, "Decide", ("userId", applicantId), ("decision", "Approve")));
        NetworkTestHost.AssertForbidden(await TamperedPostAsync(host.Client(ordinaryId), slug, "Decide", ("userId", ordinaryId), ("decision", "MakeAdmin")));
        Assert.Equal(MembershipStatus.Requested, (await MembershipAsync(slug, applicantId))?.Status);
        Assert.False((await MembershipAsync(slug, ordinaryId))!.IsGroupAdmin);
        Assert.DoesNotContain("Hakija Odottaa", await host.Client(ordinaryId).GetStringAsync($"/network/groups/{slug}"));
    }

    [Fact]
    public async Task A_group_admin_makes_a_member_a_group_admin()
    {
        var adminId = await host.CreateUserAsync("Vetäjä");
        var slug = await GroupAsync(Joining.Open, adminId: adminId);
        var memberId = await host.CreateUserAsync("Uusi Vetäjä");
        await PostAsync(host.Client(memberId), slug, "Join");

        await PostAsync(host.Client(adminId), slug, "Decide", ("userId", memberId), ("decision", "MakeAdmin"));

        Assert.True((await MembershipAsync(slug, memberId))!.IsGroupAdmin);
        Assert.Contains("Olet ryhmän jäsen ja ylläpitäjä.", await host.Client(memberId).GetStringAsync($"/network/groups/{slug}"));

        // The new admin can take the rights back from the first one, as a coordinator could.
        await PostAsync(host.Client(memberId), slug, "Decide", ("userId", adminId), ("decision", "RemoveAdmin"));
        Assert.False((await MembershipAsync(slug, adminId))!.IsGroupAdmin);
        Assert.Contains("Olet ryhmän jäsen.", await host.Client(adminId).GetStringAsync($"/network/groups/{slug}"));
    }

    [Fact]
    public async Task A_group_that_shows_members_only_to_its_members_hides_them_from_others()
    {
        var insiderId = await host.CreateUserAsync("Sisäpiiri Jäsen");
        var slug = await GroupAsync(Joining.ByApproval, MembershipVisibility.GroupMembers, adminId: insiderId);
        var outsiderId = await host.CreateUserAsync("Ulkopuolinen");

        Assert.DoesNotContain("Sisäpiiri Jäsen", await host.Client().GetStringAsync($"/network/groups/{slug}"));
        Assert.DoesNotContain("Sisäpiiri Jäsen", await host.Client(outsiderId).GetStringAsync($"/network/groups/{slug}"));
        Assert.Contains("Sisäpiiri Jäsen", await host.Client(insiderId).GetStringAsync($"/network/groups/{slug}"));
    }

    [Fact]
    public async Task A_private_member_is_named_only_to_coordinators_and_the_groups_own_members()
    {
        var privateId = await host.CreateUserAsync("Yksityinen Henkilö");
        var publicId = await host.CreateUserAsync("Julkinen Henkilö");
        var slug = await GroupAsync(Joining.Open, MembershipVisibility.SignedInMembers, adminId: privateId);
        await host.WithDbAsync(async db =>
        {
            var group = await db.Groups.FirstAsync(g => g.Slug == slug);
            db.GroupMemberships.Add(new GroupMembership { GroupId = group.Id, UserId = publicId, Status = MembershipStatus.Member });
            db.PersonProfiles.Add(new PersonProfile { UserId = publicId, IsPublic = true });
            await db.SaveChangesAsync();
        });
        var strangerId = await host.CreateUserAsync("Vasta Rekisteröitynyt");
        var coordinatorId = await host.CreateUserAsync("Koordinaattori", Roles.Coordinator);

        // Anyone can sign up, so a signed-in stranger sees only public profiles by name and counts the rest.
        var stranger = await host.Client(strangerId).GetStringAsync($"/network/groups/{slug}");
        Assert.DoesNotContain("Yksityinen Henkilö", stranger);
        Assert.Contains("Julkinen Henkilö", stranger);
        Assert.Contains("Muita jäseniä, joiden profiili ei ole julkinen: 1.", stranger);
        // The group's own members and the coordinators see everyone.
        Assert.Contains("Yksityinen Henkilö", await host.Client(publicId).GetStringAsync($"/network/groups/{slug}"));
        Assert.Contains("Yksityinen Henkilö", await host.Client(coordinatorId).GetStringAsync($"/network/groups/{slug}"));
        // Anonymous visitors see no one: the group shows its members to signed-in people only.
        var anonymous = await host.Client().GetStringAsync($"/network/groups/{slug}");
        Assert.DoesNotContain("Julkinen Henkilö", anonymous);
        Assert.DoesNotContain("Yksityinen Henkilö", anonymous);
    }

    [Fact]
    public async Task A_public_group_names_to_visitors_only_the_members_with_a_public_profile()
    {
        var privateId = await host.CreateUserAsync("Piilossa Pysyvä");
        var publicId = await host.CreateUserAsync("Näkyvä Jäsen");
        var slug = await GroupAsync(Joining.Open, MembershipVisibility.Public, adminId: privateId);
        await host.WithDbAsync(async db =>
        {
            var group = await db.Groups.FirstAsync(g => g.Slug == slug);
            db.GroupMemberships.Add(new GroupMembership { GroupId = group.Id, UserId = publicId, Status = MembershipStatus.Member });
            db.PersonProfiles.Add(new PersonProfile { UserId = publicId, IsPublic = true });
            await db.SaveChangesAsync();
        });

        var page = await host.Client().GetStringAsync($"/network/groups/{slug}?culture=en");

        Assert.Contains("Näkyvä Jäsen", page);
        Assert.DoesNotContain("Piilossa Pysyvä", page);
        Assert.Contains("Other members whose profile is not public: 1.", page);
    }

    [Fact]
    public async Task Anonymous_visitors_are_asked_to_sign_in_to_join()
    {
        var slug = await GroupAsync(Joining.Open);
        var client = host.Client();

        var page = await client.GetStringAsync($"/network/groups/{slug}");

        Assert.Contains($"<a href=\"/account/sign-in?returnUrl=%2Fnetwork%2Fgroups%2F{slug}\">Kirjaudu sisään liittyäksesi ryhmään</a>", page);
        Assert.DoesNotContain("Liity ryhmään", page);
    }

    [Fact]
    public async Task A_coordinator_creates_a_group_and_an_empty_choice_is_refused()
    {
        var client = host.Client(await host.CreateUserAsync("Koordinaattori", Roles.Coordinator));
        var name = "Uusi teemaryhmä " + Guid.NewGuid().ToString("N")[..6];

        var refused = await client.PostFormAsync("/network/groups/new", ("Input.NameFi", name), ("Input.Kind", "ThematicGroup"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Täytä kenttä ”Liittymistapa”.", await refused.Content.ReadAsStringAsync());

        var created = await client.PostFormAsync("/network/groups/new", ("Input.NameFi", name), ("Input.Kind", "ThematicGroup"),
            ("Input.Joining", "Open"), ("Input.Visibility", "Public"), ("Input.DescriptionFi", "Kuvaus"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains($"<h1>{name}</h1>", await host.Client().GetStringAsync(NetworkTestHost.LocalPath(created)));
        Assert.Contains(name, await host.Client().GetStringAsync("/network/groups"));
    }

    [Fact]
    public async Task The_same_group_sent_twice_is_saved_once_and_the_second_gets_a_message()
    {
        var client = host.Client(await host.CreateUserAsync("Koordinaattori", Roles.Coordinator));
        var name = "Tuplaryhmä " + Guid.NewGuid().ToString("N")[..6];
        (string, string)[] fields = [("Input.NameFi", name), ("Input.Kind", "ThematicGroup"), ("Input.Joining", "Open"), ("Input.Visibility", "Public")];

        var responses = await client.PostFormAtOnceAsync("/network/groups/new", 4, fields);
        var again = await client.PostFormAsync("/network/groups/new?culture=sv", fields);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Redirect), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Nätverket har redan en grupp med samma eller nästan samma namn.", await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await host.WithDbAsync(db => db.Groups.CountAsync(g => g.NameFi == name)));
    }

    [Fact]
    public async Task Joining_with_several_posts_at_once_makes_one_membership_and_no_error_page()
    {
        var slug = await GroupAsync(Joining.Open);
        var memberId = await host.CreateUserAsync("Kärsimätön Jäsen");

        var responses = await host.Client(memberId).PostFormAtOnceAsync($"/network/groups/{slug}", 6, [],
            $"/network/groups/{slug}?handler=Join");

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await host.WithDbAsync(db => db.GroupMemberships.CountAsync(m => m.UserId == memberId)));
    }
}
