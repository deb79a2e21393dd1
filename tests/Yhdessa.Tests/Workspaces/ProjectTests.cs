using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Features.Workspaces.Project;
using Yhdessa.Tests.Network;

namespace Yhdessa.Tests.Workspaces;

[Collection("Workspaces on SQLite")]
public sealed class ProjectOnSqlite(SqliteApp app) : ProjectTests(app);
[Collection("Workspaces on PostgreSQL")]
public sealed class ProjectOnPostgres(PostgresApp app) : ProjectTests(app);

/// <summary>The multi-organisation project's tools: sub-projects, the goal tree, work monitoring on the survey engine,
/// budgets and actual costs with their imports and the funder's workbook — each rule with its bad inputs.</summary>
public abstract class ProjectTests(YhdessaApp app)
{
    private readonly WebApplicationFactory<Program> host = NetworkTestHost.For(app);
    private WorkspaceTestKit Kit => new(host);

    private sealed record Project(string Slug, string LeadId, string MemberId, string MemberEmail, string OtherId, int SubProject, int OtherSubProject);

    /// <summary>A project whose lead adds two sub-projects through the page: the member's, and another person's.</summary>
    private async Task<Project> ProjectAsync()
    {
        var coordinator = await Kit.CoordinatorAsync();
        var (leadId, leadEmail) = await Kit.PersonAsync("Hankevetäjä");
        var slug = await Kit.CreateAsync(coordinator, WorkspaceTestKit.Unique("Hanke"), leadEmail);
        var (memberId, memberEmail) = await Kit.PersonAsync("Osahankkeen vetäjä");
        var (otherId, _) = await Kit.PersonAsync("Toisen osahankkeen vetäjä");
        await Kit.AddAsync(slug, memberId, WorkspaceRole.Member);
        await Kit.AddAsync(slug, otherId, WorkspaceRole.Member);
        var organisation = await Kit.OrganisationAsync(WorkspaceTestKit.Unique("Asumisyhdistys"));
        var other = await Kit.OrganisationAsync(WorkspaceTestKit.Unique("Päihdesäätiö"));
        var page = $"/workspaces/{slug}/subprojects";
        foreach (var (name, org, lead) in new[] { ("Asumisen tuki", organisation, memberId), ("Päihdetyö", other, otherId) })
            Assert.Equal(HttpStatusCode.Redirect, (await host.Client(leadId).PostFormAsync(page,
                [new("Name", name), new("Organisation", org.ToString()), new("Lead", lead), new("Team", lead)])).StatusCode);
        var workspace = await Kit.IdAsync(slug);
        var ids = await host.WithDbAsync(db => db.WorkspaceSubProjects.Where(s => s.WorkspaceId == workspace).OrderBy(s => s.Name).Select(s => s.Id).ToListAsync());
        return new Project(slug, leadId, memberId, memberEmail, otherId, ids[0], ids[1]);
    }

