using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Platform.Data;

namespace Yhdessa.Tests.Events.Registration;

public sealed class RegistrationJobsOnSqlite(SqliteApp app) : RegistrationJobTests(app), IClassFixture<SqliteApp>;
public sealed class RegistrationJobsOnPostgres(PostgresApp app) : RegistrationJobTests(app), IClassFixture<PostgresApp>;

/// <summary>What happens with time: offers run out and pass on, reminders go once, and personal data is erased after
/// the event. The tests move the app's clock and run the job's work directly.</summary>
public abstract class RegistrationJobTests(YhdessaApp app)
{
    [Fact]
    public async Task An_offer_not_accepted_in_time_passes_to_the_next_and_its_link_then_says_so()
    {
        var ev = await app.OpenEventAsync(capacity: 1, new EventRegistrationSettings { OfferHoldHours = 24 }, startsInDays: 20);
        var (holder, first, second) = (RegistrationApps.NewEmail("pitaja"), RegistrationApps.NewEmail("ekajono"), RegistrationApps.NewEmail("tokajono"));
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Pitäjä", holder));
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Eka Jonossa", first));
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Toka Jonossa", second));
        await WebBrowser.Open(app).PressAsync(await app.LinkFromMailAsync(holder), "Cancel");
        var offerLink = await app.LinkFromMailAsync(first);
        Assert.Equal(RegistrationStatus.Offered, (await app.RegistrationOfAsync(first)).Status);

        await app.RunJobsAsync();
        Assert.Equal(RegistrationStatus.Offered, (await app.RegistrationOfAsync(first)).Status);
        app.Clock.Advance(TimeSpan.FromHours(25));
        await app.RunJobsAsync();

        var expired = await app.RegistrationOfAsync(first);
        Assert.Equal((RegistrationStatus.Cancelled, CancellationReason.OfferExpired), (expired.Status, expired.CancellationReason));
        Assert.Equal("Tarjottu paikka siirtyi seuraavalle: " + ev.TitleFi, (await app.MailAsync(first)).Last().Subject);
        Assert.Equal(RegistrationStatus.Offered, (await app.RegistrationOfAsync(second)).Status);
        var late = await WebBrowser.Open(app).OpenAsync(offerLink);
        Assert.Contains("Tarjotun paikan vahvistusaika päättyi", late.Text);
        Assert.Null(late.Document.QuerySelector("main form[action*='handler=Accept']"));
        var forced = await WebBrowser.Open(app).PostAsync(offerLink.Split('?')[0] + "?handler=Accept", []);
        Assert.NotEqual(System.Net.HttpStatusCode.InternalServerError, forced.Status);
        Assert.Equal(RegistrationStatus.Cancelled, (await app.RegistrationOfAsync(first)).Status);
        Assert.Equal(RegistrationStatus.Offered, (await app.RegistrationOfAsync(second)).Status);
    }

    [Fact]
    public async Task Accepting_an_offer_after_its_time_but_before_the_job_ran_is_refused_and_passes_the_seat_on()
    {
        var ev = await app.OpenEventAsync(capacity: 1, new EventRegistrationSettings { OfferHoldHours = 2 }, startsInDays: 30);
        var (holder, first, second) = (RegistrationApps.NewEmail("pitaja2"), RegistrationApps.NewEmail("eka2"), RegistrationApps.NewEmail("toka2"));
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Pitäjä", holder));
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Eka", first));
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Toka", second));
        await WebBrowser.Open(app).PressAsync(await app.LinkFromMailAsync(holder), "Cancel");
        var offerLink = await app.LinkFromMailAsync(first);
        var person = WebBrowser.Open(app);
        var form = await person.OpenAsync(offerLink);
        var accept = form.Document.QuerySelector("main form[action*='handler=Accept']")!;
        var token = accept.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // The person had the page open and presses the button after the offer's time.
        app.Clock.Advance(TimeSpan.FromHours(3));
        var page = await person.PostAsync(accept.GetAttribute("action")!, [new("__RequestVerificationToken", token)]);

        Assert.Contains("vahvistusaika", page.Text);
        Assert.Equal(CancellationReason.OfferExpired, (await app.RegistrationOfAsync(first)).CancellationReason);
        Assert.Equal(RegistrationStatus.Offered, (await app.RegistrationOfAsync(second)).Status);
    }

