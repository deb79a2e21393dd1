using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Events.Feedback.Data;
using Yhdessa.Features.Needs;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Features.Surveys;
using Yhdessa.Features.Surveys.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Places;

namespace Yhdessa.Bench;

/// <summary>
/// The data of bench/needs.sh (issue 15): members, needs with their themes, supports, followers, public history and
/// answers, and the answers to events' feedback surveys, generated straight into the app's tables (<see cref="BulkRows"/>).
/// Deterministic for the same sizes, apart from "now", which the times are relative to. Needs are raised from 2020 on,
/// more of them lately; the older a need, the likelier it is answered or declined. Supports follow a long tail: a few
/// needs have a thousand or more, the median a handful; every support is a distinct member and need, and each need's
/// <see cref="Need.SupportCount"/> is the number of its rows. One more need, <see cref="LoadTestTitle"/>, is open and has
/// no support: the concurrent supports of <see cref="NeedsSupportLoad"/> go to it.
/// </summary>
public static class NeedsBench
{
    public const string LoadTestTitle = "Kuormitustesti: yhteinen tarve, jota tuetaan samaan aikaan";

    public sealed record Size(int Needs, int Supports, int Members, int Feedback, int Materials, bool Indexes);

    /// <summary>The indexes this benchmark recommended for the needs lists, which the migration NeedListIndexes now makes:
    /// <c>--Bench:NeedIndexes=true</c> still creates them on a database from before it. The same SQL on both engines.</summary>
    public static readonly string[] RecommendedIndexes =
    [
        // The list by supports (/needs, /api/v1/needs): read in this order, it stops after a page.
        "CREATE INDEX IF NOT EXISTS \"IX_Needs_SupportCount_RaisedAt_Id\" ON \"Needs\" (\"SupportCount\" DESC, \"RaisedAt\" DESC, \"Id\" DESC)",
        // "You said, we did": the years, a year's count and its pages; and the count of the list, read from this index alone.
        "CREATE INDEX IF NOT EXISTS \"IX_Needs_State_AnsweredAt_ConfirmedAt\" ON \"Needs\" (\"State\", \"AnsweredAt\", \"ConfirmedAt\")",
    ];

    private static readonly string[] FirstNames =
    [
        "Aino", "Eero", "Helmi", "Juho", "Kaisa", "Lauri", "Maija", "Niko", "Oona", "Pekka", "Riikka", "Sami", "Tiina", "Ville",
        "Anneli", "Jari", "Leena", "Markku", "Pirjo", "Timo", "Sanna", "Mikko", "Heidi", "Antti", "Elina", "Tuomas", "Satu", "Janne",
        "Linnea", "Henrik", "Saara", "Ilkka",
    ];
    private static readonly string[] LastNames =
    [
        "Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen", "Koskinen", "Järvinen",
        "Lehtonen", "Saarinen", "Salminen", "Heinonen", "Niemi", "Kinnunen", "Salonen", "Turunen", "Lindholm", "Rantanen",
        "Karjalainen", "Jokinen", "Pitkänen", "Räsänen", "Ahonen", "Lindström", "Väisänen", "Kettunen",
    ];

