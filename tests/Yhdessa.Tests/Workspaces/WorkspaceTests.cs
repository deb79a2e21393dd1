using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Network;

namespace Yhdessa.Tests.Workspaces;

[Collection("Workspaces on SQLite")]
public sealed class WorkspaceOnSqlite(SqliteApp app) : WorkspaceTests(app);
[Collection("Workspaces on PostgreSQL")]
public sealed class WorkspaceOnPostgres(PostgresApp app) : WorkspaceTests(app);

/// <summary>Creating a workspace, its people and invitations, and the rules that keep them right.</summary>
public abstract class WorkspaceTests(YhdessaApp app)
{
    private readonly WebApplicationFactory<Program> host = NetworkTestHost.For(app);
    private WorkspaceTestKit Kit => new(host);

    [Fact]
    public async Task A_coordinator_creates_a_workspace_whose_lead_with_an_account_takes_part_at_once_and_a_new_lead_is_invited_by_mail()
    {
        var coordinator = await Kit.CoordinatorAsync();
        var (leadId, leadEmail) = await Kit.PersonAsync("Liisa Vetäjä");
        var newcomer = $"{Guid.NewGuid():N}@example.org";
        var name = WorkspaceTestKit.Unique("Asumisen polut");

        var slug = await Kit.CreateAsync(coordinator, name, leadEmail, newcomer);

        var lead = host.Client(leadId);
        var page = await lead.GetStringAsync($"/workspaces/{slug}?culture=fi");
        Assert.Contains(name, page);
        Assert.Contains("Kehitetään yhdessä", page);
        Assert.Contains(name, await lead.GetStringAsync("/workspaces?culture=fi"));
        var people = await lead.GetStringAsync($"/workspaces/{slug}/people?culture=fi");
        Assert.Contains("Liisa Vetäjä", people);
        Assert.Contains(newcomer, people); // the open invitation, seen by the lead
        var mail = Assert.Single(await Kit.MailToAsync(newcomer));
        Assert.Contains(name, mail.Subject);
        Assert.Matches("/workspaces/join/[A-Za-z0-9_-]{40,}", mail.TextBody);
        Assert.Contains("Vetäjä", mail.TextBody);
    }

