using System.Net;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Tests.Account;

namespace Yhdessa.Tests.Events.Registration;

public sealed class NeedsChangeOnSqlite(SqliteApp app) : NeedsChangeTests(app), IClassFixture<SqliteApp>;
public sealed class NeedsChangeOnPostgres(PostgresApp app) : NeedsChangeTests(app), IClassFixture<PostgresApp>;

/// <summary>A person who forgot a diet or an accessibility need when registering adds it by the link in their email.</summary>
public abstract class NeedsChangeTests(YhdessaApp app)
{
    private static Dictionary<string, string> Needs(string dietary, string accessibility = "") => new()
    {
        ["Needs.DietaryNeeds"] = dietary, ["Needs.AccessibilityNeeds"] = accessibility,
    };

    [Fact]
    public async Task A_guest_adds_needs_by_the_link_the_coordinator_sees_them_and_bad_input_changes_nothing()
    {
        var ev = await app.OpenEventAsync(capacity: 10);
        var email = RegistrationApps.NewEmail("tarve");
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Tuula Tarvitsija", email));
        var link = await app.LinkFromMailAsync(email);
        var guest = WebBrowser.Open(app);

        var page = await guest.OpenAsync(link);
        Assert.Equal("", page.Document.QuerySelector("textarea#Needs_DietaryNeeds")!.TextContent);
        Assert.NotNull(page.Document.QuerySelector("label[for='Needs_AccessibilityNeeds']"));
        var after = await guest.PressAsync(link, "Needs", Needs("Vegaaninen", "Pyörätuoli"));

        Assert.StartsWith("/events/registration/", after.Path);
        Assert.Contains("Ruokavalio- ja saavutettavuustiedot on tallennettu.", after.Notice);
        Assert.Equal("Vegaaninen", after.Document.QuerySelector("textarea#Needs_DietaryNeeds")!.TextContent.Trim());
        var registration = await app.RegistrationOfAsync(email);
        Assert.Equal(("Vegaaninen", "Pyörätuoli"), (registration.DietaryNeeds, registration.AccessibilityNeeds));
        Assert.Contains("Vegaaninen", (await (await app.CoordinatorAsync()).OpenAsync($"/events/{ev.Slug}/participants")).Text);

        var overlong = await guest.PressAsync(link, "Needs", Needs(new string('x', 1001)));
        Assert.Equal(HttpStatusCode.OK, overlong.Status);
        Assert.Contains("enintään 1000 merkkiä", overlong.Document.QuerySelector(".error-summary a[href='#Needs_DietaryNeeds']")!.TextContent);
        var hidden = await guest.PressAsync(link.Split('?')[0] + "?culture=en", "Needs", Needs("Gluten\u200Bfree"));
        Assert.Contains("invisible control characters", hidden.Document.QuerySelector(".error-summary a[href='#Needs_DietaryNeeds']")!.TextContent);
        registration = await app.RegistrationOfAsync(email);
        Assert.Equal(("Vegaaninen", "Pyörätuoli"), (registration.DietaryNeeds, registration.AccessibilityNeeds));

        // Emptying both is allowed: the needs are optional.
        await guest.PressAsync(link, "Needs", Needs(""));
        registration = await app.RegistrationOfAsync(email);
        Assert.Equal((null, null), (registration.DietaryNeeds, registration.AccessibilityNeeds));
    }

    [Fact]
    public async Task Needs_cannot_be_changed_after_cancelling_or_once_the_event_is_over()
    {
        var ev = await app.OpenEventAsync(capacity: 10, startsInDays: 1);
        var cancelling = RegistrationApps.NewEmail("peruja");
        var staying = RegistrationApps.NewEmail("jaaja");
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Pertti Peruja", cancelling));
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Jaana Jääjä", staying));
        var cancelLink = await app.LinkFromMailAsync(cancelling);
        var stayLink = await app.LinkFromMailAsync(staying);
        var browser = WebBrowser.Open(app);
        // The form is opened while it is still there; the post comes after the registration (or the event) has ended.
        var form = await browser.OpenAsync(cancelLink);
        var token = form.Document.QuerySelector("main form[action*='handler=Needs'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        await browser.PressAsync(cancelLink, "Cancel");
        Assert.Null((await browser.OpenAsync(cancelLink)).Document.QuerySelector("form[action*='handler=Needs']"));
        var refused = await browser.PostAsync(cancelLink.Split('?')[0] + "?handler=Needs",
            [new("__RequestVerificationToken", token), new("Needs.DietaryNeeds", "Laktoositon")]);
        Assert.Contains("Tietoja ei voi enää muuttaa", refused.ErrorSummary);
        Assert.Null((await app.RegistrationOfAsync(cancelling)).DietaryNeeds);

        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(4));
        var over = await browser.OpenAsync(stayLink);
        Assert.Null(over.Document.QuerySelector("form[action*='handler=Needs']"));
        Assert.Equal(RegistrationStatus.Confirmed, (await app.RegistrationOfAsync(staying)).Status);
    }
}
