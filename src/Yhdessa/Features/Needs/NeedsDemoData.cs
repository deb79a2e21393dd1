using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Needs;

/// <summary>
/// Demo needs written for the project (Order 40, after the people, organisations and event themes): training and
/// development needs and weak signals, some with their raiser's name and some from a sector only, in every state a need
/// goes through (one merged into another), with supports and comments from the demo's people; one raised by a visitor
/// without an account, and one made from the wished topics of the demo events' feedback (after Order 27, which
/// answers those surveys).
/// </summary>
public sealed class NeedsDemoData(YhdessaDb db, NeedSimilarity similarity, FeedbackForNeeds feedback, TimeProvider clock) : IDemoData
{
    public int Order => 40;

    /// <summary>Kind, state, title, description, theme names (fi), organisation name (fi, start; empty for none), name shown, days ago, supports, decline reason, comment.</summary>
    private static readonly (NeedKind Kind, NeedState State, string Title, string Description, string Themes, string Organisation, bool NameShown,
        int DaysAgo, int Supports, string? DeclineReason, string? Comment)[] Seeds =
    [
        (NeedKind.Training, NeedState.Planned, "Koulutusta vuokravelkojen puheeksi ottamiseen",
            "Asumisneuvojat kohtaavat yhä useammin vuokralaisia, joilla on useamman kuukauden vuokravelka. Tarvitsemme koulutusta siitä, miten velka otetaan puheeksi varhain ja miten maksusuunnitelma tehdään yhdessä vuokranantajan kanssa.",
            "Asumisneuvonta;Asunnottomuuden ennaltaehkäisy", "Helsingin kaupunki, Asumisneuvonta", true, 60, 9, null, "Meillä Tampereella sama tilanne: velat kasvavat ennen kuin asukas ottaa yhteyttä."),
        (NeedKind.Development, NeedState.UnderConsideration, "Yhteinen malli kotiutumiseen vankilasta",
            "Vankilasta vapautuvat jäävät usein ilman asuntoa, koska asunnon haku alkaa liian myöhään. Kehitetään yhdessä Rikosseuraamuslaitoksen, kuntien ja järjestöjen kanssa malli, jossa asunto ja tuki järjestetään ennen vapautumista.",
            "Asunto ensin;Asunnottomuuden ennaltaehkäisy", "Rikosseuraamuslaitos", false, 40, 6, null, "Tämä olisi tärkeää myös päihdekuntoutuksesta kotiutuville."),
        (NeedKind.WeakSignal, NeedState.New, "Nuoret asuvat yhä useammin kavereiden sohvilla",
            "Etsivässä nuorisotyössä on tänä vuonna tavattu aiempaa enemmän nuoria, joilla ei ole omaa osoitetta ja jotka kiertävät tuttavien luona. He eivät näy asunnottomuustilastoissa.",
            "Asunnottomuuden ennaltaehkäisy", "", false, 12, 4, null, null),
        (NeedKind.Training, NeedState.Answered, "Perehdytys Asunto ensin -periaatteisiin uusille työntekijöille",
            "Asumisyksiköihin tulee paljon uusia työntekijöitä. Tarvitaan lyhyt perehdytys, jossa käydään läpi periaatteet ja niiden merkitys arjen työssä.",
            "Asunto ensin", "Y-Säätiö", true, 200, 14, null, "Verkkokurssi olisi hyvä, jotta sen voi käydä heti työn alussa."),
        (NeedKind.Development, NeedState.InProgress, "Kokemusasiantuntijat mukaan palveluiden arviointiin",
            "Kokemusasiantuntijat haluavat osallistua asumispalveluiden arviointiin, mutta palkkiot ja sopimukset vaihtelevat kunnittain. Tarvitaan yhteiset käytännöt.",
            "Kokemusasiantuntijuus;Arviointi ja vertaisarviointi", "", true, 90, 7, null, null),
        (NeedKind.Training, NeedState.Declined, "Kansainvälinen opintomatka Kanadaan",
            "Toivomme opintomatkaa Kanadan Housing First -ohjelmiin.",
            "Asunto ensin", "", false, 150, 3,
            "Verkoston resursseilla ei voida järjestää kaukomatkoja. Järjestämme sen sijaan verkkoseminaarin kanadalaisten kollegoiden kanssa.", null),
        (NeedKind.WeakSignal, NeedState.New, "Naisten asunnottomuus piiloutuu väkivaltasuhteisiin",
            "Turvakodeista kerrotaan naisista, jotka palaavat väkivaltaiseen suhteeseen, koska heillä ei ole muuta asuntoa. Tämä asunnottomuuden muoto jää usein näkymättömäksi.",
            "Naiserityisyys", "Ensi- ja turvakotien liitto", false, 5, 2, null, "Sama ilmiö näkyy myös päihdetyössä."),
        (NeedKind.Training, NeedState.Merged, "Vuokravelkakoulutusta myös Pirkanmaalle",
            "Toivomme koulutusta vuokravelkojen puheeksi ottamisesta myös Pirkanmaan asumisneuvojille.",
            "Asumisneuvonta", "", false, 30, 0, null, null),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Needs.AnyAsync(cancellationToken)) return;
        var now = clock.GetUtcNow();
        var themes = await db.EventThemes.ToDictionaryAsync(t => t.NameFi, t => t.Id, cancellationToken);
        var organisations = await db.Organisations.Select(o => new { o.Id, o.NameFi, o.Sector }).ToListAsync(cancellationToken);
        var raiser = await db.Users.Where(u => u.Email == DemoAccounts.Member).Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);
        var people = await db.Users.OrderBy(u => u.Email).Select(u => u.Id).ToListAsync(cancellationToken);

        foreach (var seed in Seeds)
        {
            var organisation = seed.Organisation.Length == 0 ? null : organisations.FirstOrDefault(o => o.NameFi.StartsWith(seed.Organisation));
            var raisedAt = now.AddDays(-seed.DaysAgo);
            var need = new Need
            {
                Kind = seed.Kind, State = seed.State, Title = seed.Title, Description = seed.Description,
                OrganisationId = organisation?.Id, RaisedFromSector = organisation?.Sector, RaiserNameShown = seed.NameShown,
                RaisedById = raiser, RaisedAt = raisedAt, ConfirmedAt = raisedAt, UpdatedAt = raisedAt.AddDays(seed.DaysAgo / 2),
                DeclineReason = seed.DeclineReason, SearchTerms = similarity.TermsOf(seed.Title, seed.Description),
                AnsweredAt = seed.State == NeedState.Answered ? raisedAt.AddDays(seed.DaysAgo / 2) : null,
                Themes = [.. seed.Themes.Split(';').Where(themes.ContainsKey).Select(name => new NeedThemeLink { ThemeId = themes[name] })],
            };
            // The raiser first, then the demo's other people, as many as there are (the count is what was saved).
            var supporters = people.Where(id => id != raiser).Prepend(raiser).Where(id => id is not null).Take(seed.Supports).ToList();
            need.SupportCount = supporters.Count;
            db.Needs.Add(need);
            await db.SaveChangesAsync(cancellationToken);
            db.NeedSupports.AddRange(supporters.Select((userId, i) => new NeedSupport
            {
                NeedId = need.Id, UserId = userId!, SupportedAt = raisedAt.AddDays(i),
                Comment = i == 1 ? seed.Comment : null,
            }));
        }
        await db.SaveChangesAsync(cancellationToken);
        await HistoryAndAnswersAsync(cancellationToken);
        await FromVisitorAndFeedbackAsync(now, themes, cancellationToken);
    }

    private async Task FromVisitorAndFeedbackAsync(DateTimeOffset now, Dictionary<string, int> themes, CancellationToken cancellationToken)
    {
        // A visitor's need, confirmed long ago: her address has gone with the retention of visitors' addresses.
        var visitorRaised = now.AddDays(-20);
        db.Needs.Add(new Need
        {
            Origin = NeedOrigin.Visitor, Kind = NeedKind.WeakSignal, State = NeedState.New,
            Title = "Päiväkeskusten aukioloajat eivät riitä pakkasilla",
            Description = "Kovilla pakkasilla moni asunnoton joutuu olemaan illat ulkona, koska päiväkeskukset sulkevat iltapäivällä. Yöpaikkoihin pääsee vasta myöhään.",
            SearchTerms = similarity.TermsOf("Päiväkeskusten aukioloajat eivät riitä pakkasilla", "päiväkeskukset pakkanen yöpaikka"),
            RaisedAt = visitorRaised, ConfirmedAt = visitorRaised, UpdatedAt = visitorRaised, SupportCount = 0,
        });
        await db.SaveChangesAsync(cancellationToken);

        // The wished topic that came up in several events' feedback becomes a need, with those answers behind it.
        var answers = await feedback.AnswersAsync(new FeedbackFilter(null, null, null, null, true, 1, 500), cancellationToken);
        var evictions = answers.Items.Where(a => a.Kind == FeedbackAnswerKind.WishedTopic && a.Text.Equals("Häätöjen ehkäisy", StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Key).ToList();
        if (evictions.Count == 0) return;
        await feedback.RaiseAsync(new Need
        {
            Kind = NeedKind.Training, Title = "Koulutusta häätöjen ehkäisyyn",
            Description = "Usean koulutuksen palautteessa toivottiin seuraavaksi aiheeksi häätöjen ehkäisyä: miten uhkaava häätö huomataan ajoissa ja mitä asumisneuvoja, vuokranantaja ja sosiaalityö voivat tehdä yhdessä.",
        }, [.. new[] { "Asumisneuvonta", "Asunnottomuuden ennaltaehkäisy" }.Where(themes.ContainsKey).Select(name => themes[name])], evictions, cancellationToken);
    }

    /// <summary>Each demo need's way to its state, by the triage group, and what answered the answered and planned ones.</summary>
    private async Task HistoryAndAnswersAsync(CancellationToken cancellationToken)
    {
        var needs = await db.Needs.ToListAsync(cancellationToken);
        foreach (var need in needs.Where(n => n.State != NeedState.New))
        {
            var path = need.State switch
            {
                NeedState.UnderConsideration => [NeedState.UnderConsideration],
                NeedState.Planned => [NeedState.UnderConsideration, NeedState.Planned],
                NeedState.InProgress => [NeedState.UnderConsideration, NeedState.Planned, NeedState.InProgress],
                NeedState.Answered => [NeedState.Planned, NeedState.InProgress, NeedState.Answered],
                NeedState.Merged => [NeedState.Merged],
                _ => new[] { need.State },
            };
            var from = NeedState.New;
            var step = (need.UpdatedAt - need.RaisedAt) / path.Length;
            for (var i = 0; i < path.Length; i++)
            {
                db.NeedChanges.Add(new NeedChange
                {
                    NeedId = need.Id, From = from, To = path[i], Actor = NeedActor.TriageTeam, At = need.RaisedAt + step * (i + 1),
                    Note = path[i] == NeedState.Declined ? need.DeclineReason : null,
                });
                from = path[i];
            }
            need.Revision = path.Length;
        }
        // What answered them: the trainer training on the principles and the guide to them; the counselling series' next session.
        var now = clock.GetUtcNow();
        var orientation = needs.First(n => n.Title.StartsWith("Perehdytys"));
        var rentDebts = needs.First(n => n.Title.StartsWith("Koulutusta vuokravelkojen"));
        // The same wish from another region went into the need already raised (its raiser supports that one too).
        foreach (var merged in needs.Where(n => n.State == NeedState.Merged)) merged.MergedIntoId = rentDebts.Id;
        var training = await db.Events.Where(e => e.TitleFi.StartsWith("Kouluttajakoulutus: Asunto ensin")).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken);
        var guide = await db.Materials.Where(m => m.Slug == "asunto-ensin-periaatteet").Select(m => (int?)m.Id).FirstOrDefaultAsync(cancellationToken);
        var counselling = await db.Events.Where(e => e.SeriesId != null && e.StartsAt > now).OrderBy(e => e.StartsAt).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken);
        void Answer(Need need, string kind, int? id)
        {
            // An answered need's followers have heard of its event already; a planned one's hear when it has taken place.
            if (id is { } target)
                db.NeedAnswers.Add(new NeedAnswer
                {
                    NeedId = need.Id, Kind = kind, TargetId = target, AddedAt = need.UpdatedAt,
                    ToldTookPlaceAt = need.State == NeedState.Answered ? need.UpdatedAt : null,
                });
        }
        Answer(orientation, "event", training);
        Answer(orientation, "material", guide);
        Answer(rentDebts, "event", counselling);
        await db.SaveChangesAsync(cancellationToken);
    }
}