    [Fact]
    public async Task A_new_workspace_with_bad_input_is_refused_with_every_fault_named_and_nothing_is_saved()
    {
        var coordinator = host.Client(await Kit.CoordinatorAsync());
        var name = WorkspaceTestKit.Unique("Virheellinen");
        var response = await coordinator.PostFormAsync("/workspaces/new?culture=fi",
            ("Input.Name", name), ("Input.Purpose", " "), ("Input.Method", "Project"), ("Input.Status", "Active"),
            ("Input.StartsOn", "2026-05-01"), ("Input.EndsOn", "2026-04-01"), ("Leads", "ei-osoite"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Kirjoita työtilan tarkoitus.", html);
        Assert.True(html.Contains("Päättymispäivä ei voi olla ennen alkamispäivää."), html[html.IndexOf("<main")..]);
        Assert.Contains("”ei-osoite” ei ole sähköpostiosoite.", html);
        Assert.Contains(name, html); // what was typed stays in the form
        Assert.False(await host.WithDbAsync(db => db.Workspaces.AnyAsync(w => w.Name == name)));

        var member = await Kit.PersonAsync("Jäsen");
        NetworkTestHost.AssertForbidden(await host.Client(member.Id).GetAsync("/workspaces/new"));
    }

    [Fact]
    public async Task A_lead_invites_by_email_and_the_invitation_joins_only_the_account_with_that_address()
    {
        var coordinator = await Kit.CoordinatorAsync();
        var (leadId, leadEmail) = await Kit.PersonAsync("Vetäjä");
        var slug = await Kit.CreateAsync(coordinator, WorkspaceTestKit.Unique("Kutsut"), leadEmail);
        var lead = host.Client(leadId);
        var (inviteeId, inviteeEmail) = await Kit.PersonAsync("Kutsuttu Kumppani");
        var (otherId, _) = await Kit.PersonAsync("Joku Muu");

        var sent = await lead.PostFormAsync($"/workspaces/{slug}/people", [new("Email", inviteeEmail.ToUpperInvariant()), new("Role", "Member")],
            $"/workspaces/{slug}/people?handler=Invite");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var again = await lead.PostFormAsync($"/workspaces/{slug}/people?culture=fi", [new("Email", inviteeEmail), new("Role", "Observer")],
            $"/workspaces/{slug}/people?handler=Invite&culture=fi");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("on jo lähetetty kutsu", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));

        var link = Regex.Match((await Kit.MailToAsync(inviteeEmail.ToUpperInvariant())).Single().TextBody, "(/workspaces/join/[A-Za-z0-9_-]+)").Groups[1].Value;
        // Signed out: the page asks to sign in with the invited address; another account cannot use the link.
        Assert.Contains("Kirjaudu sisään ja liity", await host.Client().GetStringAsync(link + "?culture=fi"));
        var wrong = await host.Client(otherId).PostFormAsync(link + "?culture=fi", []);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Kutsu lähetettiin osoitteeseen", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client(otherId).GetAsync($"/workspaces/{slug}")).StatusCode);

        var joined = await host.Client(inviteeId).PostFormAsync(link, []);
        Assert.Equal($"/workspaces/{slug}", NetworkTestHost.LocalPath(joined));
        Assert.Contains("Kutsuttu Kumppani", await lead.GetStringAsync($"/workspaces/{slug}/people"));
        // Used once: the link is no longer valid, and the address now takes part, so it is not invited again.
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client(inviteeId).GetAsync(link)).StatusCode);
        var twice = await lead.PostFormAsync($"/workspaces/{slug}/people?culture=fi", [new("Email", inviteeEmail), new("Role", "Member")],
            $"/workspaces/{slug}/people?handler=Invite&culture=fi");
        Assert.Contains("Tällä osoitteella on jo osallistuja", WebUtility.HtmlDecode(await twice.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Someone_who_signs_up_after_the_invitation_finds_it_waiting_on_the_workspaces_page()
    {
        var coordinator = await Kit.CoordinatorAsync();
        var (leadId, leadEmail) = await Kit.PersonAsync("Vetäjä");
        var name = WorkspaceTestKit.Unique("Uusi tulija");
        var slug = await Kit.CreateAsync(coordinator, name, leadEmail);
        var address = $"{Guid.NewGuid():N}@example.org";
        await host.Client(leadId).PostFormAsync($"/workspaces/{slug}/people", [new("Email", address), new("Role", "Observer")],
            $"/workspaces/{slug}/people?handler=Invite");
        // The account is made (and confirmed) only after the invitation.
        var userId = await host.CreateUserAsync("Myöhemmin Tullut");
        await host.WithDbAsync(db => db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Email, address).SetProperty(x => x.NormalizedEmail, address.ToUpperInvariant())));
        var client = host.Client(userId);
        var list = await client.GetStringAsync("/workspaces?culture=fi");
        Assert.Contains("Sinua odottavat kutsut", list);
        var invitation = Regex.Match(list, "name=\"invitation\" value=\"(\\d+)\"").Groups[1].Value;
        var accepted = await client.PostFormAsync("/workspaces", [new("invitation", invitation)], "/workspaces?handler=Accept");
        Assert.Equal($"/workspaces/{slug}", NetworkTestHost.LocalPath(accepted));
        Assert.Equal(WorkspaceRole.Observer, await host.WithDbAsync(db => db.WorkspaceParticipants.Where(p => p.UserId == userId).Select(p => p.Role).SingleAsync()));
    }

