using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Events.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Places;

namespace Yhdessa.Tests.Events;

[Collection("Events with demo content on SQLite")]
public sealed class EventDemoDataOnSqlite(DemoSqliteApp app) : EventDemoDataTests(app);
[Collection("Events with demo content on PostgreSQL")]
public sealed class EventDemoDataOnPostgres(DemoPostgresApp app) : EventDemoDataTests(app);

/// <summary>A newcomer's first run: events of every type, upcoming and past, organised by the demo organisations.</summary>
public abstract class EventDemoDataTests(YhdessaApp app)
{
    [Fact]
    public async Task Demo_events_cover_every_type_past_and_upcoming_with_real_organisers_and_a_series_of_three()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<YhdessaDb>();
        var events = await db.Events.Include(e => e.Organisers).ToListAsync();
        var now = DateTimeOffset.UtcNow;

        Assert.Equal(Enum.GetValues<EventType>().ToHashSet(), events.Select(e => e.Type).ToHashSet());
        Assert.Contains(events, e => e.EndsAt < now);
        Assert.Contains(events, e => e.StartsAt > now);
        Assert.All(events, e => Assert.NotEmpty(e.Organisers));
        Assert.Equal(3, await db.Events.CountAsync(e => e.Series!.Slug == "asumisneuvonnan-koulutus"));
        Assert.Contains(events, e => e.Visibility == EventVisibility.Group && e.GroupId != null);
        // Pages, calendar files and emails add the municipality after the address: "Linnankatu 35, Turku", not "…, Turku, Turku".
        var municipalities = scope.ServiceProvider.GetRequiredService<Municipalities>();
        Assert.All(events.Where(e => e.Address is not null && e.MunicipalityCode is not null),
            e => Assert.DoesNotContain(", " + municipalities.Find(e.MunicipalityCode)!.Name("fi"), e.Address!));

        var list = await app.CreateClient().GetStringAsync("/events");
        Assert.Contains("Valtakunnallinen syysseminaari", list);
        Assert.DoesNotContain("Asunto ensin 2.0, istunto 4", list);
    }
}
