using System.Net;
using System.Text;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using static Yhdessa.Tests.Events.EventTestData;

namespace Yhdessa.Tests.Events.Participants;

[Collection("Events on SQLite")]
public sealed class ParticipantsOnSqlite(SqliteApp app) : ParticipantTests(app);
[Collection("Events on PostgreSQL")]
public sealed class ParticipantsOnPostgres(PostgresApp app) : ParticipantTests(app);

/// <summary>The coordinator's participant list, check-in at the door, attendance afterwards and the exports.</summary>
public abstract class ParticipantTests(YhdessaApp app)
{
    [Fact]
    public async Task The_coordinator_sees_every_list_with_counts_organisations_and_needs()
    {
        var ev = await app.EventAsync(app.Now().AddDays(5));
        await app.RegisterAsync(ev, "Anna Vahvistettu", organisation: "Y-Säätiö", diet: "Gluteeniton");
        await app.RegisterAsync(ev, "Bertil Väntar", RegistrationStatus.Waiting);
        await app.RegisterAsync(ev, "Cecilia Hyväksyttävä", RegistrationStatus.AwaitingApproval);
        await app.RegisterAsync(ev, "Daniel Peruttu", RegistrationStatus.Cancelled);

        var page = await (await app.CoordinatorAsync()).OpenAsync($"/events/{ev.Slug}/participants");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"Osallistujat: {ev.TitleFi}", page.H1);
        var confirmed = page.Document.QuerySelector("section[aria-labelledby=confirmed]")!.TextContent;
        Assert.Contains("Vahvistetut (1)", confirmed);
        Assert.Contains("Anna Vahvistettu", confirmed);
        Assert.Contains("Y-Säätiö", confirmed);
        Assert.Contains("Ruokavalio: Gluteeniton", confirmed);
        Assert.Contains("Bertil Väntar", page.Document.QuerySelector("section[aria-labelledby=waiting]")!.TextContent);
        Assert.Contains("Cecilia Hyväksyttävä", page.Document.QuerySelector("section[aria-labelledby=awaiting]")!.TextContent);
        Assert.Contains("Daniel Peruttu", page.Document.QuerySelector("section[aria-labelledby=cancelled]")!.TextContent);
        // Before the event day there is nothing to mark yet.
        Assert.Contains("tapahtumapäivästä alkaen", page.Document.QuerySelector("section[aria-labelledby=attendance]")!.TextContent);
    }

    [Fact]
    public async Task An_organisation_of_the_directory_is_named_in_the_readers_language()
    {
        var ev = await app.EventAsync(app.Now().AddDays(5));
        var organisationId = await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<YhdessaDb>();
            var organisation = new Yhdessa.Features.Network.Data.Organisation
            {
                Slug = "neuvonta-" + Guid.NewGuid().ToString("N")[..8], NameFi = "Asumisneuvonta ry", NameSv = "Boenderådgivning rf",
                Sector = Yhdessa.Features.Network.Data.Sector.Ngo,
            };
            db.Add(organisation);
            await db.SaveChangesAsync();
            var registration = new EventRegistration
            {
                EventId = ev.Id, Name = "Sara Lind", Email = $"sara.{Guid.NewGuid():N}@example.fi", OrganisationId = organisation.Id,
                OrganisationName = organisation.NameFi, Language = "sv", Status = RegistrationStatus.Confirmed, RegisteredAt = ev.StartsAt.AddDays(-7),
            };
            registration.EmailNormalized = registration.Email;
            db.Add(registration);
            await db.SaveChangesAsync();
            return organisation.Id;
        });
        var coordinator = await app.CoordinatorAsync();

        Assert.Contains("Boenderådgivning rf", (await coordinator.OpenAsync($"/events/{ev.Slug}/participants?culture=sv")).Text);
        Assert.Contains("Asumisneuvonta ry", (await coordinator.OpenAsync($"/events/{ev.Slug}/participants?culture=fi")).Text);
        // Without an English name, the Finnish one.
        Assert.Contains("Asumisneuvonta ry", (await coordinator.OpenAsync($"/events/{ev.Slug}/participants?culture=en")).Text);
    }

    [Fact]
    public async Task The_list_is_in_swedish_and_english_too()
    {
        var ev = await app.EventAsync(app.Now().AddDays(5));
        await app.RegisterAsync(ev, "Eva Svensson");
        var coordinator = await app.CoordinatorAsync();

        var swedish = await coordinator.OpenAsync($"/events/{ev.Slug}/participants?culture=sv");
        Assert.StartsWith("Deltagare:", swedish.H1);
        Assert.Contains("Bekräftade (1)", swedish.Text);
        var english = await coordinator.OpenAsync($"/events/{ev.Slug}/participants?culture=en");
        Assert.StartsWith("Participants:", english.H1);
        Assert.Contains("Waiting list (0)", english.Text);
    }

    [Fact]
    public async Task A_member_may_not_see_the_participants_nor_export_them()
    {
        var ev = await app.EventAsync(app.Now().AddDays(5));
        await app.RegisterAsync(ev, "Salainen Osallistuja");
        var member = await app.SignedInAsync("jasen");

        foreach (var path in new[] { $"/events/{ev.Slug}/participants", $"/events/{ev.Slug}/participants?handler=Export&format=csv",
                     $"/events/{ev.Slug}/participants?handler=Export&format=xlsx", $"/events/{ev.Slug}/check-in" })
        {
            var response = await member.Client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("access-denied") == true,
                $"{path} answered {(int)response.StatusCode}");
            Assert.DoesNotContain("Salainen Osallistuja", await response.Content.ReadAsStringAsync());
        }
        Assert.Empty(await app.AuditAsync("events.participants.exported", "event:" + ev.Slug));
    }

    [Fact]
    public async Task Check_in_finds_people_by_name_and_one_tap_marks_them_arrived()
    {
        var ev = await app.EventAsync(app.Now().AddMinutes(-30));
        var anna = await app.RegisterAsync(ev, "Anna Ovella", organisation: "Vantaan kaupunki");
        await app.RegisterAsync(ev, "Pekka Ovella");
        await app.RegisterAsync(ev, "Jonossa Oleva", RegistrationStatus.Waiting);
        var coordinator = await app.CoordinatorAsync();

        var search = await coordinator.OpenAsync($"/events/{ev.Slug}/check-in?q=anna%20vantaa");
        Assert.Equal("Saapuneet: " + ev.TitleFi, search.H1);
        var buttons = search.Document.QuerySelectorAll(".check-in-list button").Select(b => b.TextContent.Trim()).ToList();
        Assert.Equal(["Merkitse saapuneeksi: Anna Ovella, Vantaan kaupunki"], buttons);
        // Only confirmed people are on the door list.
        Assert.DoesNotContain("Jonossa Oleva", (await coordinator.OpenAsync($"/events/{ev.Slug}/check-in?q=oleva")).Text);

        var tapped = await coordinator.PostHandlerAsync($"/events/{ev.Slug}/check-in?q=anna", "CheckIn", ("registrationId", anna.ToString()), ("q", "anna"));
        Assert.Equal(HttpStatusCode.Redirect, tapped.Status);
        var after = await coordinator.OpenAsync($"/events/{ev.Slug}/check-in?q=anna");
        Assert.Contains("Anna Ovella merkitty saapuneeksi.", after.Notice);
        Assert.Contains("Saapuneita 1/2", after.Text);
        Assert.Contains("saapui klo", after.Document.QuerySelector(".check-in-list .arrived")!.TextContent);
        var registration = await app.RegistrationAsync(anna);
        Assert.Equal(Attendance.Attended, registration.Attendance);
        Assert.NotNull(registration.CheckedInAt);
        Assert.Single(await app.AuditAsync("events.attendance.marked", "event:" + ev.Slug));

        // A mistaken tap is undone.
        await coordinator.PostHandlerAsync($"/events/{ev.Slug}/check-in", "Undo", ("registrationId", anna.ToString()));
        Assert.Equal(Attendance.Unmarked, (await app.RegistrationAsync(anna)).Attendance);
    }

    [Fact]
    public async Task Check_in_refuses_before_the_event_day_and_for_people_without_a_seat()
    {
        var coordinator = await app.CoordinatorAsync();
        var later = await app.EventAsync(app.Now().AddDays(3));
        var early = await app.RegisterAsync(later, "Liian Aikaisin");
        var page = await coordinator.OpenAsync($"/events/{later.Slug}/check-in");
        Assert.Contains("ei ole vielä alkanut", page.Text);
        Assert.NotNull(page.Document.QuerySelector(".check-in-list button[disabled]"));

        var refused = await coordinator.PostHandlerAsync($"/events/{later.Slug}/check-in", "CheckIn", ("registrationId", early.ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("tapahtumapäivästä alkaen", refused.ErrorSummary);
        Assert.Equal(Attendance.Unmarked, (await app.RegistrationAsync(early)).Attendance);

        var today = await app.EventAsync(app.Now().AddMinutes(-10));
        var waiting = await app.RegisterAsync(today, "Jonossa Vielä", RegistrationStatus.Waiting);
        var notConfirmed = await coordinator.PostHandlerAsync($"/events/{today.Slug}/check-in", "CheckIn", ("registrationId", waiting.ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, notConfirmed.Status);
        Assert.Contains("vain vahvistetulle", notConfirmed.ErrorSummary);
        // A registration of another event cannot be marked through this one.
        var elsewhere = await app.RegisterAsync(later, "Toisen Tapahtuman");
        var wrongEvent = await coordinator.PostHandlerAsync($"/events/{today.Slug}/check-in", "CheckIn", ("registrationId", elsewhere.ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, wrongEvent.Status);
        Assert.Equal(Attendance.Unmarked, (await app.RegistrationAsync(elsewhere)).Attendance);
    }

    [Fact]
    public async Task After_the_event_attendance_is_marked_and_everyone_else_becomes_a_no_show()
    {
        var ev = await app.EventAsync(app.Now().AddHours(-5));
        var came = await app.RegisterAsync(ev, "Tuli Paikalle");
        var noShow = await app.RegisterAsync(ev, "Ei Tullut");
        var rest1 = await app.RegisterAsync(ev, "Merkitsemätön Yksi");
        var rest2 = await app.RegisterAsync(ev, "Merkitsemätön Kaksi");
        var cancelled = await app.RegisterAsync(ev, "Peruja", RegistrationStatus.Cancelled);
        var coordinator = await app.CoordinatorAsync();
        var path = $"/events/{ev.Slug}/participants";

        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostHandlerAsync(path, "Attendance", ("registrationId", came.ToString()), ("attendance", "Attended"))).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostHandlerAsync(path, "Attendance", ("registrationId", noShow.ToString()), ("attendance", "NoShow"))).Status);

        var bad = await coordinator.PostHandlerAsync(path, "Attendance", ("registrationId", rest1.ToString()), ("attendance", "Maybe"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("Valitse ”Osallistui” tai ”Ei saapunut”", bad.ErrorSummary);
        var numeric = await coordinator.PostHandlerAsync(path, "Attendance", ("registrationId", rest1.ToString()), ("attendance", "1"));
        Assert.Equal(HttpStatusCode.BadRequest, numeric.Status);
        Assert.Equal(Attendance.Unmarked, (await app.RegistrationAsync(rest1)).Attendance);

        var page = await coordinator.OpenAsync(path);
        // Each person's state is written apart from the buttons, which name what they do.
        var cameRow = page.Document.QuerySelectorAll(".attendance-list li").Single(li => li.QuerySelector(".attendee")!.TextContent == "Tuli Paikalle");
        Assert.Equal("Läsnäolo: Osallistui", cameRow.QuerySelector(".attendance-state")!.TextContent.Trim());
        Assert.Equal(["Merkitse ei saapuneeksi: Tuli Paikalle"], cameRow.QuerySelectorAll("button").Select(b => b.TextContent.Trim()));
        var unmarkedRow = page.Document.QuerySelectorAll(".attendance-list li").Single(li => li.QuerySelector(".attendee")!.TextContent == "Merkitsemätön Kaksi");
        Assert.Equal("Läsnäolo: Ei merkitty", unmarkedRow.QuerySelector(".attendance-state")!.TextContent.Trim());
        Assert.Equal(["Merkitse osallistuneeksi: Merkitsemätön Kaksi", "Merkitse ei saapuneeksi: Merkitsemätön Kaksi"],
            unmarkedRow.QuerySelectorAll("button").Select(b => b.TextContent.Trim()));
        var bulk = page.Document.QuerySelector("form[action*='handler=RestNoShow'] button")!;
        Assert.Equal("Merkitse loput ei saapuneiksi (2)", bulk.TextContent.Trim());
        await coordinator.PostHandlerAsync(path, "RestNoShow");
        var after = await coordinator.OpenAsync(path);
        Assert.Contains("Ei saapuneiksi merkittyjä: 2.", after.Notice);

        Assert.Equal(Attendance.Attended, (await app.RegistrationAsync(came)).Attendance);
        Assert.Equal(Attendance.NoShow, (await app.RegistrationAsync(noShow)).Attendance);
        Assert.Equal(Attendance.NoShow, (await app.RegistrationAsync(rest1)).Attendance);
        Assert.Equal(Attendance.NoShow, (await app.RegistrationAsync(rest2)).Attendance);
        Assert.Equal(Attendance.Unmarked, (await app.RegistrationAsync(cancelled)).Attendance);
        Assert.Single(await app.AuditAsync("events.attendance.rest-no-show", "event:" + ev.Slug));
    }

    [Fact]
    public async Task Everyone_else_is_not_a_no_show_before_the_event_has_ended()
    {
        var ev = await app.EventAsync(app.Now().AddMinutes(-30));
        var person = await app.RegisterAsync(ev, "Vielä Matkalla");
        var coordinator = await app.CoordinatorAsync();

        var refused = await coordinator.PostHandlerAsync($"/events/{ev.Slug}/participants", "RestNoShow");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("vasta tapahtuman päätyttyä", refused.ErrorSummary);
        Assert.Equal(Attendance.Unmarked, (await app.RegistrationAsync(person)).Attendance);
    }

    [Fact]
    public async Task The_csv_opens_in_finnish_excel_with_formulas_made_harmless_and_the_export_is_audited()
    {
        var ev = await app.EventAsync(app.Now().AddDays(2));
        await app.RegisterAsync(ev, "=HYPERLINK(\"http://paha.example\";\"klikkaa\")", organisation: "+358 40 123", diet: "@SUM(A1)");
        await app.RegisterAsync(ev, "Åsa Öberg", organisation: "-Kaupunki; osasto", diet: "\tsarkain");
        var (coordinator, coordinatorId) = await app.PersonAsync("coordinator", Roles.Coordinator);

        var response = await coordinator.Client.GetAsync($"/events/{ev.Slug}/participants?handler=Export&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.DoesNotContain('\n', text.Replace("\r\n", ""));
        Assert.StartsWith("Nimi;Organisaatio;Tila;Läsnäolo;Ilmoittautumisaika;Erityisruokavalio;Saavutettavuustarpeet", lines[0]);
        Assert.StartsWith("\"'=HYPERLINK(\"\"http://paha.example\"\";\"\"klikkaa\"\")\";'+358 40 123;Vahvistettu;Ei merkitty;", lines[1]);
        Assert.EndsWith(";'@SUM(A1);", lines[1]);
        Assert.StartsWith("Åsa Öberg;\"'-Kaupunki; osasto\";", lines[2]);
        Assert.Contains(";'\tsarkain;", lines[2]);
        // No email addresses: the coordinator does not need them on a sign-in sheet.
        Assert.DoesNotContain("@example.fi", text);

        var audit = Assert.Single(await app.AuditAsync("events.participants.exported", "event:" + ev.Slug));
        Assert.Equal(coordinatorId, audit.ActorId);
        Assert.Equal("csv, 2 rows", audit.Details);
    }

    [Fact]
    public async Task The_xlsx_has_a_row_per_registration_as_text_and_is_audited()
    {
        // Full, so that the registration jobs do not offer the one seat to the person waiting.
        var ev = await app.EventAsync(app.Now().AddDays(2), capacity: 1);
        await app.RegisterAsync(ev, "Anna Excel", organisation: "Helsingin kaupunki");
        await app.RegisterAsync(ev, "=1+1", RegistrationStatus.Waiting, organisation: null);
        await app.RegisterAsync(ev, "Cecilia Peruttu", RegistrationStatus.Cancelled);
        var coordinator = await app.CoordinatorAsync();

        var response = await coordinator.Client.GetAsync($"/events/{ev.Slug}/participants?handler=Export&format=xlsx&culture=en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet(1);
        Assert.Equal("Participants", sheet.Name);
        Assert.Equal(4, sheet.LastRowUsed().RowNumber());
        Assert.Equal("Name", sheet.Cell(1, 1).GetString());
        Assert.Equal("Organisation", sheet.Cell(1, 2).GetString());
        Assert.Equal(["Anna Excel", "'=1+1", "Cecilia Peruttu"], Enumerable.Range(2, 3).Select(r => sheet.Cell(r, 1).GetString()).ToArray());
        Assert.False(sheet.Cell(3, 1).HasFormula);
        Assert.Equal("Helsingin kaupunki", sheet.Cell(2, 2).GetString());
        Assert.Equal(["Confirmed", "On the waiting list", "Cancelled"], Enumerable.Range(2, 3).Select(r => sheet.Cell(r, 3).GetString()).ToArray());
        Assert.Equal("xlsx, 3 rows", Assert.Single(await app.AuditAsync("events.participants.exported", "event:" + ev.Slug)).Details);
    }

    [Fact]
    public async Task An_unknown_export_format_is_refused_with_a_message_and_not_audited()
    {
        var ev = await app.EventAsync(app.Now().AddDays(2));
        var page = await (await app.CoordinatorAsync()).OpenAsync($"/events/{ev.Slug}/participants?handler=Export&format=pdf");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Valitse tiedostomuodoksi XLSX tai CSV", page.ErrorSummary);
        Assert.Empty(await app.AuditAsync("events.participants.exported", "event:" + ev.Slug));
    }

    [Fact]
    public async Task An_unknown_event_is_not_found()
    {
        var coordinator = await app.CoordinatorAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.OpenAsync("/events/ei-ole-olemassa/participants")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.OpenAsync("/events/ei-ole-olemassa/check-in")).Status);
    }
}
