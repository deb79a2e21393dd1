using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Needs;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Events;
using Yhdessa.Tests.Network;

namespace Yhdessa.Tests.Needs;

[Collection("Needs on SQLite")]
public sealed class AnsweredOnSqlite(SqliteApp app) : AnsweredTests(app);
[Collection("Needs on PostgreSQL")]
public sealed class AnsweredOnPostgres(PostgresApp app) : AnsweredTests(app);

/// <summary>"You said, we did", the feed and the API: what the public reads of needs, never an anonymous raiser.</summary>
public abstract class AnsweredTests(YhdessaApp app)
{
    private readonly WebApplicationFactory<Program> host = NetworkTestHost.For(app);

    private async Task<int> RaiseAsync(string title, bool nameShown, string raiserName = "Näkyvä Kertoja")
    {
        var raiser = await host.CreateUserAsync(raiserName);
        using var scope = host.Services.CreateScope();
        var need = await scope.ServiceProvider.GetRequiredService<NeedCatalogue>().RaiseAsync(new Need
        {
            Kind = NeedKind.Training, Title = title, Description = "Kuvaus **tarpeesta**", RaisedById = raiser, RaiserNameShown = nameShown,
            RaisedFromSector = Sector.City,
        }, [], default);
        return need.Id;
    }

    private async Task AnswerAsync(HttpClient coordinator, int id)
    {
        foreach (var (revision, to) in new[] { (0, NeedState.Planned), (1, NeedState.Answered) })
            Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync($"/needs/{id}",
                [new("Triage.Revision", revision.ToString()), new("Triage.To", to.ToString())], $"/needs/{id}?handler=Move")).StatusCode);
    }

    [Fact]
    public async Task An_answered_need_is_on_you_said_we_did_under_the_year_it_was_answered_with_what_was_done()
    {
        var title = EventTestData.Unique("Vastattu koulutustarve");
        var id = await RaiseAsync(title, nameShown: true);
        var open = EventTestData.Unique("Avoin tarve");
        await RaiseAsync(open, nameShown: true);
        var coordinator = host.Client(await host.CreateUserAsync("Koordinaattori", Roles.Coordinator));
        var ev = EventTestData.NewEvent(EventTestData.Unique("Vastaava seminaari"), DateTimeOffset.UtcNow.AddDays(3));
        await host.WithDbAsync(async db => { db.Events.Add(ev); await db.SaveChangesAsync(); });
        await coordinator.PostFormAsync($"/needs/{id}", [new("kind", "event"), new("targetId", ev.Id.ToString())], $"/needs/{id}?handler=LinkAnswer");
        await AnswerAsync(coordinator, id);

        var year = Yhdessa.Platform.Localization.HelsinkiTime.ToHelsinki(DateTimeOffset.UtcNow).Year;
        var page = await host.Client().GetStringAsync($"/needs/answered?year={year}");
        Assert.Contains("Sanoitte – teimme", page);
        Assert.Contains(title, page);
        Assert.Contains(ev.TitleFi, page);
        Assert.Contains("vastattu " + Yhdessa.Platform.Localization.HelsinkiTime.ToHelsinki(app.Clock.GetUtcNow()).ToString("d.M.yyyy",
            System.Globalization.CultureInfo.InvariantCulture), page);
        Assert.DoesNotContain(open, page);
        Assert.Contains("Ni sade – vi gjorde", await host.Client().GetStringAsync($"/needs/answered?culture=sv"));
        Assert.Equal(HttpStatusCode.OK, (await host.Client().GetAsync("/needs/answered?year=1999&theme=abc")).StatusCode);
    }

    [Fact]
    public async Task The_feed_has_new_and_answered_needs_as_valid_atom()
    {
        var raised = EventTestData.Unique("Syötteen uusi tarve");
        await RaiseAsync(raised, nameShown: false);
        var answered = EventTestData.Unique("Syötteen vastattu tarve");
        var id = await RaiseAsync(answered, nameShown: true);
        await AnswerAsync(host.Client(await host.CreateUserAsync("Koordinaattori", Roles.Coordinator)), id);

        var response = await host.Client().GetAsync("/needs/feed");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var atom = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace a = "http://www.w3.org/2005/Atom";
        var titles = atom.Root!.Elements(a + "entry").Select(e => (string)e.Element(a + "title")!).ToList();
        Assert.Contains(raised, titles);
        Assert.Contains("Vastattu: " + answered, titles);

        // A Swedish page links to the feed in Swedish, and a feed reader gets it by that address alone.
        Assert.Contains("href=\"/needs/feed?culture=sv\"", await host.Client().GetStringAsync("/needs/answered?culture=sv"));
        var swedish = XDocument.Parse(await host.Client().GetStringAsync("/needs/feed?culture=sv"));
        Assert.Equal("Yhdessä – behov", (string)swedish.Root!.Element(a + "title")!);
        Assert.Equal("sv", (string?)swedish.Root.Attribute(XNamespace.Xml + "lang"));
        Assert.Contains("Besvarat: " + answered, swedish.Root.Elements(a + "entry").Select(e => (string)e.Element(a + "title")!));
    }

    [Fact]
    public async Task The_api_lists_and_gives_needs_without_ever_naming_a_raiser_who_chose_not_to_be_named()
    {
        var hidden = EventTestData.Unique("Rajapinnan nimetön tarve");
        var hiddenId = await RaiseAsync(hidden, nameShown: false, raiserName: "Salainen Kertoja");
        var shownId = await RaiseAsync(EventTestData.Unique("Rajapinnan nimetty tarve"), nameShown: true, raiserName: "Julkinen Kertoja");
        var client = host.Client();

        var list = await client.GetStringAsync("/api/v1/needs?sort=newest&pageSize=100");
        Assert.Contains(hidden, list);
        Assert.DoesNotContain("Salainen Kertoja", list);
        Assert.Contains("Julkinen Kertoja", list);
        var one = await client.GetFromJsonAsync<JsonElement>($"/api/v1/needs/{hiddenId}");
        Assert.Equal(JsonValueKind.Null, one.GetProperty("need").GetProperty("raisedBy").ValueKind);
        Assert.Equal("City", one.GetProperty("need").GetProperty("raisedFromSector").GetString());
        Assert.Equal("Julkinen Kertoja", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/needs/{shownId}")).GetProperty("need").GetProperty("raisedBy").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/needs/999999")).StatusCode);

        foreach (var (query, parameter) in new[] { ("kind=Muu", "kind"), ("state=Merged", "state"), ("pageSize=0", "pageSize"), ("theme=x", "theme"), ("sort=best", "sort") })
        {
            var bad = await client.GetAsync("/api/v1/needs?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains(parameter, await bad.Content.ReadAsStringAsync());
        }
        Assert.Contains("/api/v1/needs", await client.GetStringAsync("/openapi/v1.json"));
    }
}
