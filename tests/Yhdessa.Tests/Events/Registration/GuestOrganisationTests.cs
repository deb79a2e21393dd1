using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Tests.Account;

namespace Yhdessa.Tests.Events.Registration;

[Collection("Events on SQLite")]
public sealed class GuestOrganisationOnSqlite(SqliteApp app) : GuestOrganisationTests(app);
[Collection("Events on PostgreSQL")]
public sealed class GuestOrganisationOnPostgres(PostgresApp app) : GuestOrganisationTests(app);

/// <summary>Guests choose their organisation from the directory, so seats reserved for cities count a guest from a
/// city; an organisation that is not listed is written in and counts as no city.</summary>
public abstract class GuestOrganisationTests(YhdessaApp app)
{
    private async Task<Organisation> OrganisationAsync(string name, Sector sector) => await app.WithServicesAsync(async s =>
    {
        var db = s.GetRequiredService<YhdessaDb>();
        var organisation = new Organisation { Slug = "org-" + Guid.NewGuid().ToString("N")[..10], Sector = sector };
        organisation.SetNames(name, null, null);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation;
    });

    [Fact]
    public async Task A_guest_from_a_programme_city_takes_a_seat_reserved_for_cities_whether_chosen_or_written_in()
    {
        var city = await OrganisationAsync(EventTestData.Unique("Porin kaupunki"), Sector.City);
        var ngo = await OrganisationAsync(EventTestData.Unique("Vailla vakinaista asuntoa ry"), Sector.Ngo);
        var ev = await app.OpenEventAsync(capacity: 3, new EventRegistrationSettings
        {
            ReservedSeats = 2, ReservedFor = ReservedGroup.Cities, ReservedUntil = app.Clock.GetUtcNow().AddDays(5), OfferHoldHours = 48,
        });
        var form = await WebBrowser.Open(app).OpenAsync($"/events/{ev.Slug}/register");
        Assert.Equal(city.NameFi, form.Document.QuerySelector($"select#Input_OrganisationId option[value='{city.Id}']")?.TextContent);
        Assert.NotNull(form.Document.QuerySelector("label[for=Input_OrganisationId]"));

        var fromNgo = RegistrationApps.Guest("Järjestön Jaana", RegistrationApps.NewEmail("jarjesto"), "");
        fromNgo["Input.OrganisationId"] = ngo.Id.ToString();
        await app.RegisterGuestAsync(ev, fromNgo);
        var unlisted = await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Listaton Lasse", RegistrationApps.NewEmail("listaton"), "Pieni paikallisyhdistys ry"));
        var fromCity = RegistrationApps.Guest("Kaupungin Kaisa", RegistrationApps.NewEmail("kaupunki"), "");
        fromCity["Input.OrganisationId"] = city.Id.ToString();
        var chosen = await app.RegisterGuestAsync(ev, fromCity);
        // The city's name written in, in other case and spacing, is the same listed organisation.
        var written = await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Kirjoittava Kalle", RegistrationApps.NewEmail("kirjoittaja"),
            "  " + city.NameFi.ToUpperInvariant().Replace(" ", "   ") + " "));

        Assert.Contains("Olet jonossa sijalla 1.", unlisted.Text);
        Assert.Contains("Vahvistettu", chosen.Text);
        Assert.Contains("Vahvistettu", written.Text);
        var rows = await app.RegistrationsAsync(ev.Id);
        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Waiting, RegistrationStatus.Confirmed, RegistrationStatus.Confirmed],
            rows.Select(r => r.Status));
        Assert.Equal((ngo.Id, ngo.NameFi, Sector.Ngo, false), (rows[0].OrganisationId, rows[0].OrganisationName, rows[0].OrganisationSector, rows[0].InReservedGroup));
        Assert.Equal(((int?)null, "Pieni paikallisyhdistys ry", (Sector?)null), (rows[1].OrganisationId, rows[1].OrganisationName, rows[1].OrganisationSector));
        Assert.Equal(WaitingReason.ReservedSeats, rows[1].WaitingReason);
        Assert.All(rows.Skip(2), r => Assert.Equal((city.Id, city.NameFi, Sector.City, true), (r.OrganisationId, r.OrganisationName, r.OrganisationSector, r.InReservedGroup)));
    }

    [Theory]
    [InlineData("999999999")]
    [InlineData("Porin kaupunki")]
    public async Task An_organisation_id_not_in_the_directory_is_refused_and_nothing_is_saved(string posted)
    {
        var ev = await app.OpenEventAsync(capacity: 5);
        var fields = RegistrationApps.Guest("Muokattu Lomake", RegistrationApps.NewEmail("muokattu"), "Oma yhdistys");
        fields["Input.OrganisationId"] = posted;

        var page = await app.RegisterGuestAsync(ev, fields);

        Assert.Contains("Valitse organisaatio luettelosta", page.ErrorSummary);
        Assert.NotNull(page.Document.QuerySelector(".error-summary a[href='#Input_OrganisationId']"));
        Assert.Equal("Muokattu Lomake", page.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Name")!.Value);
        Assert.Empty(await app.RegistrationsAsync(ev.Id));
    }

    [Fact]
    public async Task A_guest_without_an_organisation_registers_when_the_seats_are_not_counted_by_organisation()
    {
        var ev = await app.OpenEventAsync(capacity: 5);
        var email = RegistrationApps.NewEmail("ilmanorganisaatiota");
        var fields = RegistrationApps.Guest("Kokemusasiantuntija Ilman", email, "");
        fields["Input.OrganisationId"] = "";
        var form = await WebBrowser.Open(app).OpenAsync($"/events/{ev.Slug}/register");
        Assert.Contains("(vapaaehtoinen)", form.Document.QuerySelector("label[for=Input_OrganisationId]")!.TextContent);
        Assert.Contains("Jätä tyhjäksi, jos et edusta organisaatiota", form.Document.QuerySelector("#organisation-hint")!.TextContent);

        var page = await app.RegisterGuestAsync(ev, fields);

        Assert.Null(page.ErrorSummary);
        var registration = Assert.Single(await app.RegistrationsAsync(ev.Id));
        Assert.Equal(RegistrationStatus.Confirmed, registration.Status);
        Assert.Null(registration.OrganisationName);
        Assert.Null(registration.OrganisationId);
    }

    [Fact]
    public async Task Choosing_not_in_the_list_without_writing_a_name_asks_for_the_organisation_where_seats_are_capped_by_it()
    {
        var ev = await app.OpenEventAsync(capacity: 5, new EventRegistrationSettings { CapPerOrganisation = 2 });
        var form = await WebBrowser.Open(app).OpenAsync($"/events/{ev.Slug}/register");
        Assert.DoesNotContain("vapaaehtoinen", form.Document.QuerySelector("label[for=Input_OrganisationId]")!.TextContent);
        Assert.Contains("osallistujien määrää organisaatiota kohden on rajattu (enintään 2)", form.Document.QuerySelector("#organisation-hint")!.TextContent);
        var fields = RegistrationApps.Guest("Nimetön Organisaatio", RegistrationApps.NewEmail("eilistassa"), "");
        fields["Input.OrganisationId"] = "";

        var page = await app.RegisterGuestAsync(ev, fields);

        Assert.Contains("Valitse organisaatiosi luettelosta tai kirjoita sen nimi.", page.ErrorSummary);
        Assert.NotNull(page.Document.QuerySelector(".error-summary a[href='#Input_OrganisationName']"));
        Assert.Empty(await app.RegistrationsAsync(ev.Id));
    }
}