    // Training needs: "Koulutusta vuokravelkojen puheeksi ottamiseen asumisneuvojille".
    private static readonly string[] TrainingStarts =
        ["Koulutusta", "Täydennyskoulutusta", "Lyhyt verkkokoulutus", "Työpaja", "Perehdytystä", "Koulutuskokonaisuus"];
    private static readonly string[] TrainingTopics =
    [
        "vuokravelkojen puheeksi ottamiseen", "häätöuhan varhaiseen tunnistamiseen", "traumainformoituun työotteeseen",
        "motivoivaan haastatteluun", "päihteiden käytön puheeksi ottamiseen", "väkivaltatilanteiden ennaltaehkäisyyn asumisyksikössä",
        "Asunto ensin -periaatteisiin", "kokemusasiantuntijoiden kanssa työskentelyyn", "maahan muuttaneiden asumisneuvontaan",
        "talous- ja velkaneuvonnan perusteisiin", "nuorten itsenäistymisen tukemiseen", "mielenterveyden ensiapuun",
        "jalkautuvaan sosiaalityöhön", "asiakastietojen kirjaamiseen ja tietosuojaan", "yliannostustilanteisiin",
        "naiserityiseen asumistyöhön", "vankilasta vapautuvien asumisen järjestämiseen", "asukasosallisuuden vahvistamiseen",
        "työssä jaksamiseen ja työnohjaukseen", "digitaaliseen asiointiin asiakkaan rinnalla",
    ];
    private static readonly string[] Audiences =
    [
        "asumisneuvojille", "asumisohjaajille", "sosiaalityöntekijöille", "vertaistyöntekijöille", "isännöitsijöille", "yöhoitajille",
        "uusille työntekijöille", "esihenkilöille", "", "", "",
    ];
    // Development needs: "Yhteinen toimintamalli kotiutumiseen vankilasta Pirkanmaalla".
    private static readonly string[] DevelopmentStarts =
        ["Yhteinen toimintamalli", "Yhtenäinen käytäntö", "Alueellinen yhteistyömalli", "Kansallinen ohjeistus"];
    private static readonly string[] DevelopmentTopics =
    [
        "kotiutumiseen vankilasta", "sairaalasta kotiutuvien asumiseen", "häätöjen ehkäisyyn", "vuokravelkoihin puuttumiseen ajoissa",
        "nuorten asumispolkuihin", "tiedonkulkuun kunnan ja järjestöjen välillä", "kokemusasiantuntijoiden palkkioihin",
        "asumisyksiköiden asukaskokouksiin", "päihdetyön ja asumisneuvonnan yhteistyöhön", "yöaikaiseen kriisimajoitukseen",
        "tukiasuntojen jonotukseen", "lemmikkien kanssa asuvien asunnottomien tukeen", "asumisen tuen tarpeen arviointiin",
        "vuokranantajien yhteydenpitoon", "jälkihuollon päättyessä annettavaan tukeen",
    ];
    private static readonly string[] Regions =
        ["pääkaupunkiseudulla", "Pirkanmaalla", "Pohjois-Suomessa", "hyvinvointialueilla", "pienissä kunnissa", "Varsinais-Suomessa", "", "", "", ""];
    // Weak signals: "Nuoret asuvat tuttavien sohvilla Oulussa".
    private static readonly string[] Groups =
    [
        "Nuoret", "Ikääntyneet", "Lapsiperheet", "Naiset", "Vankilasta vapautuvat", "Maahan muuttaneet", "Opiskelijat", "Päihteitä käyttävät",
        "Mielenterveyskuntoutujat", "Yksinasuvat miehet", "Sairaalasta kotiutuvat", "Jälkihuollon nuoret", "Eläkeläiset", "Pienituloiset työssäkäyvät",
    ];
    private static readonly string[] Signals =
    [
        "jäävät yhä useammin ilman asuntoa", "asuvat tuttavien sohvilla", "kerryttävät vuokravelkaa", "saavat häätöuhan",
        "eivät löydä tukea ajoissa", "jäävät palvelujen väliin", "joutuvat yömajoitukseen", "eivät näy asunnottomuustilastoissa",
        "ottavat pikavippejä vuokran maksuun", "palaavat asunnottomiksi tukiasumisen jälkeen", "asuvat asuntoloissa kuukausia",
        "menettävät asuntonsa sairaalajakson aikana",
    ];
    private static readonly string[] Towns =
        ["Helsingissä", "Tampereella", "Oulussa", "Turussa", "Kuopiossa", "Lahdessa", "Vantaalla", "Espoossa", "Jyväskylässä", "Porissa", "", "", ""];
    private static readonly string[] Sentences =
    [
        "Asumisneuvojat kohtaavat yhä useammin asukkaita, joilla on useamman kuukauden vuokravelka.",
        "Asia on noussut esiin verkoston alueellisissa tapaamisissa.",
        "Tarvitsemme yhteisen tavan toimia, jotta asukas saa tukea ennen kuin asunto menetetään.",
        "Kokemusasiantuntijat ovat kertoneet, että palveluihin on vaikea päästä ilman omaa osoitetta.",
        "Moni työntekijä kokee, ettei hänellä ole riittävästi osaamista tilanteen kohtaamiseen.",
        "Hyvinvointialueen ja kunnan vastuut ovat epäselvät, ja asiakas jää helposti väliin.",
        "Toivomme, että verkosto kokoaisi hyviä käytäntöjä eri puolilta Suomea.",
        "Asiasta olisi hyvä järjestää koulutus tai työpaja, johon myös järjestöjen työntekijät voivat osallistua.",
        "Tilastot eivät tavoita ilmiötä, koska ihmiset asuvat tilapäisesti tuttavien luona.",
        "Vuokranantajat toivovat selkeää yhteyshenkilöä, kun vuokranmaksu viivästyy.",
        "Nuorten kohdalla tilanne kärjistyy usein jälkihuollon päättyessä.",
        "Asunto ensin -periaatteen mukainen tuki auttaisi, mutta resursseja ei ole riittävästi.",
        "Päihde- ja mielenterveyspalvelujen yhteistyö asumisen tuen kanssa ei toimi kaikkialla.",
        "Pienissä kunnissa ei ole omaa asumisneuvojaa, joten tieto ei kulje.",
        "Tarve koskee erityisesti ilta- ja yöaikaa, jolloin muut palvelut ovat kiinni.",
        "Meillä on kokeiltu omaa mallia, ja haluaisimme verrata sitä muiden kokemuksiin.",
        "Asukkaiden oma ääni pitäisi saada mukaan jo suunnitteluvaiheessa.",
    ];
    private static readonly string[] Comments =
    [
        "Meillä Tampereella sama tilanne.", "Tämä on meilläkin ajankohtainen.", "Koulutus olisi hyvä saada myös verkkoon.",
        "Kannatan, tarve on kasvanut viime vuoden aikana.", "Sama ilmiö näkyy myös päihdetyössä.", "Tähän tarvittaisiin valtakunnallinen linjaus.",
        "Asukkaat ovat kysyneet tästä usein.", "Olisimme valmiita jakamaan oman mallimme.",
    ];
    private static readonly string[] DeclineReasons =
    [
        "Verkoston resursseilla ei voida järjestää tätä nyt. Asia on mukana seuraavan vuoden suunnittelussa.",
        "Aiheesta on jo olemassa kansallinen koulutus; lisäsimme linkin materiaalipankkiin.",
        "Tarve kuuluu hyvinvointialueen omaan kehittämiseen, ja välitimme sen sinne.",
    ];
    private static readonly string[] Seasons = ["Kevät 2025", "Syksy 2025", "Kevät 2026", "Syksy 2026", "Kevät 2027"];
    private static readonly string[] Worked =
    [
        "Hyvät puhujat ja käytännön esimerkit.", "Pienryhmäkeskustelut olivat antoisia.", "Kokemusasiantuntijan puheenvuoro oli paras osuus.",
        "Aikataulu piti ja tauot olivat riittävät.", "Sain uusia kontakteja muista kunnista.", "Materiaalit olivat selkeitä.",
        "Etäosallistuminen toimi hyvin.", "Tapausesimerkit auttoivat soveltamaan omaan työhön.",
    ];
    private static readonly string[] ToDevelop =
    [
        "Enemmän aikaa keskustelulle.", "Materiaalit olisi hyvä saada etukäteen.", "Äänentoisto pätki etäyhteydellä.",
        "Lisää käytännön esimerkkejä pienistä kunnista.", "Kokemusasiantuntijoiden puheenvuoroja enemmän.",
        "Päivä oli liian pitkä, kaksi lyhyempää kertaa toimisi paremmin.", "Tilaisuus voisi olla myös ruotsiksi.",
        "Ilmoittautumislinkki tuli liian myöhään.", "Esteettömyys pitää huomioida paremmin.", "Toivoisin tallenteen jälkikäteen.",
        "Vuokravelkojen käsittelyyn enemmän aikaa.", "Ryhmätyöt olivat liian lyhyitä.",
    ];
    private static readonly string[] Topics =
    [
        "vuokravelat", "häätöjen ehkäisy", "nuorten asunnottomuus", "päihdetyö asumisyksikössä", "kokemusasiantuntijuus",
        "tietosuoja asiakastyössä", "yhteistyö vuokranantajien kanssa", "naisten asunnottomuus", "digitaalinen asiointi", "työssä jaksaminen",
        "traumainformoitu työote", "Asunto ensin", "velkaneuvonta", "maahan muuttaneiden asuminen", "vankilasta vapautuvien asuminen",
        "ikääntyneiden asunnottomuus", "väkivallan kohtaaminen", "palveluohjaus", "mielenterveyden tuki kotiin", "asukasosallisuus",
    ];

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>A title and description of the kind, in the field's own words.</summary>
    public static (string Title, string Description) Text(Random random, NeedKind kind)
    {
        static string Join(params string[] parts) => string.Join(' ', parts.Where(p => p.Length > 0));
        var title = kind switch
        {
            NeedKind.Training => Join(Pick(random, TrainingStarts), Pick(random, TrainingTopics), Pick(random, Audiences)),
            NeedKind.Development => Join(Pick(random, DevelopmentStarts), Pick(random, DevelopmentTopics), Pick(random, Regions)),
            _ => Join(Pick(random, Groups), Pick(random, Signals), Pick(random, Towns)),
        };
        var description = string.Join(' ', Sentences.OrderBy(_ => random.Next()).Take(2 + random.Next(3)));
        if (random.Next(3) == 0) description += "\n\n" + Pick(random, Sentences);
        return (title, description);
    }

