using System.Net;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Events.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Tests.Account;

namespace Yhdessa.Tests.Events;

public sealed class EventFormOnSqlite(SqliteApp app) : EventFormTests(app), IClassFixture<SqliteApp>;
public sealed class EventFormOnPostgres(PostgresApp app) : EventFormTests(app), IClassFixture<PostgresApp>;

/// <summary>A coordinator creates, edits and cancels an event through the forms; calendars follow every step.</summary>
public abstract class EventFormTests(YhdessaApp app)
{
    private static Dictionary<string, string> Fields(string title, string starts = "2031-03-18T09:00", string ends = "2031-03-18T15:30",
        string capacity = "40", string municipality = "837", string online = "", string description = "Koulutus **asumisneuvojille**.",
        string opens = "2031-02-01T08:00", string closes = "2031-03-15T16:00") => new()
        {
            ["Input.Type"] = "Training", ["Input.TitleFi"] = title, ["Input.TitleSv"] = "", ["Input.TitleEn"] = "",
            ["Input.DescriptionFi"] = description, ["Input.DescriptionSv"] = "", ["Input.DescriptionEn"] = "",
            ["Input.Starts"] = starts, ["Input.Ends"] = ends, ["Input.Address"] = "Hämeenkatu 13", ["Input.MunicipalityCode"] = municipality,
            ["Input.OnlineUrl"] = online, ["Input.Capacity"] = capacity, ["Input.RegistrationOpens"] = opens,
            ["Input.RegistrationCloses"] = closes, ["Input.Visibility"] = "Public", ["Input.GroupId"] = "", ["Input.SeriesId"] = "",
            ["Input.Speakers[0].Name"] = "Matti Kokemus", ["Input.Speakers[0].ExpertByExperience"] = "true",
            ["Input.Materials[0].Title"] = "Diat", ["Input.Materials[0].Url"] = "https://example.org/diat.pdf",
        };

