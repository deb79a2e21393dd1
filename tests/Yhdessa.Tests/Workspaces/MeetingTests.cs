using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Workspaces;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Localization;
using Yhdessa.Tests.Network;

namespace Yhdessa.Tests.Workspaces;

[Collection("Workspaces on SQLite")]
public sealed class MeetingOnSqlite(SqliteApp app) : MeetingTests(app);
[Collection("Workspaces on PostgreSQL")]
public sealed class MeetingOnPostgres(PostgresApp app) : MeetingTests(app);

/// <summary>Meetings, their invitations and memos, actions with their reminders, and the approved memo that no longer changes.</summary>
public abstract class MeetingTests(YhdessaApp app)
{
    private readonly WebApplicationFactory<Program> host = NetworkTestHost.For(app);
    private WorkspaceTestKit Kit => new(host);

    private async Task<(string Slug, string LeadId, string MemberId, string MemberEmail)> WorkspaceAsync()
    {
        var coordinator = await Kit.CoordinatorAsync();
        var (leadId, leadEmail) = await Kit.PersonAsync("Vetäjä Virtanen");
        var slug = await Kit.CreateAsync(coordinator, WorkspaceTestKit.Unique("Kokoustila"), leadEmail);
        var (memberId, memberEmail) = await Kit.PersonAsync("Jäsen Järvinen");
        await Kit.AddAsync(slug, memberId, WorkspaceRole.Member);
        return (slug, leadId, memberId, memberEmail);
    }

    private static string Today() => DateOnly.FromDateTime(HelsinkiTime.ToHelsinki(DateTimeOffset.UtcNow).DateTime).ToString("yyyy-MM-dd");

    private static DateOnly InDays(int days) => DateOnly.FromDateTime(HelsinkiTime.ToHelsinki(DateTimeOffset.UtcNow).DateTime).AddDays(days);

    private static async Task<int> RevisionAsync(HttpClient client, string url) =>
        int.Parse(Regex.Match(await client.GetStringAsync(url), "name=\"MemoRevision\" value=\"(\\d+)\"").Groups[1].Value);

    [Fact]
    public async Task A_meeting_that_ends_before_it_starts_or_has_a_bad_link_is_refused_and_nothing_is_saved()
    {
        var (slug, leadId, _, _) = await WorkspaceAsync();
        var response = await host.Client(leadId).PostFormAsync($"/workspaces/{slug}/meetings?culture=fi",
            [new("Input.Title", "Väärin päin"), new("Input.StartsAt", "2027-02-01T14:00"), new("Input.EndsAt", "2027-02-01T13:00"),
             new("Input.OnlineLink", "javascript:alert(1)")], $"/workspaces/{slug}/meetings?culture=fi");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Kokous ei voi päättyä ennen kuin se alkaa.", html);
        Assert.Contains("Kirjoita linkki kokonaisena", html);
        Assert.Contains("Väärin päin", html);
        var id = await Kit.IdAsync(slug);
        Assert.False(await host.WithDbAsync(db => db.WorkspaceMeetings.AnyAsync(m => m.WorkspaceId == id)));
    }

