using System.Net;
using System.Text;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Events;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Tests.Account;
using EventStatus = Yhdessa.Features.Events.Data.EventStatus;

namespace Yhdessa.Tests.Events.Registration;

[Collection("Events on SQLite")]
public sealed class EventCancellationOnSqlite(SqliteApp app) : EventCancellationTests(app);
[Collection("Events on PostgreSQL")]
public sealed class EventCancellationOnPostgres(PostgresApp app) : EventCancellationTests(app);

/// <summary>Cancelling an event tells everyone registered, in their language, with a calendar file that removes it.</summary>
public abstract class EventCancellationTests(YhdessaApp app)
{
    [Fact]
    public async Task Cancelling_an_event_cancels_every_live_registration_with_an_email_and_a_cancelling_calendar_file()
    {
        var ev = await app.OpenEventAsync(capacity: 1);
        var confirmed = RegistrationApps.NewEmail("sara");
        var waiting = RegistrationApps.NewEmail("ben");
        var left = RegistrationApps.NewEmail("lauri");
        await WebBrowser.Open(app).SubmitAsync($"/events/{ev.Slug}/register?culture=sv", RegistrationApps.Guest("Sara Strand", confirmed));
        await WebBrowser.Open(app).SubmitAsync($"/events/{ev.Slug}/register?culture=en", RegistrationApps.Guest("Ben Brown", waiting));
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Lauri Lähtijä", left));
        await WebBrowser.Open(app).PressAsync(await app.LinkFromMailAsync(left), "Cancel");
        var mailsToLeaver = (await app.MailAsync(left)).Count;

        var coordinator = await app.CoordinatorAsync();
        var cancelled = await coordinator.SubmitAsync($"/events/{ev.Slug}/cancel", []);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.Status);

        var registrations = await app.RegistrationsAsync(ev.Id);
        Assert.All(registrations, r => Assert.Equal(RegistrationStatus.Cancelled, r.Status));
        Assert.Equal(CancellationReason.EventCancelled, registrations.Single(r => r.Email == confirmed).CancellationReason);
        Assert.Equal(CancellationReason.EventCancelled, registrations.Single(r => r.Email == waiting).CancellationReason);
        // Someone who had already left hears nothing more.
        Assert.Equal(mailsToLeaver, (await app.MailAsync(left)).Count);

        var uid = await app.WithServicesAsync(s => Task.FromResult(s.GetRequiredService<EventCalendar>().Uid(ev)));
        foreach (var (to, subject) in new[] { (confirmed, "Evenemanget inställt: "), (waiting, "Event cancelled: ") })
        {
            var mail = await LatestMailWithAttachmentsAsync(to);
            Assert.Equal(subject + ev.TitleFi, mail.Subject);
            var attachment = Assert.Single(mail.Attachments);
            Assert.Equal("text/calendar; charset=utf-8; method=CANCEL", attachment.ContentType);
            var calendar = Calendar.Load(Encoding.UTF8.GetString(attachment.Content))!;
            Assert.Equal("CANCEL", calendar.Method);
            var entry = Assert.Single(calendar.Events);
            Assert.Equal(uid, entry.Uid);
            Assert.Equal(ev.Revision + 1, entry.Sequence);
            Assert.Equal("CANCELLED", entry.Status);
        }

        // Registration is closed: the page offers no form, only the reason.
        var register = await WebBrowser.Open(app).OpenAsync($"/events/{ev.Slug}/register");
        Assert.Null(register.Document.QuerySelector("main form"));
        Assert.NotNull(register.Notice);
        var stored = await app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Events.AsNoTracking().SingleAsync(e => e.Id == ev.Id));
        Assert.Equal(EventStatus.Cancelled, stored.Status);
        Assert.True(stored.RegistrationClosesAt <= app.Clock.GetUtcNow());

        // One confirmation and one cancellation: nobody is told twice.
        Assert.Equal(2, (await app.MailAsync(confirmed)).Count);
    }

    private Task<OutgoingEmail> LatestMailWithAttachmentsAsync(string to) =>
        app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Set<OutgoingEmail>().AsNoTracking()
            .Include(m => m.Attachments).Where(m => m.To == to).OrderByDescending(m => m.Id).FirstAsync());
}
