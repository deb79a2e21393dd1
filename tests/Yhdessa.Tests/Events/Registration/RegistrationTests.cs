using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Account;

namespace Yhdessa.Tests.Events.Registration;

[Collection("Events on SQLite")]
public sealed class RegistrationOnSqlite(SqliteApp app) : RegistrationTests(app);
[Collection("Events on PostgreSQL")]
public sealed class RegistrationOnPostgres(PostgresApp app) : RegistrationTests(app);

/// <summary>Registering as a guest and as a member, the waiting list and offers, fair allocation, approval, and every
/// refused input leaving the data as it was.</summary>
public abstract class RegistrationTests(YhdessaApp app)
{
    [Fact]
    public async Task A_guest_registers_gets_the_confirmation_email_and_cancels_by_its_link_freeing_the_seat()
    {
        var ev = await app.OpenEventAsync(capacity: 10);
        var email = RegistrationApps.NewEmail("aino");

        var page = await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Aino Ääninen", "  " + email.ToUpperInvariant() + " "));

        Assert.StartsWith("/events/registration/", page.Path);
        Assert.Contains("Ilmoittautumisesi on vahvistettu", page.Notice);
        Assert.Contains("Vahvistettu", page.Text);
        Assert.Contains("https://meet.example.org/huone-7", page.Text);
        var mail = Assert.Single(await app.MailAsync(email.ToUpperInvariant()));
        Assert.Equal($"Ilmoittautuminen vahvistettu: {ev.TitleFi}", mail.Subject);
        Assert.Contains("Hei Aino Ääninen,", mail.TextBody);
        Assert.Contains($"https://yhdessa.test/events/{ev.Slug}.ics", mail.TextBody);
        Assert.Contains("https://meet.example.org/huone-7", mail.TextBody);
        Assert.Contains("Paikka: Helsinki", mail.TextBody);
        Assert.Contains("<a href=\"https://yhdessa.test/events/registration/", mail.HtmlBody);

        var link = await app.LinkFromMailAsync(email.ToUpperInvariant());
        var person = WebBrowser.Open(app);
        var cancelled = await person.PressAsync(link, "Cancel");

        Assert.Contains("Ilmoittautumisesi on peruttu", cancelled.Notice);
        Assert.Contains("Peruttu", cancelled.Text);
        var registration = Assert.Single(await app.RegistrationsAsync(ev.Id));
        Assert.Equal(RegistrationStatus.Cancelled, registration.Status);
        Assert.Equal(CancellationReason.ByParticipant, registration.CancellationReason);
        Assert.Equal(email, registration.EmailNormalized);
        Assert.Equal("Ilmoittautuminen peruttu: " + ev.TitleFi, (await app.MailAsync(email.ToUpperInvariant())).Last().Subject);
        // The seat is free at once: the register page counts it again.
        Assert.Contains("Paikkoja jäljellä: 10.", (await person.OpenAsync($"/events/{ev.Slug}/register")).Text);
        // Pressing cancel again changes nothing.
        var again = await person.PostAsync(link.Split('?')[0] + "?handler=Cancel", []);
        Assert.NotEqual(HttpStatusCode.InternalServerError, again.Status);
    }

    [Theory]
    [InlineData("sv", "Anmälan bekräftad: ", "Hej Björn Berg,")]
    [InlineData("en", "Registration confirmed: ", "Hello Björn Berg,")]
    public async Task The_confirmation_is_in_the_language_the_guest_registered_in(string language, string subject, string greeting)
    {
        var ev = await app.OpenEventAsync(capacity: 5);
        var email = RegistrationApps.NewEmail("bjorn");

        var page = await WebBrowser.Open(app).SubmitAsync($"/events/{ev.Slug}/register?culture={language}",
            RegistrationApps.Guest("Björn Berg", email));

        Assert.StartsWith("/events/registration/", page.Path);
        var mail = Assert.Single(await app.MailAsync(email));
        Assert.Equal(subject + ev.TitleFi, mail.Subject);
        Assert.Contains(greeting, mail.TextBody);
        Assert.Contains($"?culture={language}", mail.TextBody);
    }