    [Fact]
    public async Task The_invitation_reaches_every_participant_in_her_language_with_a_calendar_file_in_Helsinki_time()
    {
        var (slug, leadId, memberId, memberEmail) = await WorkspaceAsync();
        await host.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredLanguage, "sv")));
        var meeting = await Kit.MeetingAsync(leadId, slug, "Kevään kokous", new DateTime(2027, 4, 14, 13, 0, 0));
        var url = $"/workspaces/{slug}/meetings/{meeting}";

        var ics = await host.Client(memberId).GetStringAsync(url + "?handler=Ics");
        Assert.Contains("DTSTART;TZID=Europe/Helsinki:20270414T130000", ics);
        Assert.Contains("DTEND;TZID=Europe/Helsinki:20270414T150000", ics);
        Assert.Contains("1. Avaus", ics.Replace("\r\n ", ""));

        Assert.Equal(HttpStatusCode.Redirect, (await host.Client(leadId).PostFormAsync(url, [], url + "?handler=Invite")).StatusCode);
        var mail = Assert.Single(await Kit.MailToAsync(memberEmail));
        Assert.StartsWith("Möteskallelse: Kevään kokous", mail.Subject);
        Assert.Contains("13.00", mail.TextBody);
        var file = Assert.Single(mail.Attachments);
        Assert.StartsWith("text/calendar", file.ContentType);
        Assert.Contains("Europe/Helsinki", Encoding.UTF8.GetString(file.Content));
    }

    [Fact]
    public async Task The_memo_keeps_notes_attendance_decisions_and_actions_and_a_stale_save_loses_nothing()
    {
        var (slug, leadId, memberId, _) = await WorkspaceAsync();
        var meeting = await Kit.MeetingAsync(leadId, slug, "Työkokous", new DateTime(2027, 1, 20, 9, 0, 0));
        var url = $"/workspaces/{slug}/meetings/{meeting}";
        var items = await host.WithDbAsync(db => db.WorkspaceAgendaItems.Where(a => a.MeetingId == meeting).OrderBy(a => a.Position).Select(a => a.Id).ToListAsync());
        var lead = host.Client(leadId);
        var member = host.Client(memberId);
        var revision = await RevisionAsync(lead, url);

        var saved = await member.PostFormAsync(url, [new("MemoRevision", revision.ToString()), new($"Notes[{items[1]}]", "Tilanne on hyvä."),
            new("Attended", leadId), new("Attended", memberId), new("NewItems", "Seuraava kokous")], url + "?handler=Memo");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        // The lead's form was opened before the member saved: refused, with her text still in the form.
        var stale = await lead.PostFormAsync(url + "?culture=fi", [new("MemoRevision", revision.ToString()), new($"Notes[{items[1]}]", "Oma versioni.")],
            url + "?handler=Memo&culture=fi");
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        var staleHtml = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("Joku muu tallensi muistiota", staleHtml);
        Assert.Contains("Oma versioni.", staleHtml);

        var page = await lead.GetStringAsync(url + "?culture=fi");
        Assert.Contains("Tilanne on hyvä.", page);
        Assert.Contains("4. Seuraava kokous", page);
        Assert.Equal(2, await host.WithDbAsync(db => db.WorkspaceAttendances.CountAsync(a => a.MeetingId == meeting)));

        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync(url, [new("Decision", "Malli otetaan käyttöön."), new("DecisionItem", items[1].ToString())],
            url + "?handler=Decision")).StatusCode);
        // An action needs an owner and a deadline that has not passed.
        var noOwner = await lead.PostFormAsync(url + "?culture=fi", [new("ActionText", "Kirjoita ohje"), new("ActionDue", InDays(10).ToString("yyyy-MM-dd"))],
            url + "?handler=Action&culture=fi");
        Assert.Equal(HttpStatusCode.BadRequest, noOwner.StatusCode);
        Assert.Contains("Valitse tehtävälle vastuuhenkilö.", WebUtility.HtmlDecode(await noOwner.Content.ReadAsStringAsync()));
        var past = await lead.PostFormAsync(url + "?culture=fi", [new("ActionText", "Kirjoita ohje"), new("ActionOwner", memberId), new("ActionDue", InDays(-1).ToString("yyyy-MM-dd"))],
            url + "?handler=Action&culture=fi");
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("Määräaika on jo mennyt.", WebUtility.HtmlDecode(await past.Content.ReadAsStringAsync()));
        var (outsider, _) = await Kit.PersonAsync("Ulkopuolinen");
        var notParticipant = await lead.PostFormAsync(url + "?culture=fi", [new("ActionText", "Kirjoita ohje"), new("ActionOwner", outsider), new("ActionDue", Today())],
            url + "?handler=Action&culture=fi");
        Assert.Contains("Vastuuhenkilön on oltava työtilan osallistuja.", WebUtility.HtmlDecode(await notParticipant.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync(url, [new("ActionText", "Kirjoita ohje"), new("ActionOwner", memberId),
            new("ActionDue", InDays(2).ToString("yyyy-MM-dd"))], url + "?handler=Action")).StatusCode);

        var mine = await member.GetStringAsync("/workspaces/actions?culture=fi");
        Assert.Contains("Kirjoita ohje", mine);
        Assert.Contains("Kirjoita ohje", await member.GetStringAsync("/my?culture=fi"));
        Assert.Contains("Malli otetaan käyttöön.", await member.GetStringAsync(url));
    }

    [Fact]
    public async Task The_workspace_page_shows_what_changed_since_the_visit_before_on_every_page_of_this_visit()
    {
        var (slug, leadId, memberId, _) = await WorkspaceAsync();
        var workspace = await Kit.IdAsync(slug);
        // Her last visit was yesterday.
        var yesterday = DateTimeOffset.UtcNow.AddDays(-1);
        await host.WithDbAsync(db => db.WorkspaceParticipants.Where(p => p.WorkspaceId == workspace && p.UserId == memberId)
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.LastVisitAt, yesterday)));
        await Kit.MeetingAsync(leadId, slug, "Kevään suunnittelu", DateTime.Today.AddDays(7).AddHours(9));

        var first = WebUtility.HtmlDecode(await host.Client(memberId).GetStringAsync($"/workspaces/{slug}?culture=fi"));
        Assert.Contains("Muutokset edellisen käyntisi jälkeen", first);
        Assert.Contains("Uusi kokous: Kevään suunnittelu", first);
        var visit = await host.WithDbAsync(db => db.WorkspaceParticipants.Where(p => p.WorkspaceId == workspace && p.UserId == memberId)
            .Select(p => new { p.LastVisitAt, p.PreviousVisitAt }).SingleAsync());
        Assert.True(visit.LastVisitAt > yesterday.AddHours(23));

        // A moment later, within the same visit, the page still counts from yesterday, and the visit is not noted again.
        var again = WebUtility.HtmlDecode(await host.Client(memberId).GetStringAsync($"/workspaces/{slug}?culture=fi"));
        Assert.Contains("Uusi kokous: Kevään suunnittelu", again);
        Assert.Equal(visit.LastVisitAt, await host.WithDbAsync(db => db.WorkspaceParticipants
            .Where(p => p.WorkspaceId == workspace && p.UserId == memberId).Select(p => p.LastVisitAt).SingleAsync()));
    }

    [Fact]
    public async Task An_action_is_reminded_once_before_its_deadline_and_marked_done_by_its_owner()
    {
        var (slug, leadId, memberId, memberEmail) = await WorkspaceAsync();
        await host.Client(leadId).PostFormAsync($"/workspaces/{slug}/actions", [new("ActionText", "Lähetä raportti rahoittajalle"), new("ActionOwner", memberId),
            new("ActionDue", InDays(2).ToString("yyyy-MM-dd"))]);
        await host.Client(leadId).PostFormAsync($"/workspaces/{slug}/actions", [new("ActionText", "Kaukainen tehtävä"), new("ActionOwner", memberId),
            new("ActionDue", InDays(30).ToString("yyyy-MM-dd"))]);

        using (var scope = host.Services.CreateScope())
        {
            var mail = scope.ServiceProvider.GetRequiredService<WorkspaceMail>();
            await mail.RemindDueAsync(default);
            await mail.RemindDueAsync(default); // a second run (or a second instance) sends nothing more
        }
        var reminder = Assert.Single((await Kit.MailToAsync(memberEmail)).Where(m => m.Subject.StartsWith("Muistutus")));
        Assert.Contains("Lähetä raportti rahoittajalle", reminder.TextBody);
        Assert.DoesNotContain("Kaukainen tehtävä", reminder.TextBody);

        var workspace = await Kit.IdAsync(slug);
        var action = await host.WithDbAsync(db => db.WorkspaceActions.Where(a => a.WorkspaceId == workspace && a.Text == "Lähetä raportti rahoittajalle").Select(a => a.Id).SingleAsync());
        var done = await host.Client(memberId).PostFormAsync("/workspaces/actions", [new("workspace", slug), new("action", action.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.DoesNotContain("Lähetä raportti rahoittajalle", await host.Client(memberId).GetStringAsync("/workspaces/actions"));
        Assert.NotNull(await host.WithDbAsync(db => db.WorkspaceActions.Where(a => a.Id == action).Select(a => a.DoneAt).SingleAsync()));
    }

    [Fact]
    public async Task An_approved_memo_is_read_only_and_has_a_pdf()
    {
        var (slug, leadId, memberId, _) = await WorkspaceAsync();
        // Held meetings: a memo is approved only once its meeting has begun.
        var first = await Kit.MeetingAsync(leadId, slug, "Ensimmäinen kokous", DateTime.Today.AddDays(-40).AddHours(9));
        var second = await Kit.MeetingAsync(leadId, slug, "Toinen kokous", DateTime.Today.AddDays(-10).AddHours(9));
        var coming = await Kit.MeetingAsync(leadId, slug, "Tuleva kokous", DateTime.Today.AddDays(10).AddHours(9));
        var url = $"/workspaces/{slug}/meetings/{first}";
        var lead = host.Client(leadId);
        await lead.PostFormAsync(url, [new("Decision", "Hyväksytään suunnitelma.")], url + "?handler=Decision");
        var revision = await RevisionAsync(lead, url);

        // A member does not approve, and no one approves the memo of a meeting still to come.
        NetworkTestHost.AssertForbidden(await host.Client(memberId).PostFormAsync(url, [new("MemoRevision", revision.ToString())], url + "?handler=Approve"));
        var early = await lead.PostFormAsync($"/workspaces/{slug}/meetings/{coming}?culture=fi", [new("MemoRevision", "0")],
            $"/workspaces/{slug}/meetings/{coming}?handler=Approve&culture=fi");
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("vasta, kun kokous on alkanut", WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()));
        var approved = await lead.PostFormAsync(url, [new("MemoRevision", revision.ToString()), new("atMeeting", second.ToString())], url + "?handler=Approve");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        var page = await lead.GetStringAsync(url + "?culture=fi");
        Assert.Contains("Hyväksytty", page);
        Assert.Contains("Toinen kokous", page);
        Assert.DoesNotContain("handler=Memo", page);
        var edit = await host.Client(memberId).PostFormAsync(url + "?culture=fi", [new("MemoRevision", (revision + 1).ToString()), new("NewItems", "Jälkikäteen")],
            url + "?handler=Memo&culture=fi");
        Assert.Equal(HttpStatusCode.BadRequest, edit.StatusCode);
        var editHtml = WebUtility.HtmlDecode(await edit.Content.ReadAsStringAsync());
        Assert.True(editHtml.Contains("Muistio on hyväksytty"), editHtml[editHtml.IndexOf("<main")..]);
        var decision = await host.Client(memberId).PostFormAsync(url + "?culture=fi", [new("Decision", "Lisäys")], url + "?handler=Decision&culture=fi");
        Assert.Equal(HttpStatusCode.BadRequest, decision.StatusCode);
        Assert.Equal(1, await host.WithDbAsync(db => db.WorkspaceDecisions.CountAsync(d => d.MeetingId == first)));

        var pdf = await lead.GetAsync(url + "?handler=Pdf&culture=fi");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        using var document = UglyToad.PdfPig.PdfDocument.Open(bytes);
        var text = string.Join(" ", document.GetPages().Select(p => p.Text));
        Assert.Contains("Hyväksytään suunnitelma.", text);
        Assert.Contains("Hyväksytty muistio", text);
    }

    [Fact]
    public async Task The_weekly_digest_tells_the_weeks_changes_and_her_actions_once_in_her_language_and_leaves_out_what_she_turned_off()
    {
        var (slug, leadId, memberId, memberEmail) = await WorkspaceAsync();
        await host.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredLanguage, "sv")));
        await Kit.MeetingAsync(leadId, slug, "Veckans möte", DateTime.Today.AddDays(3).AddHours(10));
        await host.Client(leadId).PostFormAsync($"/workspaces/{slug}/actions", [new("ActionText", "Skriv rapporten"), new("ActionOwner", memberId),
            new("ActionDue", InDays(5).ToString("yyyy-MM-dd"))]);
        // A second workspace that she leaves out of her digest.
        var quiet = await Kit.CreateAsync(await Kit.CoordinatorAsync(), WorkspaceTestKit.Unique("Hiljainen"), (await host.WithDbAsync(db => db.Users.Where(u => u.Id == leadId).Select(u => u.Email!).SingleAsync())));
        await Kit.AddAsync(quiet, memberId, WorkspaceRole.Member);
        await Kit.MeetingAsync(leadId, quiet, "Tyst möte", DateTime.Today.AddDays(4).AddHours(10));
        var off = await host.Client(memberId).PostFormAsync($"/workspaces/{quiet}", [new("off", "true")], $"/workspaces/{quiet}?handler=Digest");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Contains("finns inte i ditt veckosammandrag", await host.Client(memberId).GetStringAsync($"/workspaces/{quiet}?culture=sv"));

        using (var scope = host.Services.CreateScope())
        {
            var digests = scope.ServiceProvider.GetRequiredService<WorkspaceDigests>();
            await digests.SendDueAsync(default);
            await digests.SendDueAsync(default); // the week's digest is sent once, by whichever run or instance claims it
        }
        var digest = Assert.Single((await Kit.MailToAsync(memberEmail)).Where(m => m.Subject.StartsWith("Arbetsrummens veckosammandrag")));
        Assert.Contains("Veckans möte", digest.TextBody);
        Assert.Contains("Skriv rapporten", digest.TextBody);
        Assert.DoesNotContain("Tyst möte", digest.TextBody);
    }

    [Fact]
    public async Task A_projects_steering_group_has_its_own_meetings_whose_invitation_goes_to_its_members_only()
    {
        var (slug, leadId, memberId, memberEmail) = await WorkspaceAsync();
        var (steererId, steererEmail) = await Kit.PersonAsync("Ohjaaja Ojala");
        await Kit.AddAsync(slug, steererId, WorkspaceRole.Member);
        var lead = host.Client(leadId);
        var url = $"/workspaces/{slug}/groups";
        Assert.Contains($"/workspaces/{slug}/groups", await lead.GetStringAsync($"/workspaces/{slug}")); // a project has the groups tool

        var noName = await lead.PostFormAsync(url + "?culture=fi", [new("Name", " "), new("Kind", "Steering"), new("Members", steererId)], url + "?culture=fi");
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.Contains("Kirjoita ryhmän nimi.", WebUtility.HtmlDecode(await noName.Content.ReadAsStringAsync()));
        var (outsider, _) = await Kit.PersonAsync("Ulkopuolinen");
        var stranger = await lead.PostFormAsync(url + "?culture=fi", [new("Name", "Ohjausryhmä"), new("Kind", "Steering"), new("Members", outsider)], url + "?culture=fi");
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        NetworkTestHost.AssertForbidden(await host.Client(memberId).PostFormAsync(url, [new("Name", "Oma ryhmä"), new("Kind", "Thematic")]));
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync(url, [new("Name", "Ohjausryhmä"), new("Kind", "Steering"),
            new("Members", steererId), new("Members", leadId)])).StatusCode);
        var group = await host.WithDbAsync(db => db.WorkspaceGroups.Where(g => g.Name == "Ohjausryhmä" && db.Workspaces.Any(w => w.Id == g.WorkspaceId && w.Slug == slug))
            .Select(g => g.Id).SingleAsync());

        var meetings = $"/workspaces/{slug}/meetings";
        var start = DateTime.Today.AddDays(20).AddHours(13);
        var created = await lead.PostFormAsync(meetings, [new("Input.Title", "Ohjausryhmän kokous"), new("Input.StartsAt", start.ToString("yyyy-MM-ddTHH:mm")),
            new("Input.EndsAt", start.AddHours(2).ToString("yyyy-MM-ddTHH:mm")), new("Group", group.ToString())]);
        var meeting = NetworkTestHost.LocalPath(created);
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync(meeting, [], meeting + "?handler=Invite")).StatusCode);
        Assert.Single(await Kit.MailToAsync(steererEmail));
        Assert.Empty(await Kit.MailToAsync(memberEmail));
        Assert.Contains("Ohjausryhmän kokous", await lead.GetStringAsync($"{meetings}?group={group}"));

        // A pilot has no groups tool.
        var coordinator = await Kit.CoordinatorAsync();
        var pilot = await Kit.CreateAsync(coordinator, WorkspaceTestKit.Unique("Pilotti"), await host.WithDbAsync(db => db.Users.Where(u => u.Id == leadId).Select(u => u.Email!).SingleAsync()));
        var id = await Kit.IdAsync(pilot);
        await host.WithDbAsync(db => db.Workspaces.Where(w => w.Id == id).ExecuteUpdateAsync(w => w.SetProperty(x => x.Method, WorkspaceMethod.Pilot)));
        Assert.DoesNotContain($"/workspaces/{pilot}/groups", await lead.GetStringAsync($"/workspaces/{pilot}"));
    }
}
