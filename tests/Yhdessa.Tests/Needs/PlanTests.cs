using System.Net;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Needs;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Events;
using Yhdessa.Tests.Network;

namespace Yhdessa.Tests.Needs;

[Collection("Needs on SQLite")]
public sealed class PlanOnSqlite(SqliteApp app) : PlanTests(app);
[Collection("Needs on PostgreSQL")]
public sealed class PlanOnPostgres(PostgresApp app) : PlanTests(app);

/// <summary>The planning view: several needs planned for a season at once, and the backlog as a safe spreadsheet.</summary>
public abstract class PlanTests(YhdessaApp app)
{
    private readonly WebApplicationFactory<Program> host = NetworkTestHost.For(app);

    private async Task<int> RaiseAsync(string title, NeedState state = NeedState.New)
    {
        var raiser = await host.CreateUserAsync("Kertoja");
        using var scope = host.Services.CreateScope();
        var id = (await scope.ServiceProvider.GetRequiredService<NeedCatalogue>().RaiseAsync(new Need
        {
            Kind = NeedKind.Development, Title = title, Description = "Kuvaus", RaisedById = raiser,
        }, [], default)).Id;
        if (state != NeedState.New) await host.WithDbAsync(db => db.Needs.Where(n => n.Id == id).ExecuteUpdateAsync(n => n.SetProperty(x => x.State, state)));
        return id;
    }

    [Fact]
    public async Task A_planning_meeting_marks_several_needs_planned_for_a_season_and_says_which_could_not_be()
    {
        var first = await RaiseAsync(EventTestData.Unique("Suunniteltava A"));
        var second = await RaiseAsync(EventTestData.Unique("Suunniteltava B"), NeedState.UnderConsideration);
        var answered = await RaiseAsync(EventTestData.Unique("Jo vastattu"), NeedState.Answered);
        var coordinator = host.Client(await host.CreateUserAsync("Koordinaattori", Roles.Coordinator));

        var empty = await coordinator.PostFormAsync("/needs/plan", [new("Season", "Kevät 2027")]);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Valitse vähintään yksi tarve.", await empty.Content.ReadAsStringAsync());

        var planned = await coordinator.PostFormAsync("/needs/plan",
            [new("Chosen", first.ToString()), new("Chosen", second.ToString()), new("Chosen", answered.ToString()), new("Season", "Kevät 2027")]);
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);

        var states = await host.WithDbAsync(db => db.Needs.Where(n => n.Id == first || n.Id == second || n.Id == answered).ToDictionaryAsync(n => n.Id, n => n.State));
        Assert.Equal(NeedState.Planned, states[first]);
        Assert.Equal(NeedState.Planned, states[second]);
        Assert.Equal(NeedState.Answered, states[answered]);
        Assert.Contains("Kevät 2027", await host.Client().GetStringAsync($"/needs/{first}"));
        var notice = await coordinator.GetStringAsync(NetworkTestHost.LocalPath(planned));
        Assert.Contains("2 tarvetta merkittiin suunnitelluiksi.", notice);
        Assert.Contains("Jo vastattu", notice);
    }

    [Fact]
    public async Task The_backlog_downloads_as_a_spreadsheet_with_formulas_made_harmless_and_the_download_is_audited()
    {
        var title = "=HYPERLINK(\"http://example.com\") " + Guid.NewGuid().ToString("N")[..6];
        await RaiseAsync(title);
        var coordinator = host.Client(await host.CreateUserAsync("Koordinaattori", Roles.Coordinator));

        var response = await coordinator.GetAsync("/needs/plan?handler=Export&sort=oldest");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheets.First();
        Assert.Equal("Otsikko", sheet.Cell(1, 1).GetString());
        var row = sheet.RowsUsed().Single(r => r.Cell(1).GetString().Contains(title[1..]));
        Assert.Equal("'" + title, row.Cell(1).GetString());
        Assert.False(row.Cell(1).HasFormula);
        Assert.True(await host.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == "needs.backlog-exported")));
        NetworkTestHost.AssertForbidden(await host.Client(await host.CreateUserAsync("Jäsen")).GetAsync("/needs/plan?handler=Export"));
    }

    [Fact]
    public async Task A_planning_meeting_links_the_planned_needs_to_an_upcoming_event_whose_page_then_names_them()
    {
        var title = EventTestData.Unique("Suunniteltava koulutustarve");
        var need = await RaiseAsync(title);
        var ev = EventTestData.NewEvent(EventTestData.Unique("Kevään koulutuspäivä"), DateTimeOffset.UtcNow.AddDays(60));
        var past = EventTestData.NewEvent(EventTestData.Unique("Mennyt päivä"), DateTimeOffset.UtcNow.AddDays(-60));
        await host.WithDbAsync(async db => { db.Events.AddRange(ev, past); await db.SaveChangesAsync(); });
        var coordinator = host.Client(await host.CreateUserAsync("Koordinaattori", Roles.Coordinator));
        Assert.Contains(ev.TitleFi, await coordinator.GetStringAsync("/needs/plan"));

        var refused = await coordinator.PostFormAsync("/needs/plan", [new("Chosen", need.ToString()), new("Season", "Kevät 2027"), new("LinkEvent", past.Id.ToString())]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Valittua tapahtumaa ei löydy tulevista tapahtumista.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(NeedState.New, await host.WithDbAsync(db => db.Needs.Where(n => n.Id == need).Select(n => n.State).SingleAsync()));

        var planned = await coordinator.PostFormAsync("/needs/plan", [new("Chosen", need.ToString()), new("Season", "Kevät 2027"), new("LinkEvent", ev.Id.ToString())]);

        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        Assert.Equal(NeedState.Planned, await host.WithDbAsync(db => db.Needs.Where(n => n.Id == need).Select(n => n.State).SingleAsync()));
        Assert.Contains(ev.TitleFi, await host.Client().GetStringAsync($"/needs/{need}"));
        Assert.Contains(title, await host.Client().GetStringAsync($"/events/{ev.Slug}"));
    }
}
