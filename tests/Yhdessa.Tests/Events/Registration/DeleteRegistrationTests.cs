using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Tests.Account;

namespace Yhdessa.Tests.Events.Registration;

[Collection("Events on SQLite")]
public sealed class DeleteRegistrationOnSqlite(SqliteApp app) : DeleteRegistrationTests(app);
[Collection("Events on PostgreSQL")]
public sealed class DeleteRegistrationOnPostgres(PostgresApp app) : DeleteRegistrationTests(app);

/// <summary>A person deletes their own registration by its signed link or from their list: the seat goes on at once,
/// the personal data is gone, an anonymous row stays for the counts.</summary>
public abstract class DeleteRegistrationTests(YhdessaApp app)
{
    private static string Delete(string link) => link + (link.Contains('?') ? "&" : "?") + "handler=Delete";

    [Fact]
    public async Task A_guest_deletes_their_registration_after_confirming_and_the_freed_seat_is_offered_to_the_first_waiting()
    {
        var ev = await app.OpenEventAsync(capacity: 1);
        var (leaving, first, second) = (RegistrationApps.NewEmail("poistaja"), RegistrationApps.NewEmail("jono1"), RegistrationApps.NewEmail("jono2"));
        var fields = RegistrationApps.Guest("Poistuva Pirkko", leaving, "Salon kaupunki");
        fields["Input.DietaryNeeds"] = "Gluteeniton";
        await app.RegisterGuestAsync(ev, fields);
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Jonottaja Yksi", first));
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Jonottaja Kaksi", second));
        var link = await app.LinkFromMailAsync(leaving);
        var person = WebBrowser.Open(app);

        var confirm = await person.OpenAsync(Delete(link));

        Assert.Equal($"Poistetaanko ilmoittautumisesi: {ev.TitleFi}?", confirm.H1);
        Assert.Contains("paikkasi vapautuu seuraavalle", confirm.Text);
        Assert.NotNull(confirm.Document.QuerySelector($"main a[href='{link}']"));
        // Opening the confirmation step changes nothing.
        Assert.Equal(RegistrationStatus.Confirmed, (await app.RegistrationOfAsync(leaving)).Status);

        var done = await person.PressAsync(Delete(link), "Delete");

        Assert.Equal("Ilmoittautuminen poistettu", done.H1);
        Assert.Contains("Ilmoittautumisesi on poistettu.", done.Notice);
        Assert.DoesNotContain("Poistuva Pirkko", done.Text);
        var rows = await app.RegistrationsAsync(ev.Id);
        var deleted = rows[0];
        Assert.Equal((RegistrationStatus.Cancelled, CancellationReason.ByParticipant), (deleted.Status, deleted.CancellationReason));
        Assert.Equal(("", "", null, null, null), (deleted.Name, deleted.Email, deleted.EmailNormalized, deleted.OrganisationName, deleted.DietaryNeeds));
        Assert.NotNull(deleted.PersonalDataErasedAt);
        Assert.Empty(deleted.Answers);
        Assert.Equal([RegistrationStatus.Cancelled, RegistrationStatus.Offered, RegistrationStatus.Waiting], rows.Select(r => r.Status));
        Assert.Equal("Sinulle vapautui paikka: " + ev.TitleFi, (await app.MailAsync(first)).Last().Subject);
        Assert.Single(await app.MailAsync(second));
        // The audit says what happened to which row, never whose it was.
        var audit = await app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Set<AuditEntry>()
            .Where(a => a.Action == "events.registration.deleted" && a.Subject == "event:" + ev.Slug).ToListAsync());
        Assert.Equal($"registration:{deleted.Id}", Assert.Single(audit).Details);
        // The link opens nothing any more, and deleting again changes nothing.
        var again = await person.OpenAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.Equal("Linkki ei kelpaa", again.H1);
    }

    [Fact]
    public async Task Leaving_the_waiting_list_by_deleting_keeps_the_queue_and_its_reason()
    {
        var ev = await app.OpenEventAsync(capacity: 1);
        var (holder, waiting) = (RegistrationApps.NewEmail("paikalla"), RegistrationApps.NewEmail("jonossa"));
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Paikan Pitäjä", holder));
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Jonon Jäsen", waiting));

        await WebBrowser.Open(app).PressAsync(Delete(await app.LinkFromMailAsync(waiting)), "Delete");

        var rows = await app.RegistrationsAsync(ev.Id);
        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Cancelled], rows.Select(r => r.Status));
        Assert.Equal(CancellationReason.LeftWaitingList, rows[1].CancellationReason);
        Assert.Equal("", rows[1].Name);
        Assert.Equal("Paikan Pitäjä", rows[0].Name);
    }

    [Fact]
    public async Task A_tampered_delete_link_is_refused_and_nothing_changes()
    {
        var ev = await app.OpenEventAsync(capacity: 5);
        var email = RegistrationApps.NewEmail("peukaloitu");
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Oikea Omistaja", email));
        var link = (await app.LinkFromMailAsync(email)).Split('?')[0];
        var person = WebBrowser.Open(app);
        var antiforgery = (await person.OpenAsync(Delete(link))).Document
            .QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var tampered = link[..^3] + (link[^3] == 'A' ? "B" : "A") + link[^2..];

        var confirm = await person.OpenAsync(Delete(tampered));
        var posted = await person.PostAsync(Delete(tampered), [new("__RequestVerificationToken", antiforgery)]);

        Assert.Equal(HttpStatusCode.NotFound, confirm.Status);
        Assert.Equal(HttpStatusCode.NotFound, posted.Status);
        Assert.Contains("Mitään ei muutettu.", posted.Text);
        var registration = await app.RegistrationOfAsync(email);
        Assert.Equal((RegistrationStatus.Confirmed, "Oikea Omistaja", (DateTimeOffset?)null),
            (registration.Status, registration.Name, registration.PersonalDataErasedAt));
    }

    [Fact]
    public async Task A_member_deletes_a_registration_from_their_list_in_their_language()
    {
        var ev = await app.OpenEventAsync(capacity: 5);
        var (member, _) = await app.PersonAsync("deletes-own");
        await member.SubmitAsync($"/events/{ev.Slug}/register", []);
        var mine = await member.OpenAsync("/events/my");
        var deleteLink = mine.Document.QuerySelector("td a[href*='handler=Delete']")!.GetAttribute("href")!;

        var done = await member.PressAsync(deleteLink + "&culture=en", "Delete");

        Assert.Equal("Registration deleted", done.H1);
        Assert.NotNull(done.Document.QuerySelector("main a[href='/events/my']"));
        var row = Assert.Single(await app.RegistrationsAsync(ev.Id));
        Assert.Equal((null, RegistrationStatus.Cancelled), (row.UserId, row.Status));
        Assert.DoesNotContain(ev.TitleFi, (await member.OpenAsync("/events/my")).Text);
    }

    [Fact]
    public async Task Download_my_data_and_account_deletion_cover_guest_registrations_made_with_the_accounts_address()
    {
        var ev = await app.OpenEventAsync(capacity: 5);
        var (_, memberId) = await app.PersonAsync("guest-before-member");
        var email = await app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Users.Where(u => u.Id == memberId).Select(u => u.Email!).SingleAsync());
        var fields = RegistrationApps.Guest("Vieraana Ilmoittautunut", email.ToUpperInvariant());
        fields["Input.AccessibilityNeeds"] = "Induktiosilmukka";
        await app.RegisterGuestAsync(ev, fields);

        var export = await app.ExportRegistrationsAsync(memberId);
        await app.EraseAccountDataAsync(memberId);

        Assert.Contains("Vieraana Ilmoittautunut", export);
        Assert.Contains("Induktiosilmukka", export);
        var row = Assert.Single(await app.RegistrationsAsync(ev.Id));
        Assert.Equal(("", "", null, RegistrationStatus.Cancelled), (row.Name, row.Email, row.AccessibilityNeeds, row.Status));
    }
}