    [Fact]
    public async Task The_reminder_goes_once_two_days_before_with_the_online_link()
    {
        var ev = await app.OpenEventAsync(capacity: 5, startsInDays: 4);
        var confirmed = RegistrationApps.NewEmail("muistettava");
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Muistettava", confirmed));

        await app.RunJobsAsync();
        Assert.Single(await app.MailAsync(confirmed));
        app.Clock.Advance(TimeSpan.FromDays(2.5));
        await app.RunJobsAsync();
        await app.RunJobsAsync();

        var mails = await app.MailAsync(confirmed);
        Assert.Equal(2, mails.Count);
        Assert.Equal("Muistutus: " + ev.TitleFi, mails[1].Subject);
        Assert.Contains("https://meet.example.org/huone-7", mails[1].TextBody);
        Assert.Contains("/events/registration/", mails[1].TextBody);
    }

    [Fact]
    public async Task After_the_event_needs_go_the_next_day_and_guests_data_after_the_retention_time_keeping_the_counts()
    {
        var ev = await app.OpenEventAsync(capacity: 5, startsInDays: 1);
        var (member, memberId) = await app.PersonAsync("retention-member");
        await member.SubmitAsync($"/events/{ev.Slug}/register", new() { ["Input.AccessibilityNeeds"] = "Pyörätuoli" });
        var guest = RegistrationApps.NewEmail("vieras");
        var fields = RegistrationApps.Guest("Vieras Virtanen", guest, "Porin kaupunki");
        fields["Input.DietaryNeeds"] = "Laktoositon";
        await app.RegisterGuestAsync(ev, fields);

        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(4));
        await app.RunJobsAsync();
        var duringEventDay = await app.RegistrationsAsync(ev.Id);
        Assert.Equal("Laktoositon", duringEventDay.Single(r => r.UserId == null).DietaryNeeds);

        app.Clock.Advance(TimeSpan.FromDays(1));
        await app.RunJobsAsync();
        var dayAfter = await app.RegistrationsAsync(ev.Id);
        Assert.All(dayAfter, r => Assert.Null(r.DietaryNeeds));
        Assert.All(dayAfter, r => Assert.Null(r.AccessibilityNeeds));
        Assert.All(dayAfter, r => Assert.NotNull(r.NeedsErasedAt));
        Assert.Equal("Vieras Virtanen", dayAfter.Single(r => r.UserId == null).Name);

        app.Clock.Advance(TimeSpan.FromDays(88));
        await app.RunJobsAsync();
        Assert.Equal("Vieras Virtanen", (await app.RegistrationsAsync(ev.Id)).Single(r => r.UserId == null).Name);
        app.Clock.Advance(TimeSpan.FromDays(1));
        await app.RunJobsAsync();

        var erased = await app.RegistrationsAsync(ev.Id);
        var guestRow = erased.Single(r => r.UserId == null);
        Assert.Equal(("", "", null, null), (guestRow.Name, guestRow.Email, guestRow.EmailNormalized, guestRow.OrganisationName));
        Assert.NotNull(guestRow.PersonalDataErasedAt);
        Assert.Equal(2, erased.Count(r => r.Status == RegistrationStatus.Confirmed));
        var memberRow = erased.Single(r => r.UserId == memberId);
        Assert.NotEqual("", memberRow.Name);
        // The erased guest's link opens nothing.
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await WebBrowser.Open(app).OpenAsync(await app.LinkFromMailAsync(guest))).Status);
    }
}