    /// <summary>Fills the database; returns a summary line per table. Writes the paths the load uses into <paramref name="outDirectory"/>.</summary>
    public static async Task SeedAsync(IServiceProvider services, Size size, string outDirectory, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<YhdessaDb>();
        var similarity = services.GetRequiredService<NeedSimilarity>();
        var normalizer = services.GetRequiredService<ILookupNormalizer>();
        var random = new Random(2015);
        var now = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        void Done(string what)
        {
            Console.WriteLine($"{what} in {clock.Elapsed.TotalSeconds:0.0} s.");
            clock.Restart();
        }
        // The app's session cookies are protected with keys kept in the database: the first key is made here, before the
        // app starts, so that the app and the sessions this tool writes later share it.
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Yhdessa.Bench").Protect("key ring");

        // Members: accounts that sign in (their sessions are written by WriteSessionsAsync, so no password is kept).
        var members = new List<User>(size.Members);
        for (var i = 1; i <= size.Members; i++)
        {
            var email = $"jasen{i:D5}@example.fi";
            var bytes = new byte[16];
            random.NextBytes(bytes);
            members.Add(new User
            {
                Id = new Guid(bytes).ToString(), UserName = email, NormalizedUserName = normalizer.NormalizeName(email), Email = email,
                NormalizedEmail = normalizer.NormalizeEmail(email), EmailConfirmed = true, LockoutEnabled = true,
                SecurityStamp = Convert.ToHexString(bytes), ConcurrencyStamp = new Guid(bytes.Reverse().ToArray()).ToString(),
                DisplayName = $"{Pick(random, FirstNames)} {Pick(random, LastNames)}",
                PreferredLanguage = random.Next(100) switch { < 90 => "fi", < 97 => "sv", _ => "en" },
                CreatedAt = now.AddDays(-random.Next(1, 2000)),
            });
        }
        await BulkRows.WriteAsync(db, members, cancellationToken);
        Done($"Members: {members.Count:N0} accounts written");

        var themes = await db.EventThemes.Select(t => t.Id).ToListAsync(cancellationToken);
        var organisations = await db.Organisations.Select(o => new { o.Id, o.Sector }).ToListAsync(cancellationToken);
        var municipalities = new Municipalities();
        string[] cities = ["091", "049", "092", "837", "564", "853", "179", "398", "297", "609", "405", "167", "905", "698", "109"];
        var codes = cities.Concat(municipalities.All.Select(m => m.Code).Except(cities).OrderBy(_ => random.Next()).Take(60)).ToArray();
        if (size.Materials > 0 && !await db.Materials.AnyAsync(cancellationToken))
            await MaterialBench.SeedAsync(services, size.Materials, cancellationToken);
        var materials = await db.Materials.Select(m => m.Id).ToListAsync(cancellationToken);
        var events = await db.Events.AsNoTracking().Where(e => e.Slug != BenchEvents.RegistrationSlug)
            .Select(e => new { e.Id, e.StartsAt, e.EndsAt, e.Type, e.TitleFi, e.TitleSv, e.TitleEn }).ToListAsync(cancellationToken);
        events = [.. events.OrderBy(e => e.StartsAt)];
        var pastEvents = events.Where(e => e.EndsAt < now.AddDays(-1)).ToList();

        // Needs, oldest first, so that ids grow with time as in real use; more are raised in later years.
        var first = new DateTimeOffset(2020, 1, 15, 8, 0, 0, TimeSpan.Zero);
        var span = now.AddDays(-2) - first;
        var raisedTimes = Enumerable.Range(0, size.Needs).Select(_ => first + span * Math.Sqrt(random.NextDouble())).Order().ToList();
        var needs = new List<Need>(size.Needs + 1);
        var changes = new List<NeedChange>();
        var openIds = new List<int>();
        NeedState[] StepsTo(NeedState state) => state switch
        {
            NeedState.UnderConsideration => [NeedState.UnderConsideration],
            NeedState.Planned => [NeedState.UnderConsideration, NeedState.Planned],
            NeedState.InProgress => [NeedState.UnderConsideration, NeedState.Planned, NeedState.InProgress],
            NeedState.Answered => [NeedState.UnderConsideration, NeedState.Planned, NeedState.InProgress, NeedState.Answered],
            NeedState.Declined => [NeedState.UnderConsideration, NeedState.Declined],
            NeedState.Merged => [NeedState.Merged],
            _ => [],
        };
        for (var i = 0; i < size.Needs; i++)
        {
            var id = i + 1;
            var raisedAt = raisedTimes[i];
            var ageDays = (now - raisedAt).TotalDays;
            var age = ageDays / span.TotalDays; // 0 new … 1 the oldest
            var roll = random.NextDouble();
            var stage = random.Next(10); // how far an open need has got
            var state = ageDays < 14 ? (roll < 0.8 ? NeedState.New : NeedState.UnderConsideration)
                : roll < 0.03 && openIds.Count > 0 ? NeedState.Merged
                : roll < 0.08 + 0.55 * age ? NeedState.Answered
                : roll < 0.12 + 0.65 * age ? NeedState.Declined
                : ageDays < 60 ? (stage < 5 ? NeedState.New : NeedState.UnderConsideration)
                : stage < 3 ? NeedState.New : stage < 6 ? NeedState.UnderConsideration : stage < 8 ? NeedState.Planned : NeedState.InProgress;
            var kind = random.Next(20) switch { < 8 => NeedKind.Training, < 15 => NeedKind.Development, _ => NeedKind.WeakSignal };
            var (title, description) = Text(random, kind);
            var organisation = organisations.Count > 0 && random.Next(5) < 3 ? organisations[random.Next(organisations.Count)] : null;
            // Answered 30 days to two years after it was raised; every other change in between.
            var settled = raisedAt.AddDays(Math.Min(ageDays - 1, 30 + random.Next(700)));
            var updatedAt = state switch
            {
                NeedState.New => raisedAt,
                NeedState.Answered or NeedState.Declined or NeedState.Merged => settled,
                _ => raisedAt.AddDays(random.NextDouble() * Math.Min(ageDays - 1, 200)),
            };
            var need = new Need
            {
                Id = id, Kind = kind, State = state, Title = title, Description = description,
                SearchTerms = similarity.TermsOf(title, description),
                MunicipalityCode = random.Next(100) < 85 ? (random.Next(4) == 0 ? "091" : Pick(random, codes)) : null,
                OrganisationId = organisation?.Id, RaisedFromSector = organisation?.Sector,
                RaisedById = random.Next(100) < 96 ? members[(int)(members.Count * Math.Pow(random.NextDouble(), 1.6))].Id : null,
                RaiserNameShown = random.Next(100) < 55, RaisedAt = raisedAt, ConfirmedAt = raisedAt, UpdatedAt = updatedAt,
                AnsweredAt = state == NeedState.Answered ? settled : null,
                DeclineReason = state == NeedState.Declined ? Pick(random, DeclineReasons) : null,
                MergedIntoId = state == NeedState.Merged ? openIds[random.Next(openIds.Count)] : null,
                Themes = [.. themes.OrderBy(_ => random.Next()).Take(1 + random.Next(Math.Min(3, themes.Count))).Select(t => new NeedThemeLink { NeedId = id, ThemeId = t })],
            };
            var steps = StepsTo(state);
            need.Revision = steps.Length;
            var from = NeedState.New;
            for (var s = 0; s < steps.Length; s++)
            {
                changes.Add(new NeedChange
                {
                    NeedId = id, From = from, To = steps[s], At = raisedAt + (updatedAt - raisedAt) * (s + 1) / steps.Length,
                    Actor = random.Next(3) == 0 ? NeedActor.Coordinator : NeedActor.TriageTeam,
                    Note = steps[s] switch
                    {
                        NeedState.Declined => need.DeclineReason,
                        NeedState.Planned when random.Next(2) == 0 => Pick(random, Seasons),
                        _ => null,
                    },
                });
                from = steps[s];
            }
            if (NeedSupports.IsOpen(state)) openIds.Add(id);
            needs.Add(need);
        }
        needs.Add(new Need
        {
            Id = size.Needs + 1, Kind = NeedKind.Development, State = NeedState.New, Title = LoadTestTitle,
            Description = "Tätä tarvetta tukee kuormitustestissä tuhat jäsentä samaan aikaan.", SearchTerms = similarity.TermsOf(LoadTestTitle, ""),
            RaisedAt = now.AddHours(-1), ConfirmedAt = now.AddHours(-1), UpdatedAt = now.AddHours(-1),
            Themes = themes.Count > 0 ? [new NeedThemeLink { NeedId = size.Needs + 1, ThemeId = themes[0] }] : [],
        });
        Done($"Needs: {needs.Count:N0} generated and their search terms analysed");

        // Supports: a long tail over the needs that take them (a merged need's went to the need it was merged into).
        var taking = needs.Take(size.Needs).Where(n => n.State != NeedState.Merged).OrderBy(_ => random.Next()).ToList();
        var weights = taking.Select((_, rank) => Math.Pow(rank + 10, -0.9)).ToArray();
        var total = weights.Sum();
        var counts = taking.Select((n, rank) => Math.Clamp((int)Math.Round(size.Supports * weights[rank] / total), n.RaisedById is null ? 0 : 1, members.Count)).ToArray();
        for (var (diff, k) = (size.Supports - counts.Sum(), 0); diff != 0; k = (k + 1) % counts.Length)
        {
            var step = Math.Sign(diff);
            var floor = taking[k].RaisedById is null ? 0 : 1;
            if (counts[k] + step < floor || counts[k] + step > members.Count) continue;
            counts[k] += step;
            diff -= step;
        }
        var supports = new List<NeedSupport>(size.Supports);
        var followers = new List<NeedFollower>(size.Supports);
        var memberIndex = members.Select((m, i) => (m.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var chosen = new HashSet<int>();
        var token = new byte[20];
        for (var k = 0; k < taking.Count; k++)
        {
            var need = taking[k];
            var end = need.State is NeedState.Answered or NeedState.Declined ? need.UpdatedAt : now;
            chosen.Clear();
            if (need.RaisedById is { } raiser) chosen.Add(memberIndex[raiser]);
            while (chosen.Count < counts[k]) chosen.Add((int)(members.Count * Math.Pow(random.NextDouble(), 1.6)));
            foreach (var m in chosen)
            {
                var at = members[m].Id == need.RaisedById ? need.RaisedAt : need.RaisedAt + (end - need.RaisedAt) * random.NextDouble();
                supports.Add(new NeedSupport
                {
                    NeedId = need.Id, UserId = members[m].Id, SupportedAt = at,
                    Comment = members[m].Id != need.RaisedById && random.Next(100) < 6 ? Pick(random, Comments) : null,
                });
                random.NextBytes(token);
                followers.Add(new NeedFollower { NeedId = need.Id, UserId = members[m].Id, FollowedAt = at, StopToken = Convert.ToHexString(token).ToLowerInvariant() });
            }
            need.SupportCount = counts[k];
        }

        // What answered them: past events around the time of the answer, and materials of the bank.
        var answers = new List<NeedAnswer>();
        foreach (var need in needs.Where(n => n.State == NeedState.Answered || n.State is NeedState.Planned or NeedState.InProgress && random.Next(5) == 0))
        {
            var linked = new HashSet<(string, int)>();
            var wanted = need.State == NeedState.Answered ? 1 + random.Next(3) : 1;
            var before = pastEvents.Where(e => e.StartsAt < (need.AnsweredAt ?? now)).ToList();
            for (var a = 0; a < wanted * 3 && linked.Count < wanted; a++)
            {
                if ((random.Next(3) > 0 || materials.Count == 0) && pastEvents.Count > 0)
                    linked.Add(("event", (before.Count > 0 ? before[Math.Max(0, before.Count - 1 - random.Next(40))] : Pick(random, pastEvents)).Id));
                else if (materials.Count > 0) linked.Add(("material", Pick(random, materials)));
            }
            foreach (var (kind, target) in linked)
                answers.Add(new NeedAnswer
                {
                    Id = answers.Count + 1, NeedId = need.Id, Kind = kind, TargetId = target, AddedAt = need.UpdatedAt,
                    ToldTookPlaceAt = need.State == NeedState.Answered && kind == "event" ? need.UpdatedAt : null,
                });
        }
        for (var c = 0; c < changes.Count; c++) changes[c].Id = c + 1;

        await BulkRows.WriteAsync(db, needs.Where(n => n.MergedIntoId is null), cancellationToken);
        await BulkRows.WriteAsync(db, needs.Where(n => n.MergedIntoId is not null), cancellationToken);
        await BulkRows.WriteAsync(db, needs.SelectMany(n => n.Themes), cancellationToken);
        await BulkRows.WriteAsync(db, changes, cancellationToken);
        await BulkRows.WriteAsync(db, answers, cancellationToken);
        Done($"Needs: {needs.Count:N0} written ({needs.Count(n => n.State == NeedState.Answered):N0} answered in " +
            $"{needs.Where(n => n.AnsweredAt is not null).Select(n => n.AnsweredAt!.Value.Year).Distinct().Count()} years, " +
            $"{answers.Count:N0} answer links, {changes.Count:N0} changes of state)");
        await BulkRows.WriteAsync(db, supports, cancellationToken);
        await BulkRows.WriteAsync(db, followers, cancellationToken);
        Done($"Supports: {supports.Count:N0} rows (most on one need {counts.Max():N0}, median {counts.Order().ElementAt(counts.Length / 2)}) " +
            $"and {followers.Count:N0} followers written");

        await SeedFeedbackAsync(db, random, pastEvents.Select(e => (e.Id, e.EndsAt, e.Type.ToString(), e.TitleFi, e.TitleSv, e.TitleEn)).ToList(),
            size.Feedback, now, cancellationToken);
        Done($"Event feedback: {size.Feedback:N0} answers to the feedback surveys of {pastEvents.Count:N0} past events written");

        if (size.Indexes)
        {
            foreach (var index in RecommendedIndexes) await db.Database.ExecuteSqlRawAsync(index, cancellationToken);
            Done($"Indexes: the {RecommendedIndexes.Length} recommended indexes created by hand");
        }
        await AnalyzeAsync(db, cancellationToken);
        Done("Statistics of the tables gathered (ANALYZE)");

        // The paths the load uses: need pages, and titles typed a few letters at a time for the lookup while typing.
        var shown = needs.Where(n => n.State != NeedState.Merged && n.Title != LoadTestTitle).OrderBy(_ => random.Next()).Take(1000);
        await File.WriteAllLinesAsync(Path.Combine(outDirectory, "need-paths.txt"), shown.Select(n => $"/needs/{n.Id}"), cancellationToken);
        var typed = new List<string>();
        var typing = new Random(77);
        for (var t = 0; typed.Count < 2000; t++)
        {
            var (title, _) = Text(typing, (NeedKind)(t % 3));
            for (var length = 6; length < title.Length; length += 5) typed.Add(title[..length].TrimEnd());
            typed.Add(title);
        }
        await File.WriteAllLinesAsync(Path.Combine(outDirectory, "similar-paths.txt"),
            typed.Select(t => "/api/v1/needs/similar?text=" + Uri.EscapeDataString(t)), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(outDirectory, "load-need.txt"), (size.Needs + 1).ToString(CultureInfo.InvariantCulture), cancellationToken);
    }

    /// <summary>Answers to the feedback surveys of past events, as SurveyAnswering stores them: a response per person (a
    /// random id and the day), an answer per question answered, and a row per wished topic; the invitations with them.</summary>
    private static async Task SeedFeedbackAsync(YhdessaDb db, Random random,
        List<(int Id, DateTimeOffset EndsAt, string Type, string Fi, string? Sv, string? En)> events, int count, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (count == 0 || events.Count == 0) return;
        var weights = events.Select(_ => Math.Exp(random.NextDouble() * 3)).ToArray();
        var total = weights.Sum();
        var perEvent = weights.Select(w => (int)(count * w / total)).ToArray();
        for (var (k, rest) = (0, count - perEvent.Sum()); rest > 0; k = (k + 1) % perEvent.Length, rest--) perEvent[k]++;
        Survey SurveyOf((int Id, DateTimeOffset EndsAt, string Type, string Fi, string? Sv, string? En) ev) => new()
        {
            OwnerKind = "event", OwnerId = ev.Id.ToString(CultureInfo.InvariantCulture), Series = $"event-type:{ev.Type}",
            TitleFi = $"Palaute: {ev.Fi}", TitleSv = $"Respons: {ev.Sv ?? ev.Fi}", TitleEn = $"Feedback: {ev.En ?? ev.Fi}",
            IntroFi = "Vastaa nimettömästi: vastauksiasi ei voi yhdistää sinuun.",
            Status = ev.EndsAt.AddDays(21) < now ? SurveyStatus.Closed : SurveyStatus.Open,
            ClosesOn = DateOnly.FromDateTime(ev.EndsAt.UtcDateTime).AddDays(21), CreatedAt = ev.EndsAt.AddHours(2),
            Questions = SurveyService.EventFeedbackTemplate(),
        };
        var surveys = events.Select((e, i) => (Event: e, Responses: perEvent[i])).Where(x => x.Responses > 0)
            .Select(x => (x.Event, x.Responses, Invited: x.Responses * 2 + random.Next(5), Survey: SurveyOf(x.Event))).ToList();
        db.Surveys.AddRange(surveys.Select(s => s.Survey));
        await db.SaveChangesAsync(cancellationToken);
        db.EventFeedbackRuns.AddRange(surveys.Select(s => new EventFeedbackRun
        {
            EventId = s.Event.Id, SurveyId = s.Survey.Id, InvitedAt = s.Event.EndsAt.AddHours(2), Invited = s.Invited,
        }));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        var invitations = new List<SurveyInvitation>();
        var responses = new List<SurveyResponse>();
        var answers = new List<SurveyAnswer>();
        var topics = new List<WishedTopic>();
        var bytes = new byte[32];
        Guid NewGuid()
        {
            random.NextBytes(bytes);
            return new Guid(bytes.AsSpan(0, 16));
        }
        var (worked, toDevelop) = (0, 0);
        foreach (var (ev, responseCount, invited, survey) in surveys)
        {
            var question = survey.Questions.ToDictionary(q => q.Position, q => q.Id);
            var day = DateOnly.FromDateTime(ev.EndsAt.UtcDateTime);
            for (var p = 0; p < invited; p++)
            {
                random.NextBytes(bytes);
                invitations.Add(new SurveyInvitation
                {
                    Id = invitations.Count + 1, SurveyId = survey.Id, TokenHash = Convert.ToHexString(bytes).ToLowerInvariant(),
                    Email = $"osallistuja{invitations.Count + 1:D6}@example.fi", Name = $"{Pick(random, FirstNames)} {Pick(random, LastNames)}",
                    Language = random.Next(10) == 0 ? "sv" : "fi", InvitedAt = ev.EndsAt.AddHours(2),
                    AnsweredOn = p < responseCount ? day.AddDays(random.Next(14)) : null,
                });
            }
            for (var r = 0; r < responseCount; r++)
            {
                var response = new SurveyResponse { Id = NewGuid(), SurveyId = survey.Id, SubmittedOn = day.AddDays(random.Next(14)) };
                responses.Add(response);
                var overall = Math.Clamp(5 - (int)Math.Floor(Math.Abs(random.NextDouble() * random.NextDouble() * 5)), 1, 5);
                answers.Add(new SurveyAnswer { ResponseId = response.Id, QuestionId = question[1], Rating = overall });
                answers.Add(new SurveyAnswer { ResponseId = response.Id, QuestionId = question[2], Rating = Math.Clamp(overall + random.Next(-1, 2), 1, 5) });
                if (random.Next(100) < 45)
                {
                    answers.Add(new SurveyAnswer { ResponseId = response.Id, QuestionId = question[3], Text = Pick(random, Worked) });
                    worked++;
                }
                if (random.Next(100) < 40)
                {
                    var text = random.Next(3) == 0 ? Pick(random, ToDevelop) + " " + Pick(random, ToDevelop) : Pick(random, ToDevelop);
                    answers.Add(new SurveyAnswer { ResponseId = response.Id, QuestionId = question[4], Text = text });
                    toDevelop++;
                }
                if (random.Next(100) < 50)
                    foreach (var topic in Topics.OrderBy(_ => random.Next()).Take(1 + random.Next(3)))
                        topics.Add(new WishedTopic { Id = NewGuid(), ResponseId = response.Id, SurveyId = survey.Id, QuestionId = question[5], Topic = topic });
            }
        }
        await BulkRows.WriteAsync(db, invitations, cancellationToken);
        await BulkRows.WriteAsync(db, responses, cancellationToken);
        await BulkRows.WriteAsync(db, answers, cancellationToken);
        await BulkRows.WriteAsync(db, topics, cancellationToken);
        Console.WriteLine($"Event feedback: {surveys.Count:N0} surveys, {invitations.Count:N0} invitations, {responses.Count:N0} responses, " +
            $"{answers.Count:N0} answers ({worked:N0} \"what worked\", {toDevelop:N0} \"what to develop\"), {topics.Count:N0} wished topics.");
    }

    private static async Task AnalyzeAsync(YhdessaDb db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(cancellationToken);
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }
}
