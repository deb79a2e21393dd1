using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Workspaces;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Tests.Network;

namespace Yhdessa.Tests.Workspaces;

[Collection("Workspaces on SQLite")]
public sealed class YearClockOnSqlite(SqliteApp app) : YearClockTests(app);
[Collection("Workspaces on PostgreSQL")]
public sealed class YearClockOnPostgres(PostgresApp app) : YearClockTests(app);

/// <summary>The year clock: milestones once or repeating, as a picture and as a list, and its secret, revocable calendar feed.</summary>
public abstract class YearClockTests(YhdessaApp app)
{
    private readonly WebApplicationFactory<Program> host = NetworkTestHost.For(app);
    private WorkspaceTestKit Kit => new(host);

    [Fact]
    public void A_repeating_milestone_falls_on_the_months_last_day_when_the_month_is_shorter()
    {
        var monthly = new WorkspaceMilestone { StartsOn = new DateOnly(2027, 1, 31), Repeat = MilestoneRepeat.Monthly };
        var days = WorkspaceYear.Occurrences(monthly, new DateOnly(2027, 1, 1), new DateOnly(2027, 4, 30)).ToList();
        Assert.Equal([new(2027, 1, 31), new(2027, 2, 28), new(2027, 3, 31), new(2027, 4, 30)], days);
        var leap = new WorkspaceMilestone { StartsOn = new DateOnly(2028, 2, 29), Repeat = MilestoneRepeat.Yearly };
        Assert.Equal([new DateOnly(2029, 2, 28)], WorkspaceYear.Occurrences(leap, new DateOnly(2029, 1, 1), new DateOnly(2029, 12, 31)));
        var quarterly = new WorkspaceMilestone { StartsOn = new DateOnly(2026, 11, 15), Repeat = MilestoneRepeat.Quarterly };
        Assert.Equal([new(2027, 2, 15), new(2027, 5, 15), new(2027, 8, 15), new(2027, 11, 15)],
            WorkspaceYear.Occurrences(quarterly, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)).ToList());
        var once = new WorkspaceMilestone { StartsOn = new DateOnly(2026, 6, 1), Repeat = MilestoneRepeat.Once };
        Assert.Empty(WorkspaceYear.Occurrences(once, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)));
    }

    [Fact]
    public async Task Milestones_show_as_a_picture_and_a_list_bad_ones_are_refused_and_the_feed_address_is_secret_and_revocable()
    {
        var coordinator = await Kit.CoordinatorAsync();
        var (leadId, leadEmail) = await Kit.PersonAsync("Vetäjä");
        var slug = await Kit.CreateAsync(coordinator, WorkspaceTestKit.Unique("Vuosikello"), leadEmail);
        var (memberId, _) = await Kit.PersonAsync("Jäsen");
        await Kit.AddAsync(slug, memberId, WorkspaceRole.Member);
        var url = $"/workspaces/{slug}/year";
        var member = host.Client(memberId);

        var bad = await member.PostFormAsync(url + "?culture=fi", [new("MilestoneTitle", ""), new("Kind", "Reporting"), new("Repeat", "Once"),
            new("StartsOn", "2027-05-10"), new("EndsOn", "2027-05-01")], url + "?culture=fi");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badHtml = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Kirjoita virstanpylvään nimi.", badHtml);
        Assert.Contains("Päättymispäivä ei voi olla ennen alkamispäivää.", badHtml);
        var workspace = await Kit.IdAsync(slug);
        Assert.False(await host.WithDbAsync(db => db.WorkspaceMilestones.AnyAsync(m => m.WorkspaceId == workspace)));

        Assert.Equal(HttpStatusCode.Redirect, (await member.PostFormAsync(url, [new("MilestoneTitle", "Väliraportti rahoittajalle"), new("Kind", "Reporting"),
            new("Repeat", "Yearly"), new("StartsOn", "2027-04-30")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostFormAsync(url, [new("MilestoneTitle", "Seurantakysely"), new("Kind", "Survey"),
            new("Repeat", "Quarterly"), new("StartsOn", "2027-03-20"), new("EndsOn", "2027-03-31")])).StatusCode);
        var page = WebUtility.HtmlDecode(await member.GetStringAsync(url + "?year=2028&culture=fi"));
        Assert.Contains("<svg", page);
        Assert.Contains("Vuosikello 2028: 5 päivämäärää", page);  // the picture's text alternative counts the dates
        Assert.Matches("huhtikuu</h3>\\s*<ul[^>]*>\\s*<li>[\\s\\S]*30.4.2028[\\s\\S]*Väliraportti rahoittajalle", page);
        Assert.Contains("20.9.2028–1.10.2028", page); // a repeated window keeps its length

        // The feed: none until a lead makes one; then open without signing in, with the repeat rule; renewed, the old one stops.
        NetworkTestHost.AssertForbidden(await member.PostFormAsync(url, [new("on", "true")], url + "?handler=Feed"));
        await host.Client(leadId).PostFormAsync(url, [new("on", "true")], url + "?handler=Feed");
        var feed = Regex.Match(await member.GetStringAsync(url), "/workspaces/calendar/[0-9a-f]{48}").Value;
        var ics = await host.Client().GetStringAsync(feed);
        Assert.Contains("RRULE:FREQ=YEARLY", ics);
        Assert.Contains("RRULE:FREQ=MONTHLY;INTERVAL=3", ics);
        Assert.Contains("SUMMARY:Väliraportti rahoittajalle", ics);
        // The feed is kept between requests, and a new milestone or meeting shows in it at once.
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostFormAsync(url, [new("MilestoneTitle", "Syysseminaari"), new("Kind", "Seminar"),
            new("Repeat", "Once"), new("StartsOn", "2027-10-15")])).StatusCode);
        await Kit.MeetingAsync(memberId, slug, "Ohjausryhmä koolla", DateTime.Today.AddDays(20).AddHours(10));
        var changed = await host.Client().GetStringAsync(feed);
        Assert.Contains("SUMMARY:Syysseminaari", changed);
        Assert.Contains("SUMMARY:Ohjausryhmä koolla", changed);
        await host.Client(leadId).PostFormAsync(url, [new("on", "true")], url + "?handler=Feed");
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client().GetAsync(feed)).StatusCode);
        await host.Client(leadId).PostFormAsync(url, [new("on", "false")], url + "?handler=Feed");
        Assert.Null(await host.WithDbAsync(db => db.Workspaces.Where(w => w.Id == workspace).Select(w => w.CalendarToken).SingleAsync()));

        var (outsider, _) = await Kit.PersonAsync("Ulkopuolinen");
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client(outsider).GetAsync(url)).StatusCode);
    }
}