    [Fact]
    public async Task Sub_projects_belong_to_an_organisation_with_a_lead_and_team_among_the_participants()
    {
        var p = await ProjectAsync();
        var page = $"/workspaces/{p.Slug}/subprojects";
        var html = WebUtility.HtmlDecode(await host.Client(p.MemberId).GetStringAsync(page + "?culture=fi"));
        Assert.Contains("Asumisen tuki", html);
        Assert.Contains("Osahankkeen vetäjä", html);
        Assert.DoesNotContain("Lisää osahanke", html); // a member reads, the lead changes

        var (outsiderId, _) = await Kit.PersonAsync("Ulkopuolinen");
        var count = await host.WithDbAsync(db => db.WorkspaceSubProjects.CountAsync());
        var noOrganisation = await host.Client(p.LeadId).PostFormAsync(page + "?culture=fi", [new("Name", "Kolmas"), new("Organisation", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, noOrganisation.StatusCode);
        Assert.Contains("Valitse organisaatio", WebUtility.HtmlDecode(await noOrganisation.Content.ReadAsStringAsync()));
        var outsider = await host.Client(p.LeadId).PostFormAsync(page + "?culture=fi",
            [new("Name", "Kolmas"), new("Organisation", (await Kit.OrganisationAsync("Kolmas ry")).ToString()), new("Team", outsiderId)]);
        Assert.Equal(HttpStatusCode.BadRequest, outsider.StatusCode);
        var taken = await host.Client(p.LeadId).PostFormAsync(page + "?culture=fi",
            [new("Name", "Päihdetyö"), new("Organisation", (await Kit.OrganisationAsync("Neljäs ry")).ToString())]);
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("on jo tämänniminen osahanke", WebUtility.HtmlDecode(await taken.Content.ReadAsStringAsync()));
        Assert.Equal(count, await host.WithDbAsync(db => db.WorkspaceSubProjects.CountAsync()));
        AssertForbiddenOrNotFound(await host.Client(p.MemberId).PostFormAsync(page, [new("Name", "Jäsenen osahanke"), new("Organisation", "1")]));

        // A sub-project with costs stays: removing it would take them along.
        await host.Client(p.MemberId).PostFormAsync($"/workspaces/{p.Slug}/finances/{p.SubProject}",
            [new("cost-Month", "2026-03"), new("cost-Category", "Travel"), new("cost-Amount", "120,50")], $"/workspaces/{p.Slug}/finances/{p.SubProject}?handler=Cost");
        var inUse = await host.Client(p.LeadId).PostFormAsync(page + "?culture=fi", [new("subProject", p.SubProject.ToString())], page + "?handler=Remove&culture=fi");
        Assert.Equal(HttpStatusCode.BadRequest, inUse.StatusCode);
        Assert.True(await host.WithDbAsync(db => db.WorkspaceSubProjects.AnyAsync(s => s.Id == p.SubProject)));
    }

    [Fact]
    public async Task The_goal_tree_has_three_levels_with_indicators_measured_by_the_sub_projects_people_and_exports_to_xlsx()
    {
        var p = await ProjectAsync();
        var page = $"/workspaces/{p.Slug}/goals";
        var lead = host.Client(p.LeadId);
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync(page, [new("goal-new-Title", "Asunnottomuus vähenee"), new("goal-new-Status", "OnTrack")], page + "?handler=Goal")).StatusCode);
        var workspace = await Kit.IdAsync(p.Slug);
        int GoalId(string title) => host.WithDbAsync(db => db.WorkspaceGoals.Where(g => g.WorkspaceId == workspace && g.Title == title).Select(g => g.Id).SingleAsync()).Result;
        var main = GoalId("Asunnottomuus vähenee");
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync(page, [new("parent", main.ToString()), new($"goal-under-{main}-Title", "Tuki vakiintuu"), new($"goal-under-{main}-Status", "NotStarted")], page + "?handler=Goal")).StatusCode);
        var sub = GoalId("Tuki vakiintuu");

        // The third level is a sub-project's: without one it is refused, and so is a fourth level.
        var noSubProject = await lead.PostFormAsync(page + "?culture=fi", [new("parent", sub.ToString()), new($"goal-under-{sub}-Title", "Naiset asuvat"), new($"goal-under-{sub}-Status", "OnTrack")], page + "?handler=Goal&culture=fi");
        Assert.Equal(HttpStatusCode.BadRequest, noSubProject.StatusCode);
        Assert.Contains("Valitse osahanke", WebUtility.HtmlDecode(await noSubProject.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync(page, [new("parent", sub.ToString()), new($"goal-under-{sub}-Title", "Naiset asuvat"),
            new($"goal-under-{sub}-Status", "OnTrack"), new($"goal-under-{sub}-SubProject", p.SubProject.ToString())], page + "?handler=Goal")).StatusCode);
        var own = GoalId("Naiset asuvat");
        var fourth = await lead.PostFormAsync(page + "?culture=fi", [new("parent", own.ToString()), new($"goal-under-{own}-Title", "Liian syvä"), new($"goal-under-{own}-Status", "OnTrack")], page + "?handler=Goal&culture=fi");
        Assert.Equal(HttpStatusCode.BadRequest, fourth.StatusCode);

        // An indicator with a baseline that is not a number is refused with what was typed, and nothing is saved.
        var bad = await lead.PostFormAsync(page + "?culture=fi", [new("goal", own.ToString()), new($"ind-new-{own}-Name", "Asuntoon muuttaneet"),
            new($"ind-new-{own}-Unit", "naista"), new($"ind-new-{own}-Baseline", "kymmenen")], page + "?handler=Indicator&culture=fi");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badHtml = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("”kymmenen” ei ole luku", badHtml);
        Assert.Contains("value=\"Asuntoon muuttaneet\"", badHtml);
        Assert.False(await host.WithDbAsync(db => db.WorkspaceIndicators.AnyAsync(i => i.GoalId == own)));
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync(page, [new("goal", own.ToString()), new($"ind-new-{own}-Name", "Asuntoon muuttaneet"),
            new($"ind-new-{own}-Unit", "naista"), new($"ind-new-{own}-Baseline", "0"), new($"ind-new-{own}-Target", "1 200,5")], page + "?handler=Indicator")).StatusCode);
        var indicator = await host.WithDbAsync(db => db.WorkspaceIndicators.Where(i => i.GoalId == own).SingleAsync());
        Assert.Equal(1200.5m, indicator.Target);

        // The sub-project's own person records a value; the other sub-project's person may not.
        var value = (string Period, string Value) => new KeyValuePair<string, string>[]
            { new("indicator", indicator.Id.ToString()), new($"val-{indicator.Id}-Period", Period), new($"val-{indicator.Id}-EndsOn", "2026-03-31"), new($"val-{indicator.Id}-Value", Value) };
        Assert.Equal(HttpStatusCode.Redirect, (await host.Client(p.MemberId).PostFormAsync(page, value("Q1/2026", "14"), page + "?handler=Value")).StatusCode);
        AssertForbiddenOrNotFound(await host.Client(p.OtherId).PostFormAsync(page, value("Q1/2026", "99"), page + "?handler=Value"));
        var html = WebUtility.HtmlDecode(await host.Client(p.OtherId).GetStringAsync(page + "?culture=fi"));
        Assert.Contains("Q1/2026: 14", Regex.Replace(html, "<[^>]+>", ""));
        Assert.Matches("<h2 id=\"goal-\\d+\">Päätavoite: Asunnottomuus vähenee", html);
        Assert.Matches("<h4 id=\"goal-\\d+\">Osahankkeen tavoite: Naiset asuvat", html);

        // The printable tree is the outline alone: no menus, no forms.
        var print = WebUtility.HtmlDecode(await lead.GetStringAsync(page + "?print=1&culture=fi"));
        Assert.Matches("<h4 id=\"goal-\\d+\">Osahankkeen tavoite: Naiset asuvat", print);
        Assert.DoesNotContain("handler=Goal", print);
        Assert.DoesNotContain("handler=Value", print);
        Assert.DoesNotContain("class=\"tabs\"", print);

        var xlsx = await lead.GetAsync(page + "?handler=Xlsx&culture=fi");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        var tree = workbook.Worksheet(1);
        Assert.Contains(tree.RowsUsed(), r => r.Cell(2).GetString().Trim() == "Naiset asuvat" && r.Cell(5).GetString() == "Asuntoon muuttaneet"
            && r.Cell(8).GetValue<decimal>() == 1200.5m && r.Cell(10).GetValue<decimal>() == 14m);
    }

    [Fact]
    public async Task A_work_monitoring_round_takes_each_sub_projects_report_once_feeds_the_indicators_and_reminds_those_missing()
    {
        var p = await ProjectAsync();
        var goals = $"/workspaces/{p.Slug}/goals";
        var lead = host.Client(p.LeadId);
        await lead.PostFormAsync(goals, [new("goal-new-Title", "Päätavoite"), new("goal-new-Status", "OnTrack")], goals + "?handler=Goal");
        var workspace = await Kit.IdAsync(p.Slug);
        var main = await host.WithDbAsync(db => db.WorkspaceGoals.Where(g => g.WorkspaceId == workspace).Select(g => g.Id).SingleAsync());
        await lead.PostFormAsync(goals, [new("parent", main.ToString()), new($"goal-under-{main}-Title", "Osatavoite"), new($"goal-under-{main}-Status", "OnTrack")], goals + "?handler=Goal");
        var middle = await host.WithDbAsync(db => db.WorkspaceGoals.Where(g => g.WorkspaceId == workspace && g.ParentId == main).Select(g => g.Id).SingleAsync());
        foreach (var (title, subProject, name) in new[] { ("Asuminen", p.SubProject, "Asuntoon muuttaneet"), ("Päihteet", p.OtherSubProject, "Koulutetut") })
        {
            await lead.PostFormAsync(goals, [new("parent", middle.ToString()), new($"goal-under-{middle}-Title", title), new($"goal-under-{middle}-Status", "OnTrack"),
                new($"goal-under-{middle}-SubProject", subProject.ToString())], goals + "?handler=Goal");
            var goal = await host.WithDbAsync(db => db.WorkspaceGoals.Where(g => g.WorkspaceId == workspace && g.Title == title).Select(g => g.Id).SingleAsync());
            await lead.PostFormAsync(goals, [new("goal", goal.ToString()), new($"ind-new-{goal}-Name", name), new($"ind-new-{goal}-Unit", "henkilöä")], goals + "?handler=Indicator");
        }

        var page = $"/workspaces/{p.Slug}/reports";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var past = await lead.PostFormAsync(page + "?culture=fi", [new("Period", "Q1/2026"), new("EndsOn", "2026-03-31"), new("DueOn", today.AddDays(-2).ToString("yyyy-MM-dd"))]);
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("Määräpäivä on jo mennyt", WebUtility.HtmlDecode(await past.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync(page, [new("Period", "Q1/2026"), new("EndsOn", "2026-03-31"), new("DueOn", today.AddDays(2).ToString("yyyy-MM-dd"))])).StatusCode);
        var again = await lead.PostFormAsync(page + "?culture=fi", [new("Period", "Q1/2026"), new("EndsOn", "2026-03-31"), new("DueOn", today.AddDays(5).ToString("yyyy-MM-dd"))]);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var round = await host.WithDbAsync(db => db.WorkspaceReportRounds.Where(r => r.WorkspaceId == workspace).Select(r => r.Id).SingleAsync());

        // The member's form asks the common questions and her own indicator only.
        var form = $"/workspaces/{p.Slug}/reports/{round}/{p.SubProject}";
        var formHtml = WebUtility.HtmlDecode(await host.Client(p.MemberId).GetStringAsync(form + "?culture=fi"));
        Assert.Contains("Asuntoon muuttaneet (henkilöä)", formHtml);
        Assert.DoesNotContain("Koulutetut", formHtml);
        AssertForbiddenOrNotFound(await host.Client(p.OtherId).PostFormAsync($"/workspaces/{p.Slug}/reports/{round}/{p.OtherSubProject}", [], form));
        var questions = await host.WithDbAsync(db => (from r in db.WorkspaceReportRounds
                                                      where r.Id == round
                                                      join q in db.SurveyQuestions on r.SurveyId equals q.SurveyId
                                                      orderby q.Position
                                                      select q).ToListAsync());
        var number = questions.Single(q => q.TextFi.StartsWith("Asuntoon muuttaneet"));
        var missing = await host.Client(p.MemberId).PostFormAsync(form + "?culture=fi", [new($"q{number.Id}", "kaksitoista")]);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var missingHtml = WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync());
        Assert.Contains("ei ole luku", missingHtml);
        Assert.Contains("value=\"kaksitoista\"", missingHtml);
        Assert.Null(await host.WithDbAsync(db => db.WorkspaceReports.Where(r => r.RoundId == round && r.SubProjectId == p.SubProject).Select(r => r.ResponseId).SingleAsync()));

        var answers = new KeyValuePair<string, string>[] { new($"q{questions[0].Id}", "Kolme uutta asukasta muutti."), new($"q{questions[1].Id}", "0"), new($"q{number.Id}", "12") };
        Assert.Equal(HttpStatusCode.Redirect, (await host.Client(p.MemberId).PostFormAsync(form, answers)).StatusCode);
        var twice = await host.Client(p.MemberId).PostFormAsync(form, answers);
        Assert.NotEqual(HttpStatusCode.Redirect, twice.StatusCode);
        Assert.Equal(1, await host.WithDbAsync(db => (from r in db.WorkspaceReportRounds
                                                      where r.Id == round
                                                      join s in db.SurveyResponses on r.SurveyId equals s.SurveyId
                                                      select s).CountAsync()));
        var measured = await host.WithDbAsync(db => db.WorkspaceMeasurements.Where(m => m.Period == "Q1/2026" && m.ReportId != null)
            .Join(db.WorkspaceIndicators.Where(i => i.WorkspaceId == workspace), m => m.IndicatorId, i => i.Id, (m, i) => new { i.Name, m.Value }).SingleAsync());
        Assert.Equal(("Asuntoon muuttaneet", 12m), (measured.Name, measured.Value));

        // The lead's completeness view: who sent it, who has not; the report reads with its answers.
        var completeness = Regex.Replace(WebUtility.HtmlDecode(await lead.GetStringAsync(page + "?culture=fi")), "<[^>]+>", " ");
        Assert.Contains("1/2 osahanketta raportoinut", completeness);
        Assert.Contains("Lähettäjä Osahankkeen vetäjä", completeness);
        Assert.Contains("Kolme uutta asukasta muutti.", await lead.GetStringAsync(form + "?culture=fi"));

        using (var scope = host.Services.CreateScope())
        {
            var reports = scope.ServiceProvider.GetRequiredService<Reports>();
            await reports.RemindDueAsync(default);
            await reports.RemindDueAsync(default);
        }
        var otherEmail = await host.WithDbAsync(db => db.Users.Where(u => u.Id == p.OtherId).Select(u => u.Email!).SingleAsync());
        Assert.Single((await Kit.MailToAsync(otherEmail)).Where(m => m.Subject.Contains("Q1/2026")));
        Assert.DoesNotContain(await Kit.MailToAsync(p.MemberEmail), m => m.Subject.Contains("Q1/2026"));
    }

    [Fact]
    public async Task Budgets_refuse_overlaps_negative_and_stale_amounts_and_costs_import_all_rows_or_none()
    {
        var p = await ProjectAsync();
        var page = $"/workspaces/{p.Slug}/finances/{p.SubProject}";
        var lead = host.Client(p.LeadId);
        KeyValuePair<string, string>[] Budget(string form, string starts, string ends, string personnel, string travel = "0") =>
            [new($"{form}-StartsOn", starts), new($"{form}-EndsOn", ends), new($"{form}-Personnel", personnel), new($"{form}-Services", "10 000"),
             new($"{form}-Travel", travel), new($"{form}-Other", "")];
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync(page, Budget("budget-new", "2026-01-01", "2026-12-31", "80 000,50"), page + "?handler=Budget")).StatusCode);
        async Task Refused(KeyValuePair<string, string>[] fields, string message, int budget = 0)
        {
            var response = await lead.PostFormAsync(page + "?culture=fi", fields, page + "?handler=Budget&culture=fi");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }
        await Refused(Budget("budget-new", "2026-06-01", "2027-05-31", "1000"), "menee päällekkäin");
        await Refused(Budget("budget-new", "2027-12-31", "2027-01-01", "1000"), "ennen ensimmäistä");
        await Refused(Budget("budget-new", "2027-01-01", "2027-12-31", "-500"), "”-500” ei ole kelvollinen euromäärä");
        await Refused(Budget("budget-new", "2027-01-01", "2027-12-31", "1000", "paljon"), "”paljon” ei ole kelvollinen euromäärä");
        var budget = await host.WithDbAsync(db => db.WorkspaceBudgets.Where(b => b.SubProjectId == p.SubProject).SingleAsync());
        Assert.Equal((80_000.50m, 10_000m, 0m), (budget.Personnel, budget.Services, budget.Other));
        // Two people change the same budget: the second, sent from the older page, is refused.
        var change = Budget($"budget-{budget.Id}", "2026-01-01", "2026-12-31", "90 000").Append(new("budget", budget.Id.ToString())).Append(new("revision", budget.Revision.ToString())).ToArray();
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync(page, change, page + "?handler=Budget")).StatusCode);
        await Refused(change, "muutti tätä talousarviota samaan aikaan");
        Assert.Equal(90_000m, await host.WithDbAsync(db => db.WorkspaceBudgets.Where(b => b.Id == budget.Id).Select(b => b.Personnel).SingleAsync()));

        // One bad row: nothing is imported and every bad row is named.
        var member = host.Client(p.MemberId);
        var badCsv = "Kuukausi;Kululaji;Summa;Selite\r\n1/2026;Henkilöstökulut;6 500,00;Palkat\r\n13/2026;Matkakulut;120;Juna\r\n2/2026;Juhlat;50;Kakku\r\n3/2026;Muut kulut;-20;Palautus\r\n4/2026;Palvelujen ostot;abc;Työnohjaus\r\n";
        var refused = await ImportAsync(member, page, Encoding.UTF8.GetBytes(badCsv), "kulut.csv");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problems = Regex.Replace(WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), "<[^>]+>", " ");
        Assert.Contains("Rivi 3: kuukausi ”13/2026”", problems);
        Assert.Contains("Rivi 4: kululaji ”Juhlat” ei ole tunnettu", problems);
        Assert.Contains("Rivi 5: summa ”-20”", problems);
        Assert.Contains("Rivi 6: summa ”abc”", problems);
        Assert.DoesNotContain("Rivi 2", problems);
        Assert.False(await host.WithDbAsync(db => db.WorkspaceCosts.AnyAsync(c => c.SubProjectId == p.SubProject)));

        var goodCsv = "Kuukausi;Kululaji;Summa;Selite\r\n1/2026;Henkilöstökulut;6 500,00;Palkat\r\n2026-02;Travel;120,40;Juna\r\n";
        Assert.Equal(HttpStatusCode.Redirect, (await ImportAsync(member, page, Encoding.UTF8.GetBytes(goodCsv), "kulut.csv")).StatusCode);
        using (var workbook = new XLWorkbook())
        {
            var sheet = workbook.AddWorksheet("Kulut");
            sheet.Cell(1, 1).Value = "Month"; sheet.Cell(1, 2).Value = "Category"; sheet.Cell(1, 3).Value = "Amount";
            sheet.Cell(2, 1).Value = "3/2026"; sheet.Cell(2, 2).Value = "Services"; sheet.Cell(2, 3).Value = 2500.25;
            using var stream = new MemoryStream();
            workbook.SaveAs(stream);
            Assert.Equal(HttpStatusCode.Redirect, (await ImportAsync(member, page, stream.ToArray(), "kulut.xlsx")).StatusCode);
        }
        var costs = await host.WithDbAsync(db => db.WorkspaceCosts.Where(c => c.SubProjectId == p.SubProject).ToListAsync());
        Assert.Equal(9_120.65m, costs.Sum(c => c.Amount));
        // A file that lies about its type (a PDF named .csv) is refused as a whole.
        var lying = await ImportAsync(member, page, Encoding.UTF8.GetBytes("%PDF-1.4\n%âãÏÓ\n1 0 obj\n"), "kulut.csv");
        Assert.Equal(HttpStatusCode.BadRequest, lying.StatusCode);
        Assert.Equal(3, await host.WithDbAsync(db => db.WorkspaceCosts.CountAsync(c => c.SubProjectId == p.SubProject)));
        // The other sub-project's person enters nothing here.
        AssertForbiddenOrNotFound(await host.Client(p.OtherId).PostFormAsync(page, [new("cost-Month", "2026-03"), new("cost-Category", "Travel"), new("cost-Amount", "1")], page + "?handler=Cost"));

        // Budget against actual, in Finnish euros, and the funder's workbook with numbers.
        var summary = Regex.Replace(WebUtility.HtmlDecode(await lead.GetStringAsync($"/workspaces/{p.Slug}/finances?year=2026&culture=fi")), "<[^>]+>", " ");
        Assert.Contains("90\u00a0000,00\u00a0€", summary);
        Assert.Contains("83\u00a0500,00\u00a0€", summary); // personnel remaining: 90 000 − 6 500
        var xlsx = await lead.GetAsync($"/workspaces/{p.Slug}/finances?handler=Xlsx&year=2026&culture=fi");
        using var report = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        var first = report.Worksheet(1);
        var personnel = first.RowsUsed().First(r => r.Cell(1).GetString() == "Asumisen tuki" && r.Cell(3).GetString() == "Henkilöstökulut");
        Assert.Equal((90_000m, 6_500m, 83_500m), (personnel.Cell(4).GetValue<decimal>(), personnel.Cell(5).GetValue<decimal>(), personnel.Cell(6).GetValue<decimal>()));
        Assert.Contains("€", personnel.Cell(4).Style.NumberFormat.Format);
    }

    [Fact]
    public async Task Nothing_of_another_projects_tools_opens_or_changes_through_ones_own_project()
    {
        var a = await ProjectAsync();
        var b = await ProjectAsync();
        var workspaceB = await Kit.IdAsync(b.Slug);
        await host.Client(b.MemberId).PostFormAsync($"/workspaces/{b.Slug}/finances/{b.SubProject}",
            [new("cost-Month", "2026-03"), new("cost-Category", "Travel"), new("cost-Amount", "77")], $"/workspaces/{b.Slug}/finances/{b.SubProject}?handler=Cost");
        var costB = await host.WithDbAsync(db => db.WorkspaceCosts.Where(c => c.WorkspaceId == workspaceB).Select(c => c.Id).SingleAsync());
        var memberA = host.Client(a.MemberId);
        foreach (var path in new[] { "subprojects", "goals", "goals?handler=Xlsx", "reports", "finances", "finances?handler=Xlsx", $"finances/{b.SubProject}" })
            Assert.Equal(HttpStatusCode.NotFound, (await memberA.GetAsync($"/workspaces/{b.Slug}/{path}")).StatusCode);
        // B's sub-project and cost ids through A's own address are not found either.
        Assert.Equal(HttpStatusCode.NotFound, (await memberA.GetAsync($"/workspaces/{a.Slug}/finances/{b.SubProject}")).StatusCode);
        var leadA = host.Client(a.LeadId);
        var ownPage = $"/workspaces/{a.Slug}/finances/{a.SubProject}";
        Assert.Equal(HttpStatusCode.NotFound, (await leadA.PostFormAsync(ownPage, [new("cost", costB.ToString())], ownPage + "?handler=RemoveCost")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leadA.PostFormAsync($"/workspaces/{a.Slug}/subprojects", [new("SubProject", b.SubProject.ToString()),
            new("Name", "Kaapattu"), new("Organisation", (await Kit.OrganisationAsync("Kaappaaja ry")).ToString())])).StatusCode);
        Assert.True(await host.WithDbAsync(db => db.WorkspaceCosts.AnyAsync(c => c.Id == costB)));
        Assert.False(await host.WithDbAsync(db => db.WorkspaceSubProjects.AnyAsync(s => s.Name == "Kaapattu")));
    }

    private static void AssertForbiddenOrNotFound(HttpResponseMessage response) =>
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound || response.StatusCode == HttpStatusCode.Redirect
            && NetworkTestHost.LocalPath(response).Contains("denied", StringComparison.OrdinalIgnoreCase), $"Expected refusal, got {(int)response.StatusCode}");

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string page, byte[] content, string fileName)
    {
        var token = await client.FormTokenAsync(page);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { file, "costFile", fileName } };
        return await client.PostAsync(page + "?handler=Import&culture=fi", form);
    }
}