    [Fact]
    public async Task A_full_event_queues_people_with_their_position_and_offers_a_freed_seat_to_the_first()
    {
        var ev = await app.OpenEventAsync(capacity: 1);
        var (first, second, third) = (RegistrationApps.NewEmail("eka"), RegistrationApps.NewEmail("toka"), RegistrationApps.NewEmail("kolmas"));
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Eeva Eka", first));

        var secondPage = await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Tuomas Toka", second));
        var thirdPage = await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Kalle Kolmas", third));

        Assert.Contains("Olet jonossa sijalla 1.", secondPage.Text);
        Assert.Contains("Olet jonossa sijalla 2.", thirdPage.Text);
        Assert.Contains("Tapahtuma on täynnä", thirdPage.Text);
        Assert.Contains("Olet jonossa sijalla 2.", (await app.MailAsync(third)).Single().TextBody);
        Assert.Equal("Olet jonossa: " + ev.TitleFi, (await app.MailAsync(third)).Single().Subject);
        Assert.DoesNotContain("meet.example.org", (await app.MailAsync(second)).Single().TextBody);
        Assert.DoesNotContain("meet.example.org", secondPage.Text);

        await WebBrowser.Open(app).PressAsync(await app.LinkFromMailAsync(first), "Cancel");

        var offer = (await app.MailAsync(second)).Last();
        Assert.Equal("Sinulle vapautui paikka: " + ev.TitleFi, offer.Subject);
        var offerLink = await app.LinkFromMailAsync(second);
        var secondPerson = WebBrowser.Open(app);
        var offered = await secondPerson.OpenAsync(offerLink);
        Assert.Contains("Sinulle vapautui paikka!", offered.Text);
        var accepted = await secondPerson.PressAsync(offerLink, "Accept");
        Assert.Contains("Paikkasi on vahvistettu", accepted.Notice);
        Assert.Contains("https://meet.example.org/huone-7", accepted.Text);
        Assert.Equal("Ilmoittautuminen vahvistettu: " + ev.TitleFi, (await app.MailAsync(second)).Last().Subject);
        Assert.Contains("Olet jonossa sijalla 1.", (await WebBrowser.Open(app).OpenAsync(await app.LinkFromMailAsync(third))).Text);
        var statuses = (await app.RegistrationsAsync(ev.Id)).Select(r => r.Status).ToList();
        Assert.Equal([RegistrationStatus.Cancelled, RegistrationStatus.Confirmed, RegistrationStatus.Waiting], statuses);
    }

    [Fact]
    public async Task People_can_leave_the_waiting_list_and_those_behind_move_up()
    {
        var ev = await app.OpenEventAsync(capacity: 1);
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Paikan Saanut", RegistrationApps.NewEmail("paikka")));
        var leaving = RegistrationApps.NewEmail("lahtija");
        var staying = RegistrationApps.NewEmail("jaaja");
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Lähtijä Lehtinen", leaving));
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Jääjä Järvinen", staying));

        var left = await WebBrowser.Open(app).PressAsync(await app.LinkFromMailAsync(leaving), "Cancel");

        Assert.Contains("Poistuit jonosta.", left.Notice);
        Assert.Equal(CancellationReason.LeftWaitingList, (await app.RegistrationOfAsync(leaving)).CancellationReason);
        Assert.Contains("Olet jonossa sijalla 1.", (await WebBrowser.Open(app).OpenAsync(await app.LinkFromMailAsync(staying))).Text);
        Assert.Equal(RegistrationStatus.Waiting, (await app.RegistrationOfAsync(staying)).Status);
    }

    [Fact]
    public async Task A_member_registers_in_one_click_and_only_then_sees_the_online_link()
    {
        var ev = await app.OpenEventAsync(capacity: 5);
        var (member, memberId) = await app.PersonAsync("one-click");
        var other = await app.SignedInAsync("not-registered");
        await app.WithServicesAsync(async s =>
        {
            var db = s.GetRequiredService<YhdessaDb>();
            var organisation = new Organisation { Slug = "kuopio-" + Guid.NewGuid().ToString("N")[..6], NameFi = "Kuopion kaupunki", Sector = Sector.City };
            db.Organisations.Add(organisation);
            db.PersonProfiles.Add(new PersonProfile { UserId = memberId, Affiliations = [new Affiliation { Organisation = organisation, Title = "Sosiaaliohjaaja" }] });
            return await db.SaveChangesAsync();
        });
        Assert.DoesNotContain("meet.example.org", (await member.OpenAsync("/events/" + ev.Slug)).Html);

        var form = await member.OpenAsync($"/events/{ev.Slug}/register");
        Assert.Contains("Kuopion kaupunki", form.Text);
        Assert.Null(form.Document.QuerySelector("input[name='Input.Email']"));
        var done = await member.SubmitAsync($"/events/{ev.Slug}/register", []);

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        var registration = Assert.Single(await app.RegistrationsAsync(ev.Id));
        Assert.Equal((memberId, RegistrationStatus.Confirmed, "Kuopion kaupunki", Sector.City),
            (registration.UserId, registration.Status, registration.OrganisationName, registration.OrganisationSector));
        var eventPage = await member.OpenAsync("/events/" + ev.Slug);
        Assert.Contains("https://meet.example.org/huone-7", eventPage.Html);
        Assert.Contains("Ilmoittautumisesi tila: Vahvistettu.", eventPage.Text);
        Assert.DoesNotContain("meet.example.org", (await other.OpenAsync("/events/" + ev.Slug)).Html);
        Assert.DoesNotContain("meet.example.org", (await WebBrowser.Open(app).OpenAsync("/events/" + ev.Slug)).Html);

        var mine = await member.OpenAsync("/events/my");
        Assert.Contains(ev.TitleFi, mine.Text);
        Assert.Contains("Vahvistettu", mine.Text);
        // A second click does not register twice: the form leads to the registration.
        var twice = await member.OpenAsync($"/events/{ev.Slug}/register");
        Assert.Contains("Olet jo ilmoittautunut tähän tapahtumaan.", twice.Text);
        Assert.Single(await app.RegistrationsAsync(ev.Id));
    }

