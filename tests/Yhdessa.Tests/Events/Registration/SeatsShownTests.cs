using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Events.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Tests.Account;

namespace Yhdessa.Tests.Events.Registration;

[Collection("Events on SQLite")]
public sealed class SeatsShownOnSqlite(SqliteApp app) : SeatsShownTests(app);
[Collection("Events on PostgreSQL")]
public sealed class SeatsShownOnPostgres(PostgresApp app) : SeatsShownTests(app);

/// <summary>The event page and the list tell a visitor how many seats are left and when only the queue is open, even
/// though both pages are cached for visitors.</summary>
public abstract class SeatsShownTests(YhdessaApp app)
{
    /// <summary>A theme of its own, so that the list can be narrowed to the one event.</summary>
    private Task<int> ThemeOfAsync(Event ev) => app.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<YhdessaDb>();
        var theme = new EventTheme { NameFi = EventTestData.Unique("Teema") };
        db.EventThemes.Add(theme);
        await db.SaveChangesAsync();
        db.Set<EventThemeLink>().Add(new EventThemeLink { EventId = ev.Id, ThemeId = theme.Id });
        await db.SaveChangesAsync();
        return theme.Id;
    });

    [Fact]
    public async Task A_visitor_sees_the_seats_left_change_with_each_registration_and_a_full_event_offers_the_queue()
    {
        var ev = await app.OpenEventAsync(capacity: 2);
        var theme = await ThemeOfAsync(ev);
        var visitor = WebBrowser.Open(app);

        var page = await visitor.OpenAsync($"/events/{ev.Slug}");
        Assert.Contains("Paikkoja jäljellä: 2", page.Text);
        var list = await visitor.OpenAsync($"/events?theme={theme}");
        var card = list.Document.QuerySelector("ul.cards > li")!;
        Assert.Contains("Koulutus · Helsinki · verkossa", card.TextContent);
        Assert.DoesNotContain("Täynnä", card.TextContent);

        // Both pages were cached for visitors just now: a registration must show at once all the same.
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Aino Asukas", RegistrationApps.NewEmail("aino")));
        Assert.Contains("Paikkoja jäljellä: 1", (await visitor.OpenAsync($"/events/{ev.Slug}")).Text);

        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Eero Esimerkki", RegistrationApps.NewEmail("eero")));
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Helmi Huttunen", RegistrationApps.NewEmail("helmi")));
        page = await visitor.OpenAsync($"/events/{ev.Slug}");
        Assert.Contains("Täynnä. Ilmoittautumalla pääset jonoon (jonossa nyt 1).", page.Text);
        Assert.DoesNotContain("Paikkoja jäljellä", page.Text);
        Assert.Equal("Ilmoittaudu jonoon", page.Document.QuerySelector($"main a[href='/events/{ev.Slug}/register']")!.TextContent);

        card = (await visitor.OpenAsync($"/events?theme={theme}")).Document.QuerySelector("ul.cards > li")!;
        Assert.Contains("Täynnä, jonoon voi ilmoittautua", card.TextContent);
        var swedish = (await visitor.OpenAsync($"/events?theme={theme}&culture=sv")).Document.QuerySelector("ul.cards > li")!;
        Assert.Contains("Utbildning · Helsingfors · på nätet", swedish.TextContent);
        Assert.Contains("Fullt, kön är öppen", swedish.TextContent);
        var english = await visitor.OpenAsync($"/events/{ev.Slug}?culture=en");
        Assert.Contains("Full. Register to join the waiting list (1 waiting now).", english.Text);
    }
}
