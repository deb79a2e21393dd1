using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Events.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Events;

/// <summary>
/// Upcoming and past events of every type as the network runs them (seeds/000_*): the housing counselling
/// training three times a year, the spring seminar for programme actors, the open national autumn seminar, a
/// study trip, a Change Laboratory session and webinars, co-organised by the demo organisations (Order 10).
/// </summary>
public sealed class EventsDemoData(YhdessaDb db, TimeProvider clock) : IDemoData
{
    public int Order => 20;

    private const string Helsinki = "091", Tampere = "837", Lahti = "398", Turku = "853";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Events.AnyAsync(cancellationToken)) return;
        var now = clock.GetUtcNow();
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Slug, o => o.Id, cancellationToken);
        var groups = await db.Groups.ToDictionaryAsync(g => g.Slug, g => g.Id, cancellationToken);

        var themes = new Dictionary<string, EventTheme>
        {
            ["housing-first"] = new() { NameFi = "Asunto ensin", NameSv = "Bostad först", NameEn = "Housing First" },
            ["counselling"] = new() { NameFi = "Asumisneuvonta", NameSv = "Boenderådgivning", NameEn = "Housing counselling" },
            ["women"] = new() { NameFi = "Naiserityisyys", NameSv = "Kvinnospecifikt arbete", NameEn = "Women-specific work" },
            ["experts"] = new() { NameFi = "Kokemusasiantuntijuus", NameSv = "Erfarenhetsexpertis", NameEn = "Expertise by experience" },
            ["prevention"] = new() { NameFi = "Asunnottomuuden ennaltaehkäisy", NameSv = "Förebyggande av bostadslöshet", NameEn = "Preventing homelessness" },
            ["evaluation"] = new() { NameFi = "Arviointi ja vertaisarviointi", NameSv = "Utvärdering och kollegial utvärdering", NameEn = "Evaluation and peer review" },
        };
        db.EventThemes.AddRange(themes.Values);
        var series = new EventSeries
        {
            Slug = "asumisneuvonnan-koulutus", NameFi = "Asumisneuvonnan koulutus", NameSv = "Utbildning i boenderådgivning",
            NameEn = "Housing counselling training",
        };
        db.EventSeries.Add(series);

        // A day relative to today at a Helsinki clock time, so the demo always has past and upcoming events.
        DateTimeOffset At(int days, int hour, int minute = 0)
        {
            var day = HelsinkiTime.ToHelsinki(now).Date.AddDays(days).AddHours(hour).AddMinutes(minute);
            return new DateTimeOffset(day, HelsinkiTime.Zone.GetUtcOffset(day)).ToUniversalTime();
        }

        var slugs = new HashSet<string>();
        Event Add(EventType type, string fi, string? sv, string? en, string description, DateTimeOffset start, DateTimeOffset end,
            string? address, string? municipality, string? online, int? capacity, string[] organisers, string[] themeKeys,
            (string Name, bool Expert)[] speakers, EventVisibility visibility = EventVisibility.Public, string? group = null,
            EventSeries? inSeries = null, string? descriptionSv = null, string? descriptionEn = null)
        {
            var slug = Slugs.FromName(fi);
            for (var n = 2; !slugs.Add(slug); n++) slug = Slugs.FromName(fi) + "-" + n;
            // The address is the street only: the page, the calendar file and the email add the municipality's name.
            var e = new Event
            {
                Slug = slug, Type = type, TitleFi = fi, TitleSv = sv, TitleEn = en, DescriptionFi = description,
                DescriptionSv = descriptionSv, DescriptionEn = descriptionEn, StartsAt = start, EndsAt = end,
                Address = address, MunicipalityCode = municipality, OnlineUrl = online, Capacity = capacity,
                RegistrationOpensAt = start.AddDays(-60), RegistrationClosesAt = start.AddDays(-3),
                Visibility = visibility, GroupId = group is null ? null : groups.GetValueOrDefault(group),
                Series = inSeries, Status = EventStatus.Scheduled, Revision = 0, CreatedAt = now, UpdatedAt = now,
                Organisers = [.. organisers.Where(organisations.ContainsKey).Select(o => new EventOrganiser { OrganisationId = organisations[o] })],
                Themes = [.. themeKeys.Select(t => new EventThemeLink { Theme = themes[t] })],
                Speakers = [.. speakers.Select((s, i) => new EventSpeaker { Name = s.Name, IsExpertByExperience = s.Expert, Position = i })],
            };
            if (e.Visibility == EventVisibility.Group && e.GroupId is null) e.Visibility = EventVisibility.Members;
            db.Events.Add(e);
            return e;
        }

        const string counselling = """
            Koulutus asumisneuvojille ja asumisen tuen työntekijöille. Käymme läpi vuokrasuhteen ongelmatilanteet,
            häätöjen ennaltaehkäisyn ja yhteistyön vuokranantajien kanssa.

            **Sisältö**

            - vuokravelka ja maksusuunnitelmat
            - asumisneuvonnan keinot häätöuhan edessä
            - tapausesimerkit ja keskustelu

            Koulutus on maksuton verkoston toimijoille.
            """;
        string[] counsellingOrganisers = ["helsingin-kaupunki-asumisneuvonta", "takuusaatio", "y-saatio"];
        var past = Add(EventType.Training, "Asumisneuvonnan koulutus: vuokravelka ja häätöjen ehkäisy", "Utbildning i boenderådgivning: hyresskulder",
            "Housing counselling training: rent arrears", counselling, At(-70, 9), At(-70, 15, 30), "Kalevankatu 8", Helsinki, null, 40,
            counsellingOrganisers, ["counselling", "prevention"], [("Liisa Asumisneuvoja", false), ("Matti Kokemus", true)], inSeries: series);
        past.Materials = [new EventMaterial { Title = "Koulutuksen diat (PDF)", Url = "https://example.org/materiaalit/asumisneuvonta-diat.pdf" }];
        Add(EventType.Training, "Asumisneuvonnan koulutus: asumisen tuki ja palveluohjaus", "Utbildning i boenderådgivning: boendestöd",
            "Housing counselling training: housing support", counselling, At(20, 9), At(20, 15, 30), "Hämeenkatu 13", Tampere,
            "https://meet.example.org/asumisneuvonta-tampere", 40, counsellingOrganisers, ["counselling"], [("Liisa Asumisneuvoja", false)],
            inSeries: series);
        Add(EventType.Training, "Asumisneuvonnan koulutus: nuoret ja ensimmäinen oma koti", null, null, counselling, At(130, 9), At(130, 15, 30),
            "Aleksanterinkatu 18", Lahti, null, 40, counsellingOrganisers, ["counselling", "prevention"],
            [("Nuorisoasumisen asiantuntija", false), ("Sanna Kokemus", true)], inSeries: series);

        Add(EventType.Seminar, "Ohjelmatoimijoiden kevätseminaari", "Vårseminarium för programaktörerna", "Spring seminar for programme actors",
            """
            Kevätseminaari kokoaa asunnottomuustyön ohjelmaan sitoutuneet kaupungit, järjestöt ja valtion toimijat.
            Seminaari on tarkoitettu ohjelman toimijoille; avoin syysseminaari järjestetään syksyllä.

            Päivän aikana kuullaan kaupunkien ajankohtaiskatsaukset ja työstetään yhteisiä kehittämiskohteita työpajoissa.
            """,
            At(-30, 9), At(-30, 16), "Säätytalo, Snellmaninkatu 9–11", Helsinki, null, 120,
            ["asunnottomuuden-ennaltaehkaisyn-toimenpideohjelma-aune-ymparistoministerio", "y-saatio", "asumisen-rahoitus-ja-kehittamiskeskus-ara"],
            ["housing-first", "prevention"], [("Ympäristöministeriön edustaja", false), ("Juha Kaakinen", false)],
            EventVisibility.Members);
        Add(EventType.Seminar, "Valtakunnallinen syysseminaari: Asunto ensin 2030", "Riksomfattande höstseminarium: Bostad först 2030",
            "National autumn seminar: Housing First 2030",
            """
            Kaikille avoin valtakunnallinen seminaari asunnottomuuden poistamisesta. Puheenvuoroja tutkijoilta,
            kaupungeilta, järjestöiltä ja kokemusasiantuntijoilta sekä paneelikeskustelu.

            Seminaari striimataan; paikan päälle mahtuu rajallinen määrä osallistujia.
            """,
            At(60, 9), At(60, 16), "Paasitorni, Paasivuorenkatu 5 A", Helsinki, "https://stream.example.org/syysseminaari", 250,
            ["y-saatio", "vailla-vakinaista-asuntoa-ry", "sininauhasaatio", "helsingin-yliopisto"], ["housing-first", "experts"],
            [("Tutkija, Helsingin yliopisto", false), ("Pekka Kokemus, Vailla vakinaista asuntoa ry", true)],
            descriptionSv: "Ett öppet riksomfattande seminarium om att avskaffa bostadslöshet.",
            descriptionEn: "An open national seminar on ending homelessness, with researchers, cities, NGOs and experts by experience.");
        Add(EventType.StudyTrip, "Opintomatka Tampereelle: asumispäivystys ja asumisen asiakasohjaus", null, null,
            "Tutustumme Tampereen kaupungin asumispäivystykseen ja asumisen asiakasohjaukseen sekä Tampereen A-Killan toimintaan.",
            At(35, 8), At(35, 17), "Tampereen rautatieasema, Rautatienkatu 25", Tampere, null, 25,
            ["tampereen-kaupunki-asumispaivystys", "tampereen-a-kilta"], ["housing-first"], [("Asumispäivystyksen tiimi", false)]);
        Add(EventType.ChangeLaboratory, "Muutoslaboratorio: Asunto ensin 2.0, istunto 4", "Förändringslaboratorium: Bostad först 2.0, session 4",
            "Change Laboratory: Housing First 2.0, session 4",
            "Muutoslaboratorion neljäs istunto: analysoimme asiakaspolkujen katkoskohtia ja suunnittelemme uusia toimintamalleja.",
            At(14, 12), At(14, 15), "Diakonissalaitos, Alppikatu 2", Helsinki, null, 30,
            ["diakonissalaitos", "tampereen-yliopisto"], ["housing-first", "evaluation"], [("Muutoslaboratorion vetäjä", false)],
            EventVisibility.Group, "johtoryhma");
        Add(EventType.Webinar, "Webinaari: naiserityinen asunnottomuustyö", "Webbinarium: kvinnospecifikt arbete mot bostadslöshet",
            "Webinar: women-specific homelessness work",
            "NEA-hankkeen tulokset ja naisten asumispolkujen tukeminen käytännössä.", At(7, 13), At(7, 14, 30), null, null,
            "https://meet.example.org/nea-webinaari", 300, ["ensi-ja-turvakotien-liitto", "helsingin-ensikoti-ry"], ["women"],
            [("NEA-hankkeen asiantuntija", false), ("Anu Kokemus", true)]);
        Add(EventType.Webinar, "Webinaari: kokemusasiantuntijat kehittämistyössä", null, "Webinar: experts by experience in development work",
            "Miten kokemusasiantuntijat otetaan mukaan kehittämiseen reilusti ja palkitusti?", At(-10, 13), At(-10, 14), null, null,
            "https://meet.example.org/kokemus", 300, ["vailla-vakinaista-asuntoa-ry"], ["experts"], [("Jari Kokemus", true)]);
        Add(EventType.Workshop, "Työpaja: vertaisarvioinnin menetelmät", null, null,
            "Harjoittelemme vertaisarvioinnin menetelmiä kaupunkien välillä.", At(45, 9), At(45, 12), "Linnankatu 35", Turku, null, 20,
            ["turun-ensi-ja-turvakoti-ry", "kuntoutussaatio"], ["evaluation"], []);
        Add(EventType.NetworkMeeting, "Verkostotapaaminen: laaja asiantuntijatiimi", null, "Network meeting: broad expert team",
            "Laajan asiantuntijatiimin neljännesvuosittainen tapaaminen.", At(21, 14), At(21, 16), null, null,
            "https://meet.example.org/laaja-tiimi", null, ["y-saatio"], ["housing-first"], [], EventVisibility.Members);
        Add(EventType.TrainerTraining, "Kouluttajakoulutus: Asunto ensin -periaatteet", null, "Trainer training: Housing First principles",
            "Koulutamme uusia kouluttajia viemään Asunto ensin -periaatteita omiin organisaatioihinsa.", At(-120, 9), At(-119, 15),
            "Y-Säätiön koulutustila", Helsinki, null, 16, ["y-saatio"], ["housing-first"], [("Kouluttaja", false)]);

        await db.SaveChangesAsync(cancellationToken);
    }
}