    [Fact]
    public async Task The_last_lead_is_neither_removed_nor_made_a_member_and_a_stale_change_is_refused()
    {
        var coordinator = await Kit.CoordinatorAsync();
        var (leadId, leadEmail) = await Kit.PersonAsync("Ainoa Vetäjä");
        var slug = await Kit.CreateAsync(coordinator, WorkspaceTestKit.Unique("Vetäjät"), leadEmail);
        var lead = host.Client(leadId);
        var own = await host.WithDbAsync(db => db.WorkspaceParticipants.SingleAsync(p => p.UserId == leadId));
        var url = $"/workspaces/{slug}/people?culture=fi";

        var demote = await lead.PostFormAsync(url, [new("participant", own.Id.ToString()), new("revision", "0"), new("role", "Member")],
            $"/workspaces/{slug}/people?handler=Change&culture=fi");
        Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
        Assert.Contains("vähintään yksi vetäjä", WebUtility.HtmlDecode(await demote.Content.ReadAsStringAsync()));
        var leave = await lead.PostFormAsync(url, [new("participant", own.Id.ToString())], $"/workspaces/{slug}/people?handler=Remove&culture=fi");
        Assert.Equal(HttpStatusCode.BadRequest, leave.StatusCode);
        var coordinatorRemoves = await host.Client(coordinator).PostFormAsync(url, [new("participant", own.Id.ToString())],
            $"/workspaces/{slug}/people?handler=Remove&culture=fi");
        Assert.Equal(HttpStatusCode.BadRequest, coordinatorRemoves.StatusCode);
        Assert.Equal(WorkspaceRole.Lead, await host.WithDbAsync(db => db.WorkspaceParticipants.Where(p => p.Id == own.Id).Select(p => p.Role).SingleAsync()));

        // With a second lead the first may step down, but a form sent before that change is stale.
        var (secondId, _) = await Kit.PersonAsync("Toinen Vetäjä");
        await Kit.AddAsync(slug, secondId, WorkspaceRole.Lead);
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync(url, [new("participant", own.Id.ToString()), new("revision", "0"), new("role", "Member")],
            $"/workspaces/{slug}/people?handler=Change")).StatusCode);
        var stale = await host.Client(secondId).PostFormAsync(url, [new("participant", own.Id.ToString()), new("revision", "0"), new("role", "Observer")],
            $"/workspaces/{slug}/people?handler=Change&culture=fi");
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Equal(WorkspaceRole.Member, await host.WithDbAsync(db => db.WorkspaceParticipants.Where(p => p.Id == own.Id).Select(p => p.Role).SingleAsync()));
        // A member manages no one.
        NetworkTestHost.AssertForbidden(await lead.PostFormAsync(url, [new("Email", "x@example.org"), new("Role", "Member")], $"/workspaces/{slug}/people?handler=Invite"));
    }

    [Fact]
    public async Task The_public_page_shows_purpose_organisations_and_outputs_and_nothing_else_and_a_private_workspace_is_not_found()
    {
        var coordinator = await Kit.CoordinatorAsync();
        var (leadId, leadEmail) = await Kit.PersonAsync("Vetäjä");
        var name = WorkspaceTestKit.Unique("Julkinen pilotti");
        var slug = await Kit.CreateAsync(coordinator, name, leadEmail);
        await Kit.MeetingAsync(leadId, slug, "Salainen ohjausryhmän kokous", new DateTime(2027, 3, 1, 10, 0, 0));
        var (outsider, _) = await Kit.PersonAsync("Ulkopuolinen");

        Assert.Equal(HttpStatusCode.NotFound, (await host.Client(outsider).GetAsync($"/workspaces/{slug}")).StatusCode);
        NetworkTestHost.AssertSignInRedirect(await host.Client().GetAsync($"/workspaces/{slug}"));

        var settings = await host.Client(leadId).GetStringAsync($"/workspaces/{slug}/settings");
        var revision = Regex.Match(settings, "name=\"Input.Revision\" value=\"(\\d+)\"").Groups[1].Value;
        var saved = await host.Client(leadId).PostFormAsync($"/workspaces/{slug}/settings", [new("Input.Name", name), new("Input.Purpose", "Julkinen tarkoitus"),
            new("Input.Method", "Pilot"), new("Input.Status", "Active"), new("Input.IsPublic", "true"), new("Input.Outputs", "Valmis malli"), new("Input.Revision", revision)]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        foreach (var client in new[] { host.Client(), host.Client(outsider) })
        {
            var page = await client.GetStringAsync($"/workspaces/{slug}?culture=fi");
            Assert.Contains("Julkinen tarkoitus", page);
            Assert.Contains("Valmis malli", page);
            Assert.DoesNotContain("Salainen ohjausryhmän kokous", page);
        }
        NetworkTestHost.AssertSignInRedirect(await host.Client().GetAsync($"/workspaces/{slug}/meetings"));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client(outsider).GetAsync($"/workspaces/{slug}/meetings")).StatusCode);
        Assert.Contains(name, await host.Client().GetStringAsync("/workspaces"));
        // A stale settings form is refused and keeps what was typed.
        var stale = await host.Client(leadId).PostFormAsync($"/workspaces/{slug}/settings?culture=fi", [new("Input.Name", name), new("Input.Purpose", "Vanha lomake"),
            new("Input.Method", "Pilot"), new("Input.Status", "Active"), new("Input.Revision", revision)], $"/workspaces/{slug}/settings?culture=fi");
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Contains("Vanha lomake", await stale.Content.ReadAsStringAsync());
        Assert.Equal("Julkinen tarkoitus", await host.WithDbAsync(db => db.Workspaces.Where(w => w.Slug == slug).Select(w => w.Purpose).SingleAsync()));
    }

    [Fact]
    public async Task Her_workspaces_are_in_her_data_and_deleting_her_account_leaves_the_records_without_her()
    {
        const string password = "pitkä-salasana-työtiloille-2026";
        var coordinator = await Kit.CoordinatorAsync();
        var (leadId, leadEmail) = await Kit.PersonAsync("Vetäjä");
        var name = WorkspaceTestKit.Unique("Tietosuoja");
        var slug = await Kit.CreateAsync(coordinator, name, leadEmail);
        var (leaving, leavingEmail) = await Kit.PersonAsync("Lähtevä Osallistuja");
        using (var scope = host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            Assert.True((await users.AddPasswordAsync((await users.FindByIdAsync(leaving))!, password)).Succeeded);
        }
        await Kit.AddAsync(slug, leaving, WorkspaceRole.Member);
        await host.Client(leadId).PostFormAsync($"/workspaces/{slug}/actions", [new("ActionText", "Lähtevän tehtävä"), new("ActionOwner", leaving),
            new("ActionDue", DateTime.Today.AddDays(20).ToString("yyyy-MM-dd"))]);

        // She leads a sub-project of the project and enters one of its costs.
        var organisation = await Kit.OrganisationAsync(WorkspaceTestKit.Unique("Lähtevän yhdistys"));
        await host.Client(leadId).PostFormAsync($"/workspaces/{slug}/subprojects", [new("Name", "Lähtevän osahanke"), new("Organisation", organisation.ToString()), new("Lead", leaving)]);
        var workspace = await Kit.IdAsync(slug);
        var subProject = await host.WithDbAsync(db => db.WorkspaceSubProjects.Where(s => s.WorkspaceId == workspace).Select(s => s.Id).SingleAsync());
        var finances = $"/workspaces/{slug}/finances/{subProject}";
        Assert.Equal(HttpStatusCode.Redirect, (await host.Client(leaving).PostFormAsync(finances,
            [new("cost-Month", "2026-05"), new("cost-Category", "Travel"), new("cost-Amount", "48,20"), new("cost-Description", "Lähtevän junalippu")], finances + "?handler=Cost")).StatusCode);

        var data = await host.Client(leaving).GetStringAsync("/account/my-data");
        Assert.Contains(name, data);
        Assert.Contains("Lähtevän tehtävä", data);
        Assert.Contains("Lähtevän osahanke", data);
        Assert.Contains("Lähtevän junalippu", data);

        Assert.Equal(HttpStatusCode.Redirect, (await host.Client(leaving).PostFormAsync("/account/delete", ("Password", password))).StatusCode);

        var people = await host.Client(leadId).GetStringAsync($"/workspaces/{slug}/people");
        Assert.DoesNotContain("Lähtevä Osallistuja", people);
        Assert.DoesNotContain(leavingEmail, people);
        var actions = await host.Client(leadId).GetStringAsync($"/workspaces/{slug}/actions?culture=fi");
        Assert.Contains("Lähtevän tehtävä", actions);
        Assert.Contains("(poistettu käyttäjä)", actions);
        // Her sub-project and its cost stay, without her.
        var sub = await host.WithDbAsync(db => db.WorkspaceSubProjects.Where(s => s.Id == subProject).Select(s => new { s.Name, s.LeadId }).SingleAsync());
        Assert.Equal(("Lähtevän osahanke", (string?)null), (sub.Name, sub.LeadId));
        Assert.Contains("Lähtevän junalippu", await host.Client(leadId).GetStringAsync(finances));
    }
}
