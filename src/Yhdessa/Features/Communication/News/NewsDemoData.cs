using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Communication.News.Data;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Communication.News;

/// <summary>
/// Demo news written for the project (Order 45, after events, materials and needs, which they link to): posts in all
/// three languages, in Finnish and Swedish, and in Finnish only, one credited to a member organisation, one draft.
/// </summary>
public sealed class NewsDemoData(YhdessaDb db, TimeProvider clock) : IDemoData
{
    public int Order => 45;

    private sealed record Seed(string Slug, int DaysAgo, bool Published, string Themes, string? Organisation, string[] Links,
        (string Language, string Title, string Lead, string Body)[] Texts);

    private static readonly Seed[] Seeds =
    [
        new("syysseminaarin-ilmoittautuminen-on-auki", 3, true, "Asunto ensin", null,
            ["/events/valtakunnallinen-syysseminaari-asunto-ensin-2030"],
            [
                (Languages.Finnish, "Syysseminaarin ilmoittautuminen on auki",
                    "Verkoston valtakunnallinen syysseminaari kokoaa kuntien, järjestöjen ja valtion toimijat pohtimaan, miten Asunto ensin -työ jatkuu vuoteen 2030.",
                    "Seminaarissa kuullaan asunnottomuuden ennaltaehkäisyn ohjelman kuulumiset ja kokemusasiantuntijoiden puheenvuorot.\n\nIlmoittaudu tapahtuman sivulla. Paikkoja on rajoitetusti."),
                (Languages.Swedish, "Anmälan till höstseminariet är öppen",
                    "Nätverkets nationella höstseminarium samlar kommuner, organisationer och staten för att diskutera hur arbetet enligt Bostad först fortsätter fram till 2030.",
                    "Vid seminariet hör vi om programmet för att förebygga bostadslöshet och om erfarenhetsexperternas syn.\n\nAnmäl dig på evenemangets sida. Antalet platser är begränsat."),
                (Languages.English, "Registration for the autumn seminar is open",
                    "The network's national autumn seminar brings municipalities, NGOs and state agencies together to discuss how Housing First work continues until 2030.",
                    "The seminar hears news from the programme for preventing homelessness and talks by experts by experience.\n\nRegister on the event's page. Seats are limited."),
            ]),
        new("sanoitte-teimme-perehdytys-uusille-tyontekijoille", 10, true, "Asunto ensin", "Y-Säätiö",
            ["/materials/asumisneuvonnan-kasikirja"],
            [
                (Languages.Finnish, "Sanoitte – teimme: perehdytys uusille työntekijöille",
                    "Jäsenet toivoivat lyhyttä perehdytystä Asunto ensin -periaatteisiin. Pieni asiantuntijaryhmä kokosi sen yhdessä Y-Säätiön kanssa.",
                    "Perehdytys on avoin kaikille verkoston jäsenille. Se käy läpi periaatteet ja niiden merkityksen arjen työssä, ja siihen liittyy aineistopankin käsikirja."),
                (Languages.Swedish, "Ni sade – vi gjorde: introduktion för nya medarbetare",
                    "Medlemmarna önskade en kort introduktion till principerna i Bostad först. Den lilla expertgruppen tog fram den tillsammans med Y-stiftelsen.",
                    "Introduktionen är öppen för alla medlemmar i nätverket. Den går igenom principerna och vad de betyder i det dagliga arbetet."),
            ]),
        new("kokemusasiantuntijoiden-palkkiot-selvitykseen", 20, true, "Kokemusasiantuntijuus;Arviointi ja vertaisarviointi", null, [],
            [
                (Languages.Finnish, "Kokemusasiantuntijoiden palkkiot selvitykseen",
                    "Verkosto kokoaa tiedot siitä, miten kunnat ja järjestöt palkitsevat kokemusasiantuntijoita palveluiden arvioinnissa.",
                    "Selvitys vastaa jäsenten nostamaan kehittämistarpeeseen. Tulokset julkaistaan aineistopankissa keväällä."),
            ]),
        new("luonnos-kevaan-koulutuskalenteri", 0, false, "Asumisneuvonta", null, [],
            [
                (Languages.Finnish, "Kevään koulutuskalenteri (luonnos)",
                    "Kevään koulutukset suunnitellaan jäsenten tarpeiden ja palautteen pohjalta.",
                    "Luonnos: täydennetään suunnittelukokouksen jälkeen."),
            ]),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.NewsPosts.AnyAsync(cancellationToken)) return;
        var now = clock.GetUtcNow();
        var themes = await db.EventThemes.ToDictionaryAsync(t => t.NameFi, t => t.Id, cancellationToken);
        var organisations = await db.Organisations.Select(o => new { o.Id, o.NameFi }).ToListAsync(cancellationToken);
        foreach (var seed in Seeds)
        {
            var at = now.AddDays(-seed.DaysAgo);
            var links = new List<NewsLink>();
            foreach (var address in seed.Links)
            {
                var parts = address.Trim('/').Split('/');
                int? id = parts[0] switch
                {
                    "events" => await db.Events.Where(e => e.Slug == parts[1]).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken),
                    "materials" => await db.Materials.Where(m => m.Slug == parts[1] && m.Status == MaterialStatus.Published)
                        .Select(m => (int?)m.Id).FirstOrDefaultAsync(cancellationToken),
                    _ => null,
                };
                if (id is { } found) links.Add(new NewsLink { Kind = parts[0] == "events" ? NewsLinks.Event : NewsLinks.Material, TargetId = found, Position = links.Count });
            }
            db.NewsPosts.Add(new NewsPost
            {
                Slug = seed.Slug, State = seed.Published ? NewsState.Published : NewsState.Draft, CreatedAt = at, UpdatedAt = at,
                PublishedAt = seed.Published ? at : null, Revision = 1,
                OrganisationId = seed.Organisation is { } name ? organisations.FirstOrDefault(o => o.NameFi.StartsWith(name, StringComparison.Ordinal))?.Id : null,
                Texts = [.. seed.Texts.Select(t => new NewsText { Language = t.Language, Title = t.Title, Lead = t.Lead, Body = t.Body })],
                Themes = [.. seed.Themes.Split(';').Where(themes.ContainsKey).Select(t => new NewsThemeLink { ThemeId = themes[t] })],
                Links = links,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
