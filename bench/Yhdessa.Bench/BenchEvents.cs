using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Events.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Text;

namespace Yhdessa.Bench;

/// <summary>
/// Events for bench/events.sh: <c>count</c> public events for <c>/events</c> and <c>/events.ics</c>, and the one event
/// the registration load fills (<see cref="RegistrationSlug"/>, 500 seats, registration open now).
/// </summary>
public static class BenchEvents
{
    public const string RegistrationSlug = "verkoston-syysseminaari-kuormitustesti";

    /// <summary>Adds the events and returns how many. Deterministic apart from "now", which the times are relative to.</summary>
    public static async Task<int> SeedAsync(YhdessaDb db, int count, int seats, CancellationToken cancellationToken)
    {
        var random = new Random(2027);
        var now = DateTimeOffset.UtcNow;
        var themes = await db.EventThemes.ToListAsync(cancellationToken);
        if (themes.Count == 0)
        {
            themes =
            [
                new() { NameFi = "Asumisneuvonta", NameSv = "Boenderådgivning", NameEn = "Housing counselling" },
                new() { NameFi = "Asunto ensin", NameSv = "Bostad först", NameEn = "Housing First" },
                new() { NameFi = "Ennaltaehkäisy", NameSv = "Förebyggande arbete", NameEn = "Prevention" },
                new() { NameFi = "Kokemusasiantuntijuus", NameSv = "Erfarenhetsexpertis", NameEn = "Lived experience" },
                new() { NameFi = "Nuoret", NameSv = "Unga", NameEn = "Young people" },
                new() { NameFi = "Päihde- ja mielenterveystyö", NameSv = "Missbruks- och mentalvårdsarbete", NameEn = "Substance use and mental health" },
            ];
            db.EventThemes.AddRange(themes);
            await db.SaveChangesAsync(cancellationToken);
        }
        string[] municipalities = ["091", "049", "092", "837", "564", "853", "179", "398", "297", "609", "405", "167"];
        string[] places = ["Kalevankatu 8", "Hämeenkatu 13", "Aleksanterinkatu 18", "Kauppakatu 25", "Kirkkokatu 4", "Asemakatu 2"];
        (EventType Type, string Fi, string Sv, string En)[] kinds =
        [
            (EventType.Training, "Asumisneuvonnan koulutus", "Utbildning i boenderådgivning", "Housing counselling training"),
            (EventType.Seminar, "Asunnottomuusseminaari", "Seminarium om bostadslöshet", "Homelessness seminar"),
            (EventType.Workshop, "Työpaja: palveluohjaus", "Workshop: servicehandledning", "Workshop: service guidance"),
            (EventType.Webinar, "Webinaari: Asunto ensin käytännössä", "Webbinarium: Bostad först i praktiken", "Webinar: Housing First in practice"),
            (EventType.NetworkMeeting, "Verkostotapaaminen", "Nätverksträff", "Network meeting"),
            (EventType.TrainerTraining, "Kouluttajakoulutus", "Utbildning för utbildare", "Trainer training"),
            (EventType.StudyTrip, "Opintomatka", "Studieresa", "Study trip"),
            (EventType.ChangeLaboratory, "Muutoslaboratorio", "Förändringslaboratorium", "Change Laboratory"),
        ];
        string[] topics = ["vuokravelka", "nuorten asuminen", "häätöjen ehkäisy", "kokemusasiantuntijat", "tuettu asuminen",
            "jalkautuva työ", "velkaneuvonta", "naisten asunnottomuus", "päihdetyö", "yhteistyö vuokranantajien kanssa"];
        const string description = """
            Verkoston yhteinen tilaisuus asunnottomuustyön ammattilaisille ja kokemusasiantuntijoille.

            **Ohjelma**

            - alustus ja keskustelu
            - tapausesimerkit pienryhmissä
            - yhteenveto ja seuraavat askeleet

            Tilaisuus on maksuton verkoston toimijoille.
            """;
        var slugs = new HashSet<string>(await db.Events.Select(e => e.Slug).ToListAsync(cancellationToken));
        var batch = new List<Event>();
        for (var i = 0; i < count; i++)
        {
            var kind = kinds[random.Next(kinds.Length)];
            var topic = topics[random.Next(topics.Length)];
            // Spread over two years around today, on Helsinki wall-clock times (9:00, 12:30 or 14:00).
            var day = DateOnly.FromDateTime(now.UtcDateTime).AddDays(random.Next(-365, 365));
            var (hour, minute) = random.Next(3) switch { 0 => (9, 0), 1 => (12, 30), _ => (14, 0) };
            var local = day.ToDateTime(new TimeOnly(hour, minute));
            var start = new DateTimeOffset(local, HelsinkiTime.Zone.GetUtcOffset(local)).ToUniversalTime(); // Npgsql writes only UTC
            var online = random.Next(4) == 0;
            var municipality = online && random.Next(2) == 0 ? null : municipalities[random.Next(municipalities.Length)];
            var title = $"{kind.Fi}: {topic}";
            var slug = Slugs.FromName(title);
            for (var n = 2; !slugs.Add(slug); n++) slug = $"{Slugs.FromName(title)}-{n}";
            batch.Add(new Event
            {
                Slug = slug, Type = kind.Type, TitleFi = title,
                TitleSv = random.Next(3) == 0 ? null : kind.Sv, TitleEn = random.Next(2) == 0 ? null : kind.En,
                DescriptionFi = description, StartsAt = start, EndsAt = start.AddHours(random.Next(2, 7)),
                Address = municipality is null ? null : places[random.Next(places.Length)], MunicipalityCode = municipality,
                OnlineUrl = online ? $"https://meet.example.org/{slug}" : null,
                Capacity = random.Next(4) == 0 ? null : 20 + 10 * random.Next(10),
                RegistrationOpensAt = start.AddDays(-60), RegistrationClosesAt = start.AddDays(-3),
                Visibility = EventVisibility.Public, Status = EventStatus.Scheduled, CreatedAt = now, UpdatedAt = now,
                Themes = [new EventThemeLink { ThemeId = themes[random.Next(themes.Count)].Id }],
            });
            if (batch.Count == 500) await SaveAsync(db, batch, cancellationToken);
        }
        var seminarStart = now.AddDays(40);
        batch.Add(new Event
        {
            Slug = RegistrationSlug, Type = EventType.Seminar, TitleFi = "Verkoston syysseminaari (kuormitustesti)",
            TitleSv = "Nätverkets höstseminarium (belastningstest)", TitleEn = "Network autumn seminar (load test)",
            DescriptionFi = description, StartsAt = seminarStart, EndsAt = seminarStart.AddHours(6),
            Address = "Kalevankatu 8", MunicipalityCode = "091", Capacity = seats,
            RegistrationOpensAt = now.AddDays(-1), RegistrationClosesAt = now.AddDays(30),
            Visibility = EventVisibility.Public, Status = EventStatus.Scheduled, CreatedAt = now, UpdatedAt = now,
        });
        await SaveAsync(db, batch, cancellationToken);
        return count;
    }

    private static async Task SaveAsync(YhdessaDb db, List<Event> batch, CancellationToken cancellationToken)
    {
        db.Events.AddRange(batch);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        batch.Clear();
    }
}
