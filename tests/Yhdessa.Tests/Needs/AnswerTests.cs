using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Needs;
using Yhdessa.Features.Needs.Answers;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Events;
using Yhdessa.Tests.Network;

namespace Yhdessa.Tests.Needs;

[Collection("Needs on SQLite")]
public sealed class NeedAnswersOnSqlite(SqliteApp app) : NeedAnswerTests(app);
[Collection("Needs on PostgreSQL")]
public sealed class NeedAnswersOnPostgres(PostgresApp app) : NeedAnswerTests(app);

/// <summary>What answered a need: linked by triagers, shown on both pages, and told to the followers once the event is held.</summary>
public abstract class NeedAnswerTests(YhdessaApp app)
{
    private readonly WebApplicationFactory<Program> host = NetworkTestHost.For(app);

    private async Task<(int Id, string Raiser)> NeedAsync(string title)
    {
        var raiser = await host.CreateUserAsync("Tarpeen Kertoja");
        using var scope = host.Services.CreateScope();
        var need = await scope.ServiceProvider.GetRequiredService<NeedCatalogue>().RaiseAsync(new Need
        {
            Kind = NeedKind.Training, Title = title, Description = "Kuvaus", RaisedById = raiser, RaiserNameShown = true,
        }, [], default);
        return (need.Id, raiser);
    }

    private async Task<Event> EventAsync(string title, DateTimeOffset starts, EventVisibility visibility = EventVisibility.Public)
    {
        var ev = EventTestData.NewEvent(title, starts, visibility);
        await host.WithDbAsync(async db => { db.Events.Add(ev); await db.SaveChangesAsync(); });
        return ev;
    }

    private static Task<HttpResponseMessage> LinkAsync(HttpClient client, int needId, string kind, int targetId) =>
        client.PostFormAsync($"/needs/{needId}", [new("kind", kind), new("targetId", targetId.ToString())], $"/needs/{needId}?handler=LinkAnswer");

    [Fact]
    public async Task A_triager_finds_and_links_an_event_and_both_pages_show_the_link_until_it_is_removed()
    {
        var needTitle = EventTestData.Unique("Tarve koulutuksesta");
        var (needId, _) = await NeedAsync(needTitle);
        var eventTitle = EventTestData.Unique("Vastauskoulutus");
        var ev = await EventAsync(eventTitle, DateTimeOffset.UtcNow.AddDays(20));
        var coordinator = host.Client(await host.CreateUserAsync("Koordinaattori", Roles.Coordinator));

        var found = await coordinator.GetStringAsync($"/needs/{needId}?answerKind=event&answerWords={Uri.EscapeDataString(eventTitle[..20])}");
        Assert.Contains(eventTitle, found);
        Assert.Equal(HttpStatusCode.Redirect, (await LinkAsync(coordinator, needId, "event", ev.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await LinkAsync(coordinator, needId, "event", ev.Id)).StatusCode);
        Assert.Equal(1, await host.WithDbAsync(db => db.NeedAnswers.CountAsync(a => a.NeedId == needId)));

        var needPage = await host.Client().GetStringAsync($"/needs/{needId}");
        Assert.Contains("Mitä verkosto teki", needPage);
        Assert.Contains($"href=\"/events/{ev.Slug}\"", needPage);
        var eventPage = await host.Client().GetStringAsync($"/events/{ev.Slug}");
        Assert.Contains("Tapahtuma vastaa näihin kentän tarpeisiin", eventPage);
        Assert.Contains(needTitle, eventPage);

        var answerId = await host.WithDbAsync(db => db.NeedAnswers.Where(a => a.NeedId == needId).Select(a => a.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync($"/needs/{needId}", [new("answerId", answerId.ToString())],
            $"/needs/{needId}?handler=UnlinkAnswer")).StatusCode);
        Assert.DoesNotContain(needTitle, await host.Client().GetStringAsync($"/events/{ev.Slug}"));
    }

    [Fact]
    public async Task A_record_that_is_not_public_or_not_there_cannot_answer_a_need()
    {
        var (needId, _) = await NeedAsync(EventTestData.Unique("Tarve"));
        var hidden = await EventAsync(EventTestData.Unique("Sisäinen kokous"), DateTimeOffset.UtcNow.AddDays(5), EventVisibility.Group);
        var coordinator = host.Client(await host.CreateUserAsync("Koordinaattori", Roles.Coordinator));

        foreach (var (kind, id) in new[] { ("event", hidden.Id), ("event", 999999), ("tuntematon", 1), ("material", 999999) })
        {
            var refused = await LinkAsync(coordinator, needId, kind, id);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("Valitse julkinen tapahtuma, aineisto tai ryhmä hakutuloksista.", await refused.Content.ReadAsStringAsync());
        }
        Assert.Equal(0, await host.WithDbAsync(db => db.NeedAnswers.CountAsync(a => a.NeedId == needId)));
        NetworkTestHost.AssertForbidden(await LinkAsync(host.Client(await host.CreateUserAsync("Jäsen")), needId, "event", hidden.Id));
    }

    [Fact]
    public async Task When_an_answering_event_has_taken_place_the_followers_are_told_once()
    {
        var needTitle = EventTestData.Unique("Seurattu tarve");
        var (needId, raiser) = await NeedAsync(needTitle);
        var eventTitle = EventTestData.Unique("Pidetty koulutus");
        var held = await EventAsync(eventTitle, DateTimeOffset.UtcNow.AddDays(-2));
        var coming = await EventAsync(EventTestData.Unique("Tuleva koulutus"), DateTimeOffset.UtcNow.AddDays(10));
        var coordinator = host.Client(await host.CreateUserAsync("Koordinaattori", Roles.Coordinator));
        await LinkAsync(coordinator, needId, "event", held.Id);
        await LinkAsync(coordinator, needId, "event", coming.Id);

        for (var run = 0; run < 2; run++)
        {
            using var scope = host.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<EventsHeldJob>().RunAsync(default);
        }

        var mail = Assert.Single(await host.WithDbAsync(db => db.Set<OutgoingEmail>().Where(m => m.UserId == raiser).ToListAsync()));
        Assert.Equal($"Tarpeeseen ”{needTitle}” vastattiin tapahtumalla", mail.Subject);
        Assert.Contains(eventTitle, mail.TextBody);
    }
}
