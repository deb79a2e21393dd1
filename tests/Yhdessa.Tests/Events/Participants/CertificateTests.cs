using System.Net;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using Yhdessa.Features.Events.Participants;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Tests.Account;
using static Yhdessa.Tests.Events.EventTestData;
using Person = Yhdessa.Tests.Support.WebBrowser;


namespace Yhdessa.Tests.Events.Participants;

[Collection("Events on SQLite")]
public sealed class CertificatesOnSqlite(SqliteApp app) : CertificateTests(app);
[Collection("Events on PostgreSQL")]
public sealed class CertificatesOnPostgres(PostgresApp app) : CertificateTests(app);

/// <summary>Attendance certificates: for attended participants only, a member from their own page, a guest by the signed link.</summary>
public abstract class CertificateTests(YhdessaApp app)
{
    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    private Task<string> LinkAsync(int registrationId) =>
        app.WithServicesAsync(services => Task.FromResult(services.GetRequiredService<Certificates>().Link(registrationId)));

    [Fact]
    public async Task A_member_who_attended_downloads_a_certificate_with_their_name_the_event_and_its_hours()
    {
        var (member, userId) = await app.PersonAsync("todistus-jasen");
        var ev = await app.EventAsync(app.Now().AddDays(-3));
        await app.RegisterAsync(ev, "Maija Meikäläinen", attendance: Attendance.Attended, userId: userId);

        // The person's own list of registrations leads to the certificate too.
        var mine = await member.OpenAsync("/events/my");
        Assert.Equal("Osallistumistodistus (PDF)", mine.Document.QuerySelector($"a[href='/events/{ev.Slug}/certificate']")?.TextContent);

        var list = await member.OpenAsync("/events/certificates");
        Assert.Equal("Osallistumistodistukseni", list.H1);
        var link = list.Document.QuerySelectorAll("a[href$='/certificate']").Single(a => a.GetAttribute("href") == $"/events/{ev.Slug}/certificate");

        var response = await member.Client.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        var text = PdfText(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Osallistumistodistus", text);
        Assert.Contains("Maija Meikäläinen", text);
        Assert.Contains(ev.TitleFi, text);
        Assert.Contains("Kesto: 3 tuntia", text);
        Assert.Contains(Yhdessa.Platform.Localization.HelsinkiTime.Date(ev.StartsAt), text);
        Assert.Contains("Asunto ensin -verkostokehittäjät", text);
    }

    private Task<string> OwnPageAsync(int registrationId) => app.WithServicesAsync(async services =>
        services.GetRequiredService<Yhdessa.Features.Events.Registration.RegistrationTokens>().Path(await app.RegistrationAsync(registrationId)));

    [Fact]
    public async Task After_the_event_the_registration_page_thanks_links_the_certificate_and_tells_of_the_feedback()
    {
        var ev = await app.EventAsync(app.Now().AddDays(-2));
        var attended = await app.RegisterAsync(ev, "Kiitetty Osallistuja", attendance: Attendance.Attended);
        var noShow = await app.RegisterAsync(ev, "Poissa Ollut", attendance: Attendance.NoShow);
        var waiting = await app.RegisterAsync(ev, "Jonossa Ollut", status: RegistrationStatus.Waiting);
        var guest = Person.Open(app);

        var page = await guest.OpenAsync(await OwnPageAsync(attended));
        Assert.Contains("Kiitos osallistumisestasi", page.Text);
        Assert.DoesNotContain("Tervetuloa", page.Text);
        Assert.Contains("Palautekysely lähetetään", page.Text);
        var certificate = page.Document.QuerySelectorAll("main a").Single(a => a.TextContent == "Lataa osallistumistodistus (PDF)").GetAttribute("href")!;
        var pdf = await guest.Client.GetAsync(new Uri(certificate).PathAndQuery);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Kiitetty Osallistuja", PdfText(await pdf.Content.ReadAsByteArrayAsync()));

        var absent = await guest.OpenAsync(await OwnPageAsync(noShow));
        Assert.Contains("Tapahtuma on päättynyt.", absent.Text);
        Assert.DoesNotContain("Tervetuloa", absent.Text);
        Assert.DoesNotContain("osallistumistodistus", absent.Text);

        var queued = await guest.OpenAsync(await OwnPageAsync(waiting) + "?culture=en");
        Assert.Contains("no seat on the waiting list became free for you", queued.Text);
        Assert.DoesNotContain("You are number", queued.Text);
    }

    [Fact]
    public async Task Leaving_the_waiting_list_is_not_said_to_free_a_seat()
    {
        var ev = await app.EventAsync(app.Now().AddDays(20), capacity: 1);
        await app.RegisterAsync(ev, "Paikan Saanut");
        var waiting = await app.RegisterAsync(ev, "Jonottaja", status: RegistrationStatus.Waiting);

        var page = await Person.Open(app).OpenAsync(await OwnPageAsync(waiting));

        Assert.Contains("Kun poistut jonosta, sinulle ei enää tarjota paikkaa.", page.Text);
        Assert.DoesNotContain("vapauttaa paikan", page.Text);
    }

    [Fact]
    public async Task A_member_who_did_not_attend_is_refused()
    {
        var (member, userId) = await app.PersonAsync("todistus-poissa");
        var noShow = await app.EventAsync(app.Now().AddDays(-3));
        await app.RegisterAsync(noShow, "Poissa Ollut", attendance: Attendance.NoShow, userId: userId);
        var never = await app.EventAsync(app.Now().AddDays(-3));

        foreach (var ev in new[] { noShow, never })
        {
            var page = await member.OpenAsync($"/events/{ev.Slug}/certificate");
            Assert.Equal("Todistusta ei voi antaa", page.H1);
            Assert.DoesNotContain("%PDF", page.Html);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await member.OpenAsync($"/events/{noShow.Slug}/certificate")).Status);
        Assert.Contains("vain niille, jotka on merkitty", (await member.OpenAsync($"/events/{noShow.Slug}/certificate")).Text);
        Assert.Equal(HttpStatusCode.NotFound, (await member.OpenAsync($"/events/{never.Slug}/certificate")).Status);
        Assert.DoesNotContain(noShow.TitleFi, (await member.OpenAsync("/events/certificates")).Text);
    }