    private Task<int> CountAsync(string title) =>
        app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Events.CountAsync(e => e.TitleFi == title));

    private static Calendar Parse(string ics) => Calendar.Load(ics)!;

    [Fact]
    public async Task An_event_with_seats_and_no_registration_times_takes_registrations_from_publication_until_it_starts()
    {
        var coordinator = await app.CoordinatorAsync();
        Task<Event> SavedAsync(string title) =>
            app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Events.AsNoTracking().SingleAsync(e => e.TitleFi == title));
        var form = await coordinator.OpenAsync("/events/new");
        Assert.Contains("ilmoittautuminen on auki julkaisusta tapahtuman alkuun", form.Document.QuerySelector("#registration-hint")!.TextContent);

        var withSeats = EventTestData.Unique("Paikkoja ilman aikoja");
        await coordinator.SubmitAsync("/events/new", Fields(withSeats, opens: "", closes: ""));
        var saved = await SavedAsync(withSeats);
        Assert.Null(saved.RegistrationOpensAt);
        Assert.Equal(saved.StartsAt, saved.RegistrationClosesAt);
        var register = await WebBrowser.Open(app).OpenAsync($"/events/{saved.Slug}/register");
        Assert.NotNull(register.Document.QuerySelector("main form #Input_Name"));

        // Without seats and times there is no registration: come as you are.
        var withoutSeats = EventTestData.Unique("Vapaa pääsy");
        await coordinator.SubmitAsync("/events/new", Fields(withoutSeats, capacity: "", opens: "", closes: ""));
        Assert.Null((await SavedAsync(withoutSeats)).RegistrationClosesAt);
    }

    [Fact]
    public async Task A_coordinator_creates_edits_and_cancels_an_event_and_its_calendar_entry_follows()
    {
        var coordinator = await app.CoordinatorAsync();
        var title = EventTestData.Unique("Asumisneuvonnan koulutus");
        var visitor = WebBrowser.Open(app);
        // The visitor's list is output-cached: saving an event must clear it.
        Assert.DoesNotContain(title, (await visitor.OpenAsync("/events")).Text);

        var created = await coordinator.SubmitAsync("/events/new", Fields(title));
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var slug = (await app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Events.SingleAsync(e => e.TitleFi == title))).Slug;

        var page = await visitor.OpenAsync("/events/" + slug);
        Assert.Equal(title, page.H1);
        // Tuesday 18 March 2031 in Finnish time, with the weekday, whatever the server's zone.
        Assert.Contains("ti 18.3.2031 klo 9.00–15.30", page.Text);
        Assert.Contains("Hämeenkatu 13, Tampere", page.Text);
        Assert.Contains("Matti Kokemus, kokemusasiantuntija", page.Text);
        Assert.Contains("<strong>asumisneuvojille</strong>", page.Html);
        Assert.NotNull(page.Document.QuerySelector("a[href='https://example.org/diat.pdf']"));
        Assert.Contains(title, (await visitor.OpenAsync("/events")).Text);

        var first = Parse(await visitor.Client.GetStringAsync($"/events/{slug}.ics")).Events.Single();
        Assert.Equal(0, first.Sequence);
        Assert.Equal("Europe/Helsinki", first.DtStart!.TzId);
        Assert.Equal(9, first.DtStart.Hour);
        Assert.Equal("CONFIRMED", first.Status);

        var edited = await coordinator.SubmitAsync($"/events/{slug}/edit", Fields(title, starts: "2031-03-18T10:00"));
        Assert.Equal(HttpStatusCode.Redirect, edited.Status);
        var second = Parse(await visitor.Client.GetStringAsync($"/events/{slug}.ics")).Events.Single();
        Assert.Equal(first.Uid, second.Uid);
        Assert.Equal(1, second.Sequence);
        Assert.Equal(10, second.DtStart!.Hour);

        var confirm = await coordinator.OpenAsync($"/events/{slug}/cancel");
        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        Assert.Equal(1, await CountAsync(title));
        var cancelled = await coordinator.SubmitAsync($"/events/{slug}/cancel", []);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.Status);

        var response = await visitor.Client.GetAsync($"/events/{slug}.ics");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        var file = Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("CANCEL", file.Method);
        Assert.Equal(first.Uid, file.Events.Single().Uid);
        Assert.Equal(2, file.Events.Single().Sequence);
        Assert.Equal("CANCELLED", file.Events.Single().Status);
        Assert.Contains("Tämä tapahtuma on peruttu.", (await visitor.OpenAsync("/events/" + slug)).Text);

        var audits = await app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Set<AuditEntry>()
            .Where(a => a.Subject == "event:" + slug).Select(a => a.Action).ToListAsync());
        Assert.Equal(["events.event.cancelled", "events.event.created", "events.event.edited"], audits.Order());
    }

    [Fact]
    public async Task The_feed_lists_upcoming_public_events_with_the_helsinki_time_zone_and_cancelled_ones_as_cancelled()
    {
        var coordinator = await app.CoordinatorAsync();
        var title = EventTestData.Unique("Syysseminaari");
        await coordinator.SubmitAsync("/events/new", Fields(title));
        var slug = (await app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Events.SingleAsync(e => e.TitleFi == title))).Slug;
        await coordinator.SubmitAsync($"/events/{slug}/cancel", []);

        var feed = Parse(await WebBrowser.Open(app).Client.GetStringAsync("/events.ics"));

        Assert.Equal("Europe/Helsinki", feed.TimeZones.Single().TzId);
        var entry = feed.Events.Single(e => e.Summary == title);
        Assert.Equal("CANCELLED", entry.Status);
        Assert.EndsWith("@yhdessa.test", entry.Uid);
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task Calendar_files_are_written_in_ascii_that_any_calendar_program_reads_in_every_language(string language)
    {
        var coordinator = await app.CoordinatorAsync();
        var title = EventTestData.Unique("Kesäkoulutus");
        await coordinator.SubmitAsync("/events/new", Fields(title, starts: "2031-07-15T09:00", ends: "2031-07-15T15:30"));
        var slug = (await app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Events.SingleAsync(e => e.TitleFi == title))).Slug;
        var visitor = WebBrowser.Open(app);

        foreach (var path in new[] { $"/events.ics?culture={language}", $"/events/{slug}.ics?culture={language}" })
        {
            // A calendar program asking whether the address exists (HEAD) gets the calendar's headers, not the sign-in page.
            var head = await visitor.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal(path.Split('?')[0], head.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Equal("text/calendar", head.Content.Headers.ContentType!.MediaType);

            var ics = await visitor.Client.GetStringAsync(path);
            // The time zone rules say "the last Sunday" as -1SU with an ASCII hyphen (RFC 5545); Finnish and Swedish
            // number formats would write the minus sign U+2212, which Outlook, Google and Apple calendars cannot read.
            var rules = ics.Split("\r\n").Where(l => l.StartsWith("RRULE:", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, rules.Count);
            Assert.All(rules, rule => Assert.Matches("^RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=(3|10)$", rule));
            Assert.DoesNotContain('\u2212', ics);

            // Read by a parser that knows nothing of the site's languages: the summer time rule starts on the last Sunday
            // of March, and the event is at 9.00 in Helsinki, which is 6.00 UTC in July.
            var previous = System.Globalization.CultureInfo.CurrentCulture;
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
            try
            {
                var calendar = Parse(ics);
                var summer = calendar.TimeZones.Single().TimeZoneInfos.Single(i => i.Name == "DAYLIGHT");
                var lastSunday = summer.RecurrenceRule!.ByDay.Single();
                Assert.Equal((-1, DayOfWeek.Sunday), (lastSunday.Offset!.Value, lastSunday.DayOfWeek));
                var entry = calendar.Events.Single(e => e.Summary == title);
                Assert.Equal(new DateTime(2031, 7, 15, 6, 0, 0, DateTimeKind.Utc), entry.DtStart!.AsUtc);
            }
            finally
            {
                System.Globalization.CultureInfo.CurrentCulture = previous;
            }
        }
    }

    public static TheoryData<string, Dictionary<string, string>, string, string> BadInputs()
    {
        var data = new TheoryData<string, Dictionary<string, string>, string, string>();
        void Add(string language, Func<string, Dictionary<string, string>> fields, string field, string message) =>
            data.Add(language, fields("Virheellinen"), field, message);
        Add("en", t => Fields(t, ends: "2031-03-18T08:00"), "Input_Ends", "The event must end after it starts.");
        Add("fi", t => Fields(t, ends: "2031-03-18T08:00"), "Input_Ends", "Päättymisajan pitää olla alkamisajan jälkeen.");
        Add("en", t => Fields(t, closes: "2031-03-19T08:00"), "Input_RegistrationCloses", "Registration can close at the latest when the event ends.");
        Add("en", t => Fields(t, capacity: "0"), "Input_Capacity", "Places can be from 1 to 10,000.");
        Add("sv", t => Fields(t, capacity: "1000000"), "Input_Capacity", "Antalet platser kan vara 1–10 000.");
        Add("en", t => Fields(t, municipality: "999"), "Input_MunicipalityCode", "Unknown municipality code.");
        Add("en", t => Fields(t, online: "javascript:alert(1)"), "Input_OnlineUrl", "Write the address as https://example.fi");
        Add("en", t => Fields(t, description: "Tervetuloa <script>alert(1)</script>"), "Input_DescriptionFi", "HTML code such as <script> is not allowed.");
        Add("fi", t => Fields(t, description: new string('x', 20001)), "Input_DescriptionFi", "enintään 20000 merkkiä");
        return data;
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_refused_with_a_translated_message_linked_to_its_field_and_nothing_is_saved(
        string language, Dictionary<string, string> fields, string field, string message)
    {
        var coordinator = await app.CoordinatorAsync();
        var title = EventTestData.Unique("Virheellinen");
        fields["Input.TitleFi"] = title;

        var page = await coordinator.SubmitAsync($"/events/new?culture={language}", fields);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var link = page.Document.QuerySelector($".error-summary a[href='#{field}']");
        Assert.NotNull(link);
        Assert.Contains(message, link.TextContent);
        Assert.Equal(0, await CountAsync(title));
    }

    [Fact]
    public async Task An_overlong_title_is_refused()
    {
        var coordinator = await app.CoordinatorAsync();
        var title = new string('Ä', 201);

        var page = await coordinator.SubmitAsync("/events/new?culture=en", Fields(title));

        Assert.Contains("Title in Finnish can be at most 200 characters.", page.ErrorSummary);
        Assert.Equal(0, await CountAsync(title));
    }

    [Fact]
    public async Task A_coordinator_adds_a_theme_and_a_series_that_the_event_form_then_offers()
    {
        var coordinator = await app.CoordinatorAsync();
        var theme = EventTestData.Unique("Asunto ensin");
        var series = EventTestData.Unique("Asumisneuvonnan koulutus");

        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitAsync("/events/themes", new() { ["Input.NameFi"] = theme, ["Input.NameSv"] = "Bostad först" })).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitAsync("/events/series", new() { ["Input.NameFi"] = series })).Status);
        var duplicate = await coordinator.SubmitAsync("/events/themes?culture=en", new() { ["Input.NameFi"] = theme });
        Assert.Contains("A theme with this name exists already.", duplicate.ErrorSummary);

        var form = await coordinator.OpenAsync("/events/new");
        Assert.Contains(theme, form.Text);
        Assert.Contains(series, form.Text);
    }
}