    [Fact]
    public async Task A_member_registers_from_the_event_page_with_one_press_unless_the_event_must_ask_something_first()
    {
        var ev = await app.OpenEventAsync(capacity: 5);
        var (member, memberId) = await app.PersonAsync("event-page-press");
        var page = await member.OpenAsync("/events/" + ev.Slug);
        var form = page.Document.QuerySelector($"main form[action='/events/{ev.Slug}/register']")!;
        Assert.Equal("Ilmoittaudu yhdellä napsautuksella", form.QuerySelector("button")!.TextContent.Trim());
        // Needs and optional answers stay one link away.
        Assert.NotNull(form.QuerySelector($"a[href='/events/{ev.Slug}/register']"));
        // Visitors register as guests with the form: they get the link, not the press.
        Assert.Null((await WebBrowser.Open(app).OpenAsync("/events/" + ev.Slug)).Document.QuerySelector("main form[action$='/register']"));

        var done = await member.SubmitAsync("/events/" + ev.Slug, [], $"main form[action='/events/{ev.Slug}/register']");

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        var registration = Assert.Single(await app.RegistrationsAsync(ev.Id));
        Assert.Equal((memberId, RegistrationStatus.Confirmed), (registration.UserId, registration.Status));
        Assert.Contains("Ilmoittautumisesi tila: Vahvistettu.", (await member.OpenAsync("/events/" + ev.Slug)).Text);

        var asking = await app.OpenEventAsync(capacity: 5);
        await app.WithServicesAsync(async s =>
        {
            var db = s.GetRequiredService<YhdessaDb>();
            db.EventQuestions.Add(new EventQuestion { EventId = asking.Id, Kind = QuestionKind.Text, TextFi = "Mitä odotat koulutukselta?", IsRequired = true });
            return await db.SaveChangesAsync();
        });
        var askingPage = await member.OpenAsync("/events/" + asking.Slug);
        Assert.Null(askingPage.Document.QuerySelector("main form[action$='/register']"));
        Assert.Equal("Ilmoittaudu", askingPage.Document.QuerySelector($"main a[href='/events/{asking.Slug}/register']")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_member_sees_their_place_in_the_queue_and_the_time_to_confirm_an_offer_in_their_list()
    {
        var ev = await app.OpenEventAsync(capacity: 1);
        var first = RegistrationApps.NewEmail("eka");
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Eeva Ensimmäinen", first));
        var member = await app.SignedInAsync("queue-in-list");
        await member.SubmitAsync($"/events/{ev.Slug}/register", []);
        string Row(WebBrowser.Page page) => page.Document.QuerySelectorAll("main tr").Single(tr => tr.TextContent.Contains(ev.TitleFi)).TextContent;

        Assert.Contains("Jonossa (sija 1)", Row(await member.OpenAsync("/events/my")));

        await WebBrowser.Open(app).PressAsync(await app.LinkFromMailAsync(first), "Cancel");
        var offered = Row(await member.OpenAsync("/events/my"));
        Assert.Contains("Paikkaa tarjottu (vahvista ", offered);
        Assert.Contains(" mennessä)", offered);
    }

    [Fact]
    public async Task Registering_twice_with_the_same_email_in_any_case_or_spacing_is_refused()
    {
        var ev = await app.OpenEventAsync(capacity: 5);
        var email = RegistrationApps.NewEmail("tupla");
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Tuplaaja", email));

        var again = await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Tuplaaja Toinen", "  " + email.ToUpperInvariant() + "  "));

        Assert.Contains("Tällä sähköpostiosoitteella on jo ilmoittauduttu", again.ErrorSummary);
        Assert.NotNull(again.Document.QuerySelector(".error-summary a[href='#Input_Email']"));
        Assert.Equal("Tuplaaja Toinen", again.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Name")!.Value);
        Assert.Single(await app.RegistrationsAsync(ev.Id));
        Assert.Single(await app.MailAsync(email));
    }

    [Fact]
    public async Task Registering_before_opening_or_after_closing_is_refused_with_the_reason()
    {
        var now = app.Clock.GetUtcNow();
        var early = EventTestData.NewEvent(EventTestData.Unique("Tuleva koulutus"), now.AddDays(30));
        early.Capacity = 10;
        early.RegistrationOpensAt = now.AddDays(2);
        early.RegistrationClosesAt = now.AddDays(20);
        var late = EventTestData.NewEvent(EventTestData.Unique("Suljettu koulutus"), now.AddDays(3));
        late.Capacity = 10;
        late.RegistrationOpensAt = now.AddDays(-20);
        late.RegistrationClosesAt = now.AddMinutes(-1);
        await app.AddEventsAsync(early, late);

        var browser = WebBrowser.Open(app);
        var earlyPage = await browser.OpenAsync($"/events/{early.Slug}/register");
        var latePage = await browser.OpenAsync($"/events/{late.Slug}/register");

        Assert.Contains("Ilmoittautuminen ei ole vielä auki. Se alkaa", earlyPage.Text);
        Assert.Null(earlyPage.Document.QuerySelector("main form"));
        Assert.Contains("Ilmoittautuminen on päättynyt.", latePage.Text);
        // A form kept open from elsewhere and posted anyway gets the same answer, and nothing is saved.
        var open = await app.OpenEventAsync(capacity: 5);
        var token = (await browser.OpenAsync($"/events/{open.Slug}/register")).Document
            .QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        foreach (var (ev, message) in new[] { (early, "Ilmoittautuminen ei ole vielä auki."), (late, "Ilmoittautuminen on päättynyt.") })
        {
            var posted = await browser.PostAsync($"/events/{ev.Slug}/register",
                [.. RegistrationApps.Guest("Väärään aikaan", RegistrationApps.NewEmail("aika")), new("__RequestVerificationToken", token)]);
            Assert.Contains(message, posted.ErrorSummary);
        }
        Assert.Empty(await app.RegistrationsAsync(early.Id));
        Assert.Empty(await app.RegistrationsAsync(late.Id));
        Assert.Null((await WebBrowser.Open(app).OpenAsync("/events/" + late.Slug)).Document.QuerySelector($"a[href='/events/{late.Slug}/register']"));
    }

    [Fact]
    public async Task A_late_post_to_a_closed_registration_gets_the_message_and_saves_nothing()
    {
        var ev = await app.OpenEventAsync(capacity: 10);
        var browser = WebBrowser.Open(app);
        var form = await browser.OpenAsync($"/events/{ev.Slug}/register");
        var token = form.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        await app.WithServicesAsync(async s =>
        {
            var db = s.GetRequiredService<YhdessaDb>();
            await db.Events.Where(e => e.Id == ev.Id).ExecuteUpdateAsync(x => x.SetProperty(e => e.RegistrationClosesAt, DateTimeOffset.UtcNow.AddDays(-1)));
            return 0;
        });

        var page = await browser.PostAsync($"/events/{ev.Slug}/register",
            [.. RegistrationApps.Guest("Myöhäinen", RegistrationApps.NewEmail("myohainen")), new("__RequestVerificationToken", token)]);

        Assert.Contains("Ilmoittautuminen on päättynyt.", page.ErrorSummary);
        Assert.Empty(await app.RegistrationsAsync(ev.Id));
    }

    [Theory]
    [InlineData("", "nimi@example.fi", "Kuopion kaupunki", "Kirjoita nimesi.", "Input_Name")]
    [InlineData("Nimi", "ei-osoite", "Kuopion kaupunki", "Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi.", "Input_Email")]
    [InlineData("Nimi", "nimi@example", "Kuopion kaupunki", "Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi.", "Input_Email")]
    [InlineData("Nimi", "", "Kuopion kaupunki", "Kirjoita sähköpostiosoitteesi.", "Input_Email")]
    [InlineData("LONG", "nimi@example.fi", "Kuopion kaupunki", "Teksti on liian pitkä: enintään 200 merkkiä.", "Input_Name")]
    [InlineData("Ni\u202Emi", "nimi@example.fi", "Kuopion kaupunki", "näkymättömiä ohjausmerkkejä", "Input_Name")]
    [InlineData("Nimi\nToinen rivi", "nimi@example.fi", "Kuopion kaupunki", "näkymättömiä ohjausmerkkejä", "Input_Name")]
    [InlineData("Nimi", "nimi@example.fi", "Kuopion\r\nkaupunki", "näkymättömiä ohjausmerkkejä", "Input_OrganisationName")]
    public async Task Bad_guest_details_get_a_message_linked_to_the_field_and_nothing_is_saved(string name, string email, string organisation,
        string message, string field)
    {
        var ev = await app.OpenEventAsync(capacity: 10);
        if (name == "LONG") name = new string('a', 201);

        var page = await app.RegisterGuestAsync(ev, RegistrationApps.Guest(name, email, organisation));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.ErrorSummary);
        Assert.NotNull(page.Document.QuerySelector($".error-summary a[href='#{field}']"));
        Assert.NotNull(page.Document.GetElementById(field));
        Assert.StartsWith("Virhe", page.Document.Title);
        Assert.Empty(await app.RegistrationsAsync(ev.Id));
    }

    [Fact]
    public async Task Overlong_needs_are_refused_and_needs_are_kept_when_given()
    {
        var ev = await app.OpenEventAsync(capacity: 10);
        var fields = RegistrationApps.Guest("Tarvitsija", RegistrationApps.NewEmail("tarve"));
        fields["Input.DietaryNeeds"] = new string('x', 1001);
        var refused = await app.RegisterGuestAsync(ev, fields);
        Assert.Contains("enintään 1000 merkkiä", refused.ErrorSummary);
        Assert.Empty(await app.RegistrationsAsync(ev.Id));

        fields["Input.DietaryNeeds"] = "Gluteeniton";
        fields["Input.AccessibilityNeeds"] = "Induktiosilmukka";
        await app.RegisterGuestAsync(ev, fields);
        var saved = Assert.Single(await app.RegistrationsAsync(ev.Id));
        Assert.Equal(("Gluteeniton", "Induktiosilmukka"), (saved.DietaryNeeds, saved.AccessibilityNeeds));
    }

    [Fact]
    public async Task Custom_questions_are_asked_in_the_readers_language_and_bad_answers_are_refused()
    {
        var ev = await app.OpenEventAsync(capacity: 10);
        var coordinator = await app.CoordinatorAsync();
        var added = await coordinator.SubmitAsync($"/events/{ev.Slug}/registration", new()
        {
            ["Question.Kind"] = "Choice", ["Question.TextFi"] = "Osallistutko paikan päällä?", ["Question.TextSv"] = "Deltar du på plats?",
            ["Question.TextEn"] = "Will you attend in person?", ["Question.IsRequired"] = "true",
            ["Question.OptionsFi"] = "Paikan päällä\nEtänä", ["Question.OptionsSv"] = "På plats\nPå distans", ["Question.OptionsEn"] = "In person\nOnline",
        }, "main form[action*='handler=AddQuestion']");
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        await coordinator.SubmitAsync($"/events/{ev.Slug}/registration", new()
        {
            ["Question.Kind"] = "Text", ["Question.TextFi"] = "Mitä odotat koulutukselta?", ["Question.TextEn"] = "What do you expect?",
        }, "main form[action*='handler=AddQuestion']");
        var questions = await app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().EventQuestions.Include(q => q.Options)
            .Where(q => q.EventId == ev.Id).OrderBy(q => q.Position).ToListAsync());
        var choice = questions[0];
        var text = questions[1];

        var swedish = await WebBrowser.Open(app).OpenAsync($"/events/{ev.Slug}/register?culture=sv");
        Assert.Contains("Deltar du på plats?", swedish.Text);
        Assert.Contains("På distans", swedish.Text);

        var fields = RegistrationApps.Guest("Kysytty", RegistrationApps.NewEmail("kysytty"));
        var missing = await app.RegisterGuestAsync(ev, fields);
        Assert.Contains("Vastaa kysymykseen: Osallistutko paikan päällä?", missing.ErrorSummary);
        Assert.NotNull(missing.Document.QuerySelector($".error-summary a[href='#Input_Answers_{choice.Id}_']"));
        Assert.NotNull(missing.Document.GetElementById($"Input_Answers_{choice.Id}_"));

        fields[$"Input.Answers[{choice.Id}]"] = "999999";
        var foreign = await app.RegisterGuestAsync(ev, fields);
        Assert.Contains("Valitse jokin annetuista vaihtoehdoista", foreign.ErrorSummary);

        fields[$"Input.Answers[{choice.Id}]"] = choice.Options[1].Id.ToString();
        fields[$"Input.Answers[{text.Id}]"] = new string('y', 2001);
        var tooLong = await app.RegisterGuestAsync(ev, fields);
        Assert.Contains("enintään 2000 merkkiä", tooLong.ErrorSummary);
        Assert.Empty(await app.RegistrationsAsync(ev.Id));

        fields[$"Input.Answers[{text.Id}]"] = "Käytännön vinkkejä";
        // Answers to questions the event does not have (another event's, or no question at all) are not kept.
        fields["Input.Answers[999999]"] = "Vieras vastaus";
        fields["Input.Answers[abc]"] = "Ei kysymys";
        await app.RegisterGuestAsync(ev, fields);
        var saved = Assert.Single(await app.RegistrationsAsync(ev.Id));
        Assert.Equal(2, saved.Answers.Count);
        Assert.Contains(saved.Answers, a => a.QuestionId == choice.Id && a.OptionId == choice.Options[1].Id);
        Assert.Contains(saved.Answers, a => a.QuestionId == text.Id && a.Text == "Käytännön vinkkejä");
    }

    [Fact]
    public async Task The_cap_per_organisation_queues_the_next_from_the_same_organisation_and_says_why()
    {
        var ev = await app.OpenEventAsync(capacity: 10, new EventRegistrationSettings { CapPerOrganisation = 1, OfferHoldHours = 48 });
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Ensimmäinen", RegistrationApps.NewEmail("org1"), "Kuopion kaupunki"));

        var second = await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Toinen", RegistrationApps.NewEmail("org2"), "  kuopion   KAUPUNKI "));
        var other = await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Muualta", RegistrationApps.NewEmail("org3"), "Oulun kaupunki"));

        Assert.Contains("Olet jonossa sijalla 1.", second.Text);
        Assert.Contains("Organisaatiosi osallistujakiintiö on täynnä", second.Text);
        Assert.Contains("Vahvistettu", other.Text);
        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Waiting, RegistrationStatus.Confirmed],
            (await app.RegistrationsAsync(ev.Id)).Select(r => r.Status));
        Assert.Equal(WaitingReason.OrganisationCap, (await app.RegistrationsAsync(ev.Id))[1].WaitingReason);
    }

    [Fact]
    public async Task Reserved_seats_are_held_for_experts_by_experience_until_released_to_everyone()
    {
        var ev = await app.OpenEventAsync(capacity: 2, new EventRegistrationSettings
        {
            ReservedSeats = 1, ReservedFor = ReservedGroup.ExpertsByExperience, ReservedUntil = app.Clock.GetUtcNow().AddDays(5), OfferHoldHours = 48,
        });
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Ammattilainen Yksi", RegistrationApps.NewEmail("amm1")));

        var waiting = await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Ammattilainen Kaksi", RegistrationApps.NewEmail("amm2")));
        var expertFields = RegistrationApps.Guest("Kokemusasiantuntija", RegistrationApps.NewEmail("koke"));
        expertFields["Input.ExpertByExperience"] = "true";
        var expert = await app.RegisterGuestAsync(ev, expertFields);

        Assert.Contains("varattu toiselle ryhmälle", waiting.Text);
        Assert.Contains("Vahvistettu", expert.Text);
        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Waiting, RegistrationStatus.Confirmed],
            (await app.RegistrationsAsync(ev.Id)).Select(r => r.Status));

        // Released: the expert cancels and the freed seat goes to the first in the queue, whoever they are.
        await app.WithServicesAsync(async s =>
        {
            var db = s.GetRequiredService<YhdessaDb>();
            return await db.EventRegistrationSettings.Where(x => x.EventId == ev.Id)
                .ExecuteUpdateAsync(x => x.SetProperty(v => v.ReservedUntil, DateTimeOffset.UtcNow.AddDays(-1)));
        });
        await WebBrowser.Open(app).PressAsync(await app.LinkFromMailAsync((await app.RegistrationsAsync(ev.Id))[2].Email), "Cancel");
        Assert.Equal(RegistrationStatus.Offered, (await app.RegistrationsAsync(ev.Id))[1].Status);
    }

    [Fact]
    public async Task Reserved_seats_open_to_the_queue_when_the_release_date_passes()
    {
        var ev = await app.OpenEventAsync(capacity: 2, new EventRegistrationSettings
        {
            ReservedSeats = 1, ReservedFor = ReservedGroup.ExpertsByExperience, ReservedUntil = app.Clock.GetUtcNow().AddHours(2), OfferHoldHours = 48,
        });
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Yksi", RegistrationApps.NewEmail("vapaa1")));
        var second = RegistrationApps.NewEmail("vapaa2");
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Kaksi", second));
        Assert.Equal(RegistrationStatus.Waiting, (await app.RegistrationOfAsync(second)).Status);

        await app.WithServicesAsync(async s =>
        {
            var db = s.GetRequiredService<YhdessaDb>();
            return await db.EventRegistrationSettings.Where(x => x.EventId == ev.Id)
                .ExecuteUpdateAsync(x => x.SetProperty(v => v.ReservedUntil, DateTimeOffset.UtcNow.AddMinutes(-1)));
        });
        await app.RunJobsAsync();

        Assert.Equal(RegistrationStatus.Offered, (await app.RegistrationOfAsync(second)).Status);
        Assert.Equal("Sinulle vapautui paikka: " + ev.TitleFi, (await app.MailAsync(second)).Last().Subject);
    }

    [Fact]
    public async Task With_approval_a_coordinator_approves_and_declines_and_both_people_are_told()
    {
        var ev = await app.OpenEventAsync(capacity: 5);
        var coordinator = await app.CoordinatorAsync();
        var saved = await coordinator.SubmitAsync($"/events/{ev.Slug}/registration", new()
        {
            ["Input.RequiresApproval"] = "true", ["Input.OfferHoldHours"] = "24", ["Input.CapPerOrganisation"] = "", ["Input.ReservedSeats"] = "",
            ["Input.ReservedFor"] = "", ["Input.ReservedUntil"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var (approved, declined) = (RegistrationApps.NewEmail("hyvaksytty"), RegistrationApps.NewEmail("hylatty"));

        var awaiting = await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Hyväksytty Henkilö", approved));
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Hylätty Henkilö", declined));

        Assert.Contains("Odottaa hyväksyntää", awaiting.Text);
        Assert.Equal("Ilmoittautuminen vastaanotettu: " + ev.TitleFi, (await app.MailAsync(approved)).Single().Subject);
        var list = await coordinator.OpenAsync($"/events/{ev.Slug}/approvals");
        Assert.Contains("Hyväksytty Henkilö", list.Text);
        Assert.Contains("Hylätty Henkilö", list.Text);
        var ids = (await app.RegistrationsAsync(ev.Id)).ToDictionary(r => r.Email, r => r.Id);

        await coordinator.SubmitAsync($"/events/{ev.Slug}/approvals", new() { ["registrationId"] = ids[approved].ToString() },
            "main form[action*='handler=Approve']");
        await coordinator.SubmitAsync($"/events/{ev.Slug}/approvals", new() { ["registrationId"] = ids[declined].ToString() },
            "main form[action*='handler=Decline']");

        Assert.Equal(RegistrationStatus.Confirmed, (await app.RegistrationOfAsync(approved)).Status);
        Assert.Equal(RegistrationStatus.Declined, (await app.RegistrationOfAsync(declined)).Status);
        Assert.Equal("Ilmoittautuminen vahvistettu: " + ev.TitleFi, (await app.MailAsync(approved)).Last().Subject);
        Assert.Equal("Ilmoittautumistasi ei hyväksytty: " + ev.TitleFi, (await app.MailAsync(declined)).Last().Subject);
        Assert.Contains("Ei hyväksyttäviä ilmoittautumisia.", (await coordinator.OpenAsync($"/events/{ev.Slug}/approvals")).Text);
        var audit = await app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Set<AuditEntry>()
            .Where(a => a.Subject == "event:" + ev.Slug).Select(a => a.Action).ToListAsync());
        Assert.Contains("events.registration.approved", audit);
        Assert.Contains("events.registration.declined", audit);
        Assert.Contains("events.registration.settings", audit);
        // A declined person may register again; an approved one may not register twice.
        Assert.Contains("Tällä sähköpostiosoitteella", (await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Uudestaan", approved))).ErrorSummary);
    }

    [Fact]
    public async Task Bad_registration_settings_get_messages_and_change_nothing()
    {
        var ev = await app.OpenEventAsync(capacity: 5);
        var coordinator = await app.CoordinatorAsync();

        var page = await coordinator.SubmitAsync($"/events/{ev.Slug}/registration", new()
        {
            ["Input.RequiresApproval"] = "true", ["Input.OfferHoldHours"] = "kaksi", ["Input.CapPerOrganisation"] = "0",
            ["Input.ReservedSeats"] = "6", ["Input.ReservedFor"] = "", ["Input.ReservedUntil"] = "",
        });

        Assert.Contains("Anna varausaika tunteina väliltä 1–336.", page.ErrorSummary);
        Assert.Contains("Anna enimmäismäärä kokonaislukuna", page.ErrorSummary);
        Assert.Contains("Valitse, kenelle paikat varataan.", page.ErrorSummary);
        Assert.Contains("Varattuja paikkoja voi olla enintään paikkamäärän verran (5).", page.ErrorSummary);
        Assert.Equal("kaksi", page.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_OfferHoldHours")!.Value);
        Assert.Null(await app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().EventRegistrationSettings.FirstOrDefaultAsync(x => x.EventId == ev.Id)));

        var question = await coordinator.SubmitAsync($"/events/{ev.Slug}/registration", new()
        {
            ["Question.Kind"] = "Choice", ["Question.TextFi"] = "Valitse", ["Question.OptionsFi"] = "Vain yksi", ["Question.OptionsSv"] = "En\nTvå",
        }, "main form[action*='handler=AddQuestion']");
        Assert.Contains("vähintään kaksi vaihtoehtoa", question.ErrorSummary);
        Assert.Contains("yhtä monta riviä", question.ErrorSummary);
        Assert.Empty(await app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().EventQuestions.Where(q => q.EventId == ev.Id).ToListAsync()));
    }

    [Fact]
    public async Task The_capacity_cannot_drop_below_the_seats_given()
    {
        var ev = await app.OpenEventAsync(capacity: 3);
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Yksi", RegistrationApps.NewEmail("kap1")));
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Kaksi", RegistrationApps.NewEmail("kap2")));
        var coordinator = await app.CoordinatorAsync();
        var form = await coordinator.OpenAsync($"/events/{ev.Slug}/edit");
        var fields = FormValues(form.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form[method=post]")!);
        fields["Input.Capacity"] = "1";

        var page = await coordinator.SubmitAsync($"/events/{ev.Slug}/edit", fields);

        Assert.Contains("Paikkamäärä ei voi olla pienempi kuin jo annettujen paikkojen määrä (2).", page.ErrorSummary);
        Assert.Equal(3, (await app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Events.SingleAsync(e => e.Id == ev.Id))).Capacity);
    }

    [Fact]
    public async Task A_changed_or_foreign_link_opens_nothing_and_changes_nothing()
    {
        var ev = await app.OpenEventAsync(capacity: 5);
        var email = RegistrationApps.NewEmail("linkki");
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Linkin Omistaja", email));
        var link = (await app.LinkFromMailAsync(email)).Split('?')[0];
        var token = link["/events/registration/".Length..];
        var tampered = "/events/registration/" + token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..];
        var browser = WebBrowser.Open(app);

        var page = await browser.OpenAsync(tampered);
        var posted = await browser.PostAsync(tampered + "?handler=Cancel", []);
        var garbage = await browser.OpenAsync("/events/registration/not-a-token");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Linkki ei kelpaa", page.H1);
        Assert.Contains("Mitään ei muutettu", page.Text);
        Assert.DoesNotContain("Linkin Omistaja", page.Text);
        Assert.NotEqual(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal(HttpStatusCode.NotFound, garbage.Status);
        Assert.Equal(RegistrationStatus.Confirmed, (await app.RegistrationOfAsync(email)).Status);
    }

    [Fact]
    public async Task Download_my_data_lists_registrations_and_deleting_the_account_erases_them_and_frees_the_seat()
    {
        var ev = await app.OpenEventAsync(capacity: 1);
        var (member, memberId) = await app.PersonAsync("leaving-member-" + Guid.NewGuid().ToString("N")[..6]);
        await member.SubmitAsync($"/events/{ev.Slug}/register", new() { ["Input.DietaryNeeds"] = "Vegaaninen" });
        var waiting = RegistrationApps.NewEmail("odottaja");
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Odottaja", waiting));

        var export = await app.ExportRegistrationsAsync(memberId);
        Assert.Contains(ev.TitleFi, export);
        Assert.Contains("Vegaaninen", export);

        await app.EraseAccountDataAsync(memberId);
        await app.RunJobsAsync();

        var rows = await app.RegistrationsAsync(ev.Id);
        Assert.Equal((null, "", null, RegistrationStatus.Cancelled), (rows[0].UserId, rows[0].Name, rows[0].DietaryNeeds, rows[0].Status));
        Assert.NotNull(rows[0].PersonalDataErasedAt);
        Assert.Equal(RegistrationStatus.Offered, rows[1].Status);
    }

    [Fact]
    public async Task Guest_registrations_from_one_address_are_limited_per_minute()
    {
        var ev = await app.OpenEventAsync(capacity: 50);
        await using var limited = app.WithWebHostBuilder(builder =>
            builder.UseSetting("Yhdessa:RateLimits:RegistrationPermitsPerMinute", "2"));
        var client = limited.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync($"/events/{ev.Slug}/register");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostAsync($"/events/{ev.Slug}/register", new FormUrlEncodedContent(
                [.. RegistrationApps.Guest($"Kiireinen {i}", RegistrationApps.NewEmail("kiire" + i)), new("__RequestVerificationToken", token)]));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(2, (await app.RegistrationsAsync(ev.Id)).Count);
        // Reading the form is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/events/{ev.Slug}/register")).StatusCode);
    }

    [Fact]
    public async Task A_coordinators_cancellation_is_audited_tells_the_person_and_offers_the_seat_on()
    {
        var ev = await app.OpenEventAsync(capacity: 1);
        var (holder, next) = (RegistrationApps.NewEmail("peruttava"), RegistrationApps.NewEmail("seuraava"));
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Peruttava", holder));
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Seuraava", next));

        var id = (await app.RegistrationOfAsync(holder)).Id;
        var outcome = await app.WithServicesAsync(s => s.GetRequiredService<Yhdessa.Features.Events.Registration.Registrations>()
            .CancelAsync(id, CancellationReason.ByCoordinator, default));

        Assert.Equal(Yhdessa.Features.Events.Registration.LinkOutcome.Done, outcome);
        Assert.Contains("Koordinaattori on perunut ilmoittautumisesi.", (await app.MailAsync(holder)).Last().TextBody);
        Assert.Equal(RegistrationStatus.Offered, (await app.RegistrationOfAsync(next)).Status);
        Assert.True(await app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Set<AuditEntry>()
            .AnyAsync(a => a.Action == "events.registration.cancelled" && a.Details == $"registration:{id}")));
    }

    /// <summary>What the browser would send for the form as shown: fields, chosen options, text areas and ticked boxes.</summary>
    internal static Dictionary<string, string> FormValues(AngleSharp.Html.Dom.IHtmlFormElement form)
    {
        var values = new Dictionary<string, string>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case AngleSharp.Html.Dom.IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type != "hidden"
                    && (input.Type is not ("checkbox" or "radio") || input.IsChecked):
                    values[input.Name!] = input.Value;
                    break;
                case AngleSharp.Html.Dom.IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    values[select.Name!] = select.Value ?? "";
                    break;
                case AngleSharp.Html.Dom.IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    values[area.Name!] = area.Value;
                    break;
            }
        }
        return values;
    }
}