    [Fact]
    public async Task A_guest_downloads_theirs_in_their_own_language_by_the_signed_link()
    {
        var ev = await app.EventAsync(app.Now().AddDays(-2));
        var guest = await app.RegisterAsync(ev, "Åsa Lindqvist Čeavetjávri Łukasz Ŋ", attendance: Attendance.Attended, language: "sv");
        var link = new Uri(await LinkAsync(guest));
        Assert.StartsWith("https://yhdessa.test/events/certificate/", link.ToString());

        var response = await Person.Open(app).Client.GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = PdfText(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Deltagarintyg", text);
        // Letters beyond Finnish and Swedish (Sámi, Polish) come out as typed.
        Assert.Contains("Åsa Lindqvist Čeavetjávri Łukasz Ŋ", text);
        Assert.Contains(ev.TitleSv!, text);
    }

    [Fact]
    public async Task A_tampered_or_made_up_link_is_refused()
    {
        var ev = await app.EventAsync(app.Now().AddDays(-2));
        var guest = await app.RegisterAsync(ev, "Oikea Vieras", attendance: Attendance.Attended);
        var path = new Uri(await LinkAsync(guest)).AbsolutePath;
        var token = path[(path.LastIndexOf('/') + 1)..];
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        foreach (var bad in new[] { tampered, "12345", guest.ToString() })
        {
            var page = await Person.Open(app).OpenAsync("/events/certificate/" + bad);
            Assert.Equal(HttpStatusCode.NotFound, page.Status);
            Assert.Equal("Todistusta ei voi antaa", page.H1);
            Assert.Contains("Linkki ei ole voimassa", page.Text);
        }
    }

    [Fact]
    public async Task A_guest_link_of_a_no_show_or_of_erased_data_gives_no_certificate()
    {
        var ev = await app.EventAsync(app.Now().AddDays(-2));
        var noShow = await app.RegisterAsync(ev, "Ei Tullut Vieras", attendance: Attendance.NoShow);
        var erased = await app.RegisterAsync(ev, "Poistettu Vieras", attendance: Attendance.Attended);
        await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<YhdessaDb>();
            var registration = await db.EventRegistrations.FindAsync(erased);
            registration!.PersonalDataErasedAt = DateTimeOffset.UtcNow;
            registration.Name = "";
            return await db.SaveChangesAsync();
        });

        var refused = await Person.Open(app).OpenAsync(new Uri(await LinkAsync(noShow)).AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        var gone = await Person.Open(app).OpenAsync(new Uri(await LinkAsync(erased)).AbsolutePath);
        Assert.Equal(HttpStatusCode.Gone, gone.Status);
        Assert.Contains("henkilötiedot on jo poistettu", gone.Text);
    }

    [Fact]
    public void Hours_count_each_day_of_a_multi_day_event()
    {
        var oneDay = NewEvent("Päivä", new DateTimeOffset(2026, 3, 10, 7, 0, 0, TimeSpan.Zero));
        oneDay.EndsAt = oneDay.StartsAt.AddHours(6.5);
        Assert.Equal(6.5, Certificates.Hours(oneDay));
        var trip = NewEvent("Matka", new DateTimeOffset(2026, 3, 10, 6, 0, 0, TimeSpan.Zero));
        trip.EndsAt = new DateTimeOffset(2026, 3, 12, 14, 0, 0, TimeSpan.Zero);
        Assert.Equal(24, Certificates.Hours(trip));
        // An evening in Helsinki that goes past midnight (19:00–22:30 UTC is 21:00–00:30 there) is one sitting.
        var evening = NewEvent("Ilta", new DateTimeOffset(2026, 12, 6, 19, 0, 0, TimeSpan.Zero));
        evening.EndsAt = evening.StartsAt.AddHours(3.5);
        Assert.Equal(3.5, Certificates.Hours(evening));
    }
}
