using System.Net;
using System.Text;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Events.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Localization;
using Yhdessa.Tests.Account;

namespace Yhdessa.Tests.Events.Registration;

[Collection("Events on SQLite")]
public sealed class EventChangeOnSqlite(SqliteApp app) : EventChangeTests(app);
[Collection("Events on PostgreSQL")]
public sealed class EventChangeOnPostgres(PostgresApp app) : EventChangeTests(app);

/// <summary>A new time, place or online link reaches the registered people, with a calendar file that updates their entry.</summary>
public abstract class EventChangeTests(YhdessaApp app)
{
    private static string Local(DateTimeOffset moment) => HelsinkiTime.ToHelsinki(moment).ToString("yyyy-MM-dd'T'HH:mm");

    /// <summary>The edit form as the coordinator sends it, with the event's current values unless changed.</summary>
    private static Dictionary<string, string> Edit(Event ev, DateTimeOffset? starts = null, string? address = null,
        string description = "Kuvaus", bool tell = true)
    {
        var start = starts ?? ev.StartsAt;
        var fields = new Dictionary<string, string>
        {
            ["Input.Type"] = ev.Type.ToString(), ["Input.TitleFi"] = ev.TitleFi, ["Input.DescriptionFi"] = description,
            ["Input.Starts"] = Local(start), ["Input.Ends"] = Local(start + (ev.EndsAt - ev.StartsAt)),
            ["Input.Address"] = address ?? ev.Address ?? "", ["Input.MunicipalityCode"] = ev.MunicipalityCode ?? "",
            ["Input.OnlineUrl"] = ev.OnlineUrl ?? "", ["Input.Capacity"] = ev.Capacity?.ToString() ?? "",
            ["Input.RegistrationOpens"] = Local(ev.RegistrationOpensAt!.Value), ["Input.RegistrationCloses"] = Local(ev.RegistrationClosesAt!.Value),
            ["Input.Visibility"] = ev.Visibility.ToString(),
        };
        // A checked box sends "true" besides the form's hidden "false"; an unchecked one only the hidden "false".
        if (tell) fields["Input.TellParticipants"] = "true";
        return fields;
    }

    private Task<List<OutgoingEmail>> MailWithAttachmentsAsync(string to) =>
        app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Set<OutgoingEmail>().AsNoTracking()
            .Include(m => m.Attachments).Where(m => m.To == to).OrderBy(m => m.Id).ToListAsync());

    [Fact]
    public async Task A_new_time_is_emailed_to_everyone_registered_and_the_confirmed_get_a_calendar_file_that_updates_their_entry()
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
        // The form keeps whole minutes.
        var later = ev.StartsAt.AddHours(2);
        later = new DateTimeOffset(later.UtcTicks - later.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);

        var coordinator = await app.CoordinatorAsync();
        var saved = await coordinator.SubmitAsync($"/events/{ev.Slug}/edit", Edit(ev, starts: later));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Contains("Muutoksesta kerrottiin sähköpostilla 2 ilmoittautuneelle.", (await coordinator.OpenAsync("/events/" + ev.Slug)).Notice);

        var toSara = (await MailWithAttachmentsAsync(confirmed)).Last();
        Assert.Equal("Ändring i evenemanget: " + ev.TitleFi, toSara.Subject);
        Assert.Contains("Evenemangets tid har ändrats.", toSara.TextBody);
        Assert.Contains(ev.OnlineUrl!, toSara.TextBody);
        var file = Calendar.Load(Encoding.UTF8.GetString(Assert.Single(toSara.Attachments).Content))!;
        var entry = Assert.Single(file.Events);
        Assert.Equal(ev.Revision + 1, entry.Sequence);
        Assert.Equal(later.UtcDateTime, entry.DtStart!.AsUtc);

        // Someone in the queue hears of the new time but gets neither the online link nor a calendar entry.
        var toBen = (await MailWithAttachmentsAsync(waiting)).Last();
        Assert.Equal("Change to the event: " + ev.TitleFi, toBen.Subject);
        Assert.Contains("The time of the event has changed.", toBen.TextBody);
        Assert.Contains("/events/registration/", toBen.TextBody);
        Assert.DoesNotContain(ev.OnlineUrl!, toBen.TextBody);
        Assert.Empty(toBen.Attachments);

        Assert.Equal(mailsToLeaver, (await app.MailAsync(left)).Count);
    }

    [Fact]
    public async Task Only_a_new_time_place_or_link_is_told_and_the_coordinator_may_choose_not_to_tell()
    {
        var ev = await app.OpenEventAsync(capacity: 10);
        var to = RegistrationApps.NewEmail("aino");
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Aino Asukas", to));
        var coordinator = await app.CoordinatorAsync();
        // The test event's times have seconds, which the form (whole minutes) drops: one silent save first, as if the
        // event had been made with the form.
        await coordinator.SubmitAsync($"/events/{ev.Slug}/edit", Edit(ev, tell: false));
        ev = await app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Events.AsNoTracking().SingleAsync(e => e.Id == ev.Id));
        var before = (await app.MailAsync(to)).Count;

        await coordinator.SubmitAsync($"/events/{ev.Slug}/edit", Edit(ev, description: "Uusi kuvaus ohjelmasta."));
        Assert.Equal("Tapahtuma on tallennettu.", (await coordinator.OpenAsync("/events/" + ev.Slug)).Notice?.Trim());
        Assert.Equal(before, (await app.MailAsync(to)).Count);

        await coordinator.SubmitAsync($"/events/{ev.Slug}/edit", Edit(ev, starts: ev.StartsAt.AddDays(1), tell: false));
        Assert.Equal(before, (await app.MailAsync(to)).Count);

        await coordinator.SubmitAsync($"/events/{ev.Slug}/edit", Edit(ev, starts: ev.StartsAt.AddDays(1), address: "Hämeenkatu 13"));
        var mail = (await app.MailAsync(to)).Last();
        Assert.Equal(before + 1, (await app.MailAsync(to)).Count);
        Assert.Equal("Muutos tapahtumaan: " + ev.TitleFi, mail.Subject);
        Assert.Contains("Tapahtuman paikka on muuttunut.", mail.TextBody);
        Assert.DoesNotContain("aika on muuttunut", mail.TextBody);
        Assert.Contains("Hämeenkatu 13", mail.TextBody);
    }
}
