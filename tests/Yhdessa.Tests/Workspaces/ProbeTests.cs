using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Tests.Network;

namespace Yhdessa.Tests.Workspaces;

[Collection("Workspaces on SQLite")]
public sealed class ProbeOnSqlite(SqliteApp app) : ProbeTests(app);
[Collection("Workspaces on PostgreSQL")]
public sealed class ProbeOnPostgres(PostgresApp app) : ProbeTests(app);

/// <summary>
/// The cross-workspace probe: a lead of workspace A tries every page, file, form and id of workspace B — by B's address,
/// and by B's ids under A's own address — and reads or changes nothing of it.
/// </summary>
public abstract class ProbeTests(YhdessaApp app)
{
    private readonly WebApplicationFactory<Program> host = NetworkTestHost.For(app);
    private WorkspaceTestKit Kit => new(host);

    [Fact]
    public async Task A_lead_of_one_workspace_reads_and_changes_nothing_of_another_by_any_address_or_id()
    {
        var coordinator = await Kit.CoordinatorAsync();
        var (aLead, aEmail) = await Kit.PersonAsync("A:n vetäjä");
        var (bLead, bEmail) = await Kit.PersonAsync("B:n vetäjä");
        var a = await Kit.CreateAsync(coordinator, WorkspaceTestKit.Unique("Työtila A"), aEmail);
        var b = await Kit.CreateAsync(coordinator, WorkspaceTestKit.Unique("Työtila B"), bEmail);
        var aMeeting = await Kit.MeetingAsync(aLead, a, "A:n kokous", new DateTime(2027, 5, 1, 10, 0, 0));
        var bMeeting = await Kit.MeetingAsync(bLead, b, "B:n salainen kokous", new DateTime(2027, 5, 2, 10, 0, 0));
        var bUrl = $"/workspaces/{b}/meetings/{bMeeting}";
        var bClient = host.Client(bLead);
        await bClient.PostFormAsync(bUrl, [new("Decision", "B:n päätös")], bUrl + "?handler=Decision");
        await bClient.PostFormAsync(bUrl, [new("ActionText", "B:n tehtävä"), new("ActionOwner", bLead), new("ActionDue", "2099-01-01")], bUrl + "?handler=Action");
        await bClient.PostFormAsync($"/workspaces/{b}/people", [new("Email", "kutsuttu-b@example.org"), new("Role", "Member")], $"/workspaces/{b}/people?handler=Invite");
        var bId = await Kit.IdAsync(b);
        var bAction = await host.WithDbAsync(db => db.WorkspaceActions.Where(x => x.WorkspaceId == bId).Select(x => x.Id).SingleAsync());
        var bDecision = await host.WithDbAsync(db => db.WorkspaceDecisions.Where(x => x.MeetingId == bMeeting).Select(x => x.Id).SingleAsync());
        var bParticipant = await host.WithDbAsync(db => db.WorkspaceParticipants.Where(x => x.WorkspaceId == bId).Select(x => x.Id).SingleAsync());
        var bInvitation = await host.WithDbAsync(db => db.WorkspaceInvitations.Where(x => x.WorkspaceId == bId).Select(x => x.Id).SingleAsync());
        var bItems = await host.WithDbAsync(db => db.WorkspaceAgendaItems.Where(x => x.MeetingId == bMeeting).Select(x => x.Id).ToListAsync());
        var before = await SnapshotAsync(bId);
        var attacker = host.Client(aLead);

        // Every page and file of B by its own address.
        foreach (var path in new[] { "", "/settings", "/people", "/meetings", "/actions", $"/meetings/{bMeeting}", $"/meetings/{bMeeting}?handler=Ics",
                     $"/meetings/{bMeeting}?handler=Pdf" })
            Assert.Equal(HttpStatusCode.NotFound, (await attacker.GetAsync($"/workspaces/{b}{path}")).StatusCode);
        // Every meeting id there is, under A's own address: only A's own is found.
        var maxMeeting = await host.WithDbAsync(db => db.WorkspaceMeetings.MaxAsync(m => m.Id));
        var aId = await Kit.IdAsync(a);
        var aMeetings = await host.WithDbAsync(db => db.WorkspaceMeetings.Where(m => m.WorkspaceId == aId).Select(m => m.Id).ToListAsync());
        for (var id = 1; id <= maxMeeting; id++)
        {
            var status = (await attacker.GetAsync($"/workspaces/{a}/meetings/{id}?handler=Pdf")).StatusCode;
            Assert.Equal(aMeetings.Contains(id) ? HttpStatusCode.OK : HttpStatusCode.NotFound, status);
        }

        // Every form of B's records sent through A's own pages.
        var aUrl = $"/workspaces/{a}/meetings/{aMeeting}";
        var token = await attacker.FormTokenAsync(aUrl);
        async Task<HttpStatusCode> PostAsync(string url, params (string, string)[] fields) =>
            (await attacker.PostAsync(url, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))
                .Append(new("__RequestVerificationToken", token))))).StatusCode;
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync($"/workspaces/{a}/actions?handler=Done", ("action", bAction.ToString()), ("done", "true")));
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync("/workspaces/actions", ("workspace", a), ("action", bAction.ToString())));
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync("/workspaces/actions", ("workspace", b), ("action", bAction.ToString())));
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync(aUrl + "?handler=Done", ("action", bAction.ToString()), ("done", "true")));
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync(aUrl + "?handler=RemoveDecision", ("decision", bDecision.ToString())));
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync(aUrl + "?handler=Decision", ("Decision", "x"), ("DecisionItem", bItems[0].ToString())));
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync($"/workspaces/{a}/people?handler=Remove", ("participant", bParticipant.ToString())));
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync($"/workspaces/{a}/people?handler=Change", ("participant", bParticipant.ToString()), ("revision", "0"), ("role", "Observer")));
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync($"/workspaces/{a}/people?handler=Cancel", ("invitation", bInvitation.ToString())));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(aUrl + "?handler=Approve", ("MemoRevision", "0"), ("atMeeting", bMeeting.ToString())));
        // B's agenda items named in A's memo are ignored; B's people cannot own A's actions.
        await PostAsync(aUrl + "?handler=Memo", ("MemoRevision", "0"), ($"Notes[{bItems[0]}]", "Murtautujan teksti"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(aUrl + "?handler=Action", ("ActionText", "x"), ("ActionOwner", bLead), ("ActionDue", "2099-01-01")));
        // And every form of B by its own address.
        foreach (var (path, handler) in new[] { ("/settings", ""), ("/people", "Invite"), ("/meetings", ""), ("/actions", ""), ($"/meetings/{bMeeting}", "Memo"),
                     ($"/meetings/{bMeeting}", "Approve"), ($"/meetings/{bMeeting}", "Invite"), ($"/meetings/{bMeeting}", "Edit") })
            Assert.Equal(HttpStatusCode.NotFound, await PostAsync($"/workspaces/{b}{path}?handler={handler}", ("Email", "x@example.org"), ("MemoRevision", "0")));

        Assert.Equal(before, await SnapshotAsync(bId));
        Assert.DoesNotContain("B:n tehtävä", await attacker.GetStringAsync("/workspaces/actions"));
        Assert.DoesNotContain("B:n", await attacker.GetStringAsync($"/workspaces/{a}/actions"));
    }

    /// <summary>Everything of a workspace that a change would touch, as one comparable text.</summary>
    private Task<string> SnapshotAsync(int workspaceId) => host.WithDbAsync(async db =>
    {
        var parts = new List<object>
        {
            await db.Workspaces.Where(w => w.Id == workspaceId).Select(w => new { w.Name, w.Purpose, w.Revision, w.IsPublic }).SingleAsync(),
            await db.WorkspaceParticipants.Where(p => p.WorkspaceId == workspaceId).OrderBy(p => p.Id).Select(p => new { p.UserId, p.Role, p.Revision }).ToListAsync(),
            await db.WorkspaceInvitations.Where(i => i.WorkspaceId == workspaceId).OrderBy(i => i.Id).Select(i => i.Email).ToListAsync(),
            await db.WorkspaceMeetings.Where(m => m.WorkspaceId == workspaceId).OrderBy(m => m.Id).Select(m => new { m.Title, m.Revision, m.MemoApprovedAt, m.InvitedAt }).ToListAsync(),
            await db.WorkspaceAgendaItems.Where(i => db.WorkspaceMeetings.Any(m => m.Id == i.MeetingId && m.WorkspaceId == workspaceId)).OrderBy(i => i.Id).Select(i => new { i.Title, i.Notes }).ToListAsync(),
            await db.WorkspaceDecisions.Where(d => db.WorkspaceMeetings.Any(m => m.Id == d.MeetingId && m.WorkspaceId == workspaceId)).OrderBy(d => d.Id).Select(d => d.Text).ToListAsync(),
            await db.WorkspaceActions.Where(x => x.WorkspaceId == workspaceId).OrderBy(x => x.Id).Select(x => new { x.Text, x.DoneAt, x.OwnerId }).ToListAsync(),
        };
        return System.Text.Json.JsonSerializer.Serialize(parts);
    });
}
