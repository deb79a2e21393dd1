using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Places;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Network;

/// <summary>
/// The real organisations and groups of the network as the seed texts name them (the 28 organisations of the
/// Asunto ensin 2.0 Change Laboratory and the partners of the NEA project), with invented people. Runs after the
/// demo accounts (Order 0) and links the demo member when that account exists; works without it too.
/// </summary>
public sealed class NetworkDemoData(YhdessaDb db, UserManager<User> users, TimeProvider clock) : IDemoData
{
    public int Order => 10;

    private const string Helsinki = "091", Espoo = "049", Vantaa = "092", Tampere = "837", Lahti = "398", Pori = "609", Turku = "853";

    private static readonly (string Fi, string? Sv, string? En, Sector Sector, string? Municipality, string? Website)[] OrganisationSeeds =
    [
        ("Asumisen rahoitus- ja kehittämiskeskus ARA", "Finansierings- och utvecklingscentralen för boendet ARA", "Housing Finance and Development Centre of Finland ARA", Sector.State, Lahti, null),
        ("Asunnottomuuden ennaltaehkäisyn toimenpideohjelma AUNE, Ympäristöministeriö", "Åtgärdsprogrammet för att förebygga bostadslöshet AUNE, Miljöministeriet", "Action Plan for Preventing Homelessness AUNE, Ministry of the Environment", Sector.State, Helsinki, "https://ym.fi"),
        ("Diakonissalaitos", "Diakonissanstalten", "Helsinki Deaconess Institute", Sector.Ngo, Helsinki, "https://www.hdl.fi"),
        ("Ehkäisevä päihdetyö EHYT ry", "Förebyggande missbruksarbete EHYT rf", "Finnish Association for Substance Abuse Prevention EHYT", Sector.Ngo, Helsinki, null),
        ("Espoon kaupunki", "Esbo stad", "City of Espoo", Sector.City, Espoo, "https://www.espoo.fi"),
        ("Helsingin kaupunki, Asumisneuvonta", "Helsingfors stad, Boenderådgivning", "City of Helsinki, Housing Advice", Sector.City, Helsinki, "https://www.hel.fi"),
        ("Helsingin kaupunki, Psykiatria ja päihdepalvelut", "Helsingfors stad, Psykiatri- och missbrukartjänster", "City of Helsinki, Psychiatric and Substance Abuse Services", Sector.City, Helsinki, "https://www.hel.fi"),
        ("HUS Helsingin yliopistollinen sairaala", "HUS Helsingfors universitetssjukhus", "HUS Helsinki University Hospital", Sector.WellbeingCounty, Helsinki, "https://www.hus.fi"),
        ("Lahden kaupunki", "Lahtis stad", "City of Lahti", Sector.City, Lahti, "https://www.lahti.fi"),
        ("Pelastusarmeija", "Frälsningsarmén", "The Salvation Army", Sector.Ngo, Helsinki, null),
        ("Pirkanmaan sairaanhoitopiiri, Tampereen yliopistollinen sairaala", "Birkalands sjukvårdsdistrikt, Tammerfors universitetssjukhus", "Pirkanmaa Hospital District, Tampere University Hospital", Sector.WellbeingCounty, Tampere, null),
        ("Porin kaupunki, Psykososiaaliset palvelut", "Björneborgs stad, Psykosociala tjänster", "City of Pori, Psychosocial Services", Sector.City, Pori, "https://www.pori.fi"),
        ("Rikosseuraamuslaitos", "Brottspåföljdsmyndigheten", "Criminal Sanctions Agency", Sector.State, Helsinki, "https://www.rikosseuraamus.fi"),
        ("Silta-Valmennusyhdistys ry", "Silta-Valmennusyhdistys rf", null, Sector.Ngo, Helsinki, null),
        ("Sininauhasäätiö", "Blåbandsstiftelsen", "Blue Ribbon Foundation", Sector.Ngo, Helsinki, null),
        ("Sosiaali- ja terveysministeriö", "Social- och hälsovårdsministeriet", "Ministry of Social Affairs and Health", Sector.State, Helsinki, "https://stm.fi"),
        ("Takuusäätiö", "Garantistiftelsen", "Guarantee Foundation", Sector.Ngo, Helsinki, null),
        ("Tampereen A-Kilta", "A-Gillet i Tammerfors", null, Sector.Ngo, Tampere, null),
        ("Tampereen kaupunki, Aikuissosiaalityö", "Tammerfors stad, Socialt arbete för vuxna", "City of Tampere, Adult Social Work", Sector.City, Tampere, "https://www.tampere.fi"),
        ("Tampereen kaupunki, Asumisen asiakasohjaus", "Tammerfors stad, Klienthänvisning inom boende", "City of Tampere, Housing Client Guidance", Sector.City, Tampere, "https://www.tampere.fi"),
        ("Tampereen kaupunki, Asumisen kehittäminen ja palvelutilaverkot", "Tammerfors stad, Utveckling av boende och servicelokaler", "City of Tampere, Housing Development and Service Premises", Sector.City, Tampere, "https://www.tampere.fi"),
        ("Tampereen kaupunki, Asumispäivystys", "Tammerfors stad, Bostadsjour", "City of Tampere, Housing Emergency Service", Sector.City, Tampere, "https://www.tampere.fi"),
        ("Tampereen kaupunki, Psykososiaalisen tuen palvelut", "Tammerfors stad, Psykosociala stödtjänster", "City of Tampere, Psychosocial Support Services", Sector.City, Tampere, "https://www.tampere.fi"),
        ("Tampereen Vuokra-asunnot Oy", "Tammerfors Hyresbostäder Ab", null, Sector.City, Tampere, null),
        ("Tampereen Vuokratalosäätiö", "Tammerfors Hyreshusstiftelse", null, Sector.Ngo, Tampere, null),
        ("Vailla vakinaista asuntoa ry", "Utan fast bostad rf", "No Fixed Abode", Sector.Ngo, Helsinki, null),
        ("Vantaan kaupunki, Aikuissosiaalityö", "Vanda stad, Socialt arbete för vuxna", "City of Vantaa, Adult Social Work", Sector.City, Vantaa, "https://www.vantaa.fi"),
        ("Y-Säätiö", "Y-Stiftelsen", "Y-Foundation", Sector.Ngo, Helsinki, "https://ysaatio.fi"),
        // Partners of the NEA project (women and homelessness) and others the seeds name.
        ("Ensi- ja turvakotien liitto", "Förbundet för mödrahem och skyddshem", "Federation of Mother and Child Homes and Shelters", Sector.Ngo, Helsinki, null),
        ("Helsingin ensikoti ry", "Helsingfors mödrahem rf", null, Sector.Ngo, Helsinki, null),
        ("Turun ensi- ja turvakoti ry", "Åbo mödra- och skyddshem rf", null, Sector.Ngo, Turku, null),
        ("EJY ry", "EJY rf", null, Sector.Ngo, Helsinki, null),
        ("A-klinikkasäätiö", "A-klinikstiftelsen", "A-Clinic Foundation", Sector.Ngo, Helsinki, null),
        ("Kuntoutussäätiö", "Rehabiliteringsstiftelsen", "Rehabilitation Foundation", Sector.Research, Helsinki, null),
        ("Sosiaali- ja terveysjärjestöjen avustuskeskus STEA", "Centret för social- och hälsovårdsorganisationernas understöd STEA", "Funding Centre for Social Welfare and Health Organisations STEA", Sector.State, Helsinki, null),
        ("Tampereen yliopisto", "Tammerfors universitet", "Tampere University", Sector.Research, Tampere, "https://www.tuni.fi"),
        ("Helsingin yliopisto", "Helsingfors universitet", "University of Helsinki", Sector.Research, Helsinki, "https://www.helsinki.fi"),
        ("Lahden ammattikorkeakoulu LAMK", "Lahtis yrkeshögskola LAMK", "Lahti University of Applied Sciences LAMK", Sector.Research, Lahti, null),
        ("Suomen Punainen Risti", "Finlands Röda Kors", "Finnish Red Cross", Sector.Ngo, Helsinki, "https://www.punainenristi.fi"),
        ("Koko & kehitys Oy", "Koko & kehitys Ab", null, Sector.Other, null, null),
        ("Housing First Europe Hub", null, "Housing First Europe Hub", Sector.Other, Helsinki, "https://housingfirsteurope.eu"),
    ];

    private static readonly (string Slug, GroupKind Kind, string Fi, string Sv, string En, Joining Joining, MembershipVisibility Visibility, string Description)[] GroupSeeds =
    [
        ("johtoryhma", GroupKind.SteeringGroup, "Johtoryhmä", "Styrgruppen", "Steering group", Joining.ByApproval, MembershipVisibility.GroupMembers,
            "Kumppaneiden johtotason henkilöistä koostuva johtoryhmä, jotta tarvittava päätöksenteko on nopeaa ja organisaatioiden työntekijöillä on mandaatti toimia yhteisessä verkostossa ketterästi."),
        ("laaja-asiantuntijatiimi", GroupKind.BroadExpertTeam, "Laaja asiantuntijatiimi", "Det breda expertteamet", "Broad expert team", Joining.Open, MembershipVisibility.Public,
            "Ylisektorinen, kaikille avoin asiantuntijatiimi: järjestöjen, kaupunkien ja valtion edustajat sekä kokemusasiantuntijat.\n\nTyökokouspäivissä on tehty muun muassa arvioinnin materiaaleja ja Asunto ensin -laatusuositukset arjen työhön."),
        ("pieni-asiantuntijatiimi", GroupKind.SmallExpertTeam, "Pieni asiantuntijatiimi", "Det lilla expertteamet", "Small expert team", Joining.ByApproval, MembershipVisibility.SignedInMembers,
            "Sopimukselliset kumppanijärjestöt suunnittelevat yhdessä tulevat tilaisuudet ja koulutusten sisällöt palautteiden ja tarpeiden perusteella."),
        ("naiserityinen-asunnottomuustyo", GroupKind.ThematicGroup, "Naiserityinen asunnottomuustyö", "Kvinnospecifikt arbete mot bostadslöshet", "Women and homelessness", Joining.Open, MembershipVisibility.Public,
            "Teemallinen kehittämisryhmä NEA-hankkeen jatkoksi: asumispolkujen vaiheet, kokemusten jakaminen ja toisilta oppiminen naisten asunnottomuustyössä."),
        ("maahan-muuttaneiden-asuminen", GroupKind.ThematicGroup, "Maahan muuttaneiden asuminen", "Invandrares boende", "Housing of immigrants", Joining.Open, MembershipVisibility.SignedInMembers,
            "Vokista kotiin! -pilotin jatko: asumisvalmennukset ja palvelupolut vastaanottokeskuksesta turvalliseen asumiseen."),
        ("arviointi-ja-vertaisarviointi", GroupKind.ThematicGroup, "Arviointi ja vertaisarviointi", "Utvärdering och kollegial utvärdering", "Evaluation and peer review", Joining.ByApproval, MembershipVisibility.Public,
            "Yhteiset arviointikäytännöt ja vertaisarvioinnin prosessi, joiden avulla eri paikkakuntien toimijat voivat arvioida omaa työtään."),
    ];

    private static readonly (string Name, string Email, string Organisation, string Title, bool Public, bool Expert, string[] Tags)[] PeopleSeeds =
    [
        ("Aino Virtanen", "aino.virtanen@demo.example.org", "Y-Säätiö", "Kehittämispäällikkö", true, false, ["asunto ensin", "yhteiskehittäminen"]),
        ("Mikko Korhonen", "mikko.korhonen@demo.example.org", "Tampereen kaupunki, Asumispäivystys", "Sosiaaliohjaaja", true, false, ["asumisneuvonta"]),
        ("Sanna Mäkinen", "sanna.makinen@demo.example.org", "Vailla vakinaista asuntoa ry", "Kokemusasiantuntija", true, true, ["kokemusasiantuntijuus", "vertaistuki"]),
        ("Johanna Lindholm", "johanna.lindholm@demo.example.org", "Helsingin kaupunki, Asumisneuvonta", "Asumisneuvoja", true, false, ["asumisneuvonta", "häätöjen ehkäisy"]),
        ("Erik Sjöberg", "erik.sjoberg@demo.example.org", "Diakonissalaitos", "Projektipäällikkö", true, false, ["päihdetyö"]),
        ("Ulla Nyström", "ulla.nystrom@demo.example.org", "Sininauhasäätiö", "Vertaisohjaaja", true, true, ["kokemusasiantuntijuus"]),
        ("Juha Heikkinen", "juha.heikkinen@demo.example.org", "Asumisen rahoitus- ja kehittämiskeskus ARA", "Erityisasiantuntija", true, false, ["asuntopolitiikka", "tilastot"]),
        ("Linnea Åberg", "linnea.aberg@demo.example.org", "Ensi- ja turvakotien liitto", "Kehittäjä", true, false, ["naiserityisyys"]),
        ("Pekka Laine", "pekka.laine@demo.example.org", "Takuusäätiö", "Talousneuvoja", false, false, ["velkaneuvonta"]),
        ("Kaisa Niemi", "kaisa.niemi@demo.example.org", "Vantaan kaupunki, Aikuissosiaalityö", "Sosiaalityöntekijä", false, false, ["aikuissosiaalityö"]),
        ("Henrik Holmström", "henrik.holmstrom@demo.example.org", "Espoon kaupunki", "Palvelupäällikkö", false, false, []),
        ("Tiina Lehtonen", "tiina.lehtonen@demo.example.org", "Tampereen yliopisto", "Tutkija", true, false, ["muutoslaboratorio", "arviointi"]),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        // The platform runs demo content once per database; this check keeps a second run harmless anyway.
        if (await db.Organisations.AnyAsync(o => o.Slug == "y-saatio", cancellationToken)) return;
        var now = clock.GetUtcNow();

        var organisations = new Dictionary<string, Organisation>();
        foreach (var seed in OrganisationSeeds)
        {
            var organisation = new Organisation
            {
                Slug = Slugs.FromName(seed.Fi), Sector = seed.Sector, MunicipalityCode = seed.Municipality, Website = seed.Website,
                Description = "", CreatedAt = now, UpdatedAt = now,
            };
            organisation.SetNames(seed.Fi, seed.Sv, seed.En);
            organisations[seed.Fi] = organisation;
            db.Organisations.Add(organisation);
        }
        organisations["Y-Säätiö"].Description =
            "Y-Säätiö koordinoi Asunto ensin Verkostokehittäjät -verkostoa, kansallisen asunnottomuustyön yhteiskehittämisen alustaa.\n\n" +
            "Verkostoon kuuluu järjestöjä, kaupunkeja, hyvinvointialueita ja valtionhallinnon edustajia sekä kokemusasiantuntijoita.";

        var groups = GroupSeeds.ToDictionary(g => g.Slug, g => new Group
        {
            Slug = g.Slug, Kind = g.Kind, NameFi = g.Fi, NameSv = g.Sv, NameEn = g.En, Joining = g.Joining, Visibility = g.Visibility,
            DescriptionFi = g.Description, CreatedAt = now,
        });
        db.Groups.AddRange(groups.Values);
        await db.SaveChangesAsync(cancellationToken);

        var memberIds = new List<string>();
        foreach (var person in PeopleSeeds)
        {
            var user = await users.FindByEmailAsync(person.Email);
            if (user is null)
            {
                // No password: these invented people exist to fill the directory and cannot sign in.
                user = new User { UserName = person.Email, Email = person.Email, EmailConfirmed = true, DisplayName = person.Name, CreatedAt = now };
                var created = await users.CreateAsync(user);
                if (!created.Succeeded) throw new InvalidOperationException("Could not create a demo person: " + created.Errors.First().Description);
            }
            memberIds.Add(user.Id);
            db.PersonProfiles.Add(new PersonProfile
            {
                UserId = user.Id, IsPublic = person.Public, IsExpertByExperience = person.Expert, Expertise = [.. person.Tags],
                UpdatedAt = now,
                Affiliations = [new Affiliation { OrganisationId = organisations[person.Organisation].Id, Title = person.Title }],
            });
        }

        void Join(string groupSlug, string userId, bool admin = false, MembershipStatus status = MembershipStatus.Member) =>
            db.GroupMemberships.Add(new GroupMembership { GroupId = groups[groupSlug].Id, UserId = userId, Status = status, IsGroupAdmin = admin, Since = now });

        Join("johtoryhma", memberIds[0], admin: true);
        Join("johtoryhma", memberIds[6]);
        Join("johtoryhma", memberIds[10]);
        foreach (var id in memberIds.Take(9)) Join("laaja-asiantuntijatiimi", id, admin: id == memberIds[0]);
        Join("pieni-asiantuntijatiimi", memberIds[0], admin: true);
        Join("pieni-asiantuntijatiimi", memberIds[4]);
        Join("pieni-asiantuntijatiimi", memberIds[5]);
        Join("naiserityinen-asunnottomuustyo", memberIds[7], admin: true);
        Join("naiserityinen-asunnottomuustyo", memberIds[2]);
        Join("maahan-muuttaneiden-asuminen", memberIds[3], admin: true);
        Join("arviointi-ja-vertaisarviointi", memberIds[11], admin: true);
        Join("arviointi-ja-vertaisarviointi", memberIds[1]);
        Join("arviointi-ja-vertaisarviointi", memberIds[9], status: MembershipStatus.Requested);

        // The demo member account (made by the accounts feature when present) gets a private profile and a group.
        if (await users.FindByEmailAsync(DemoAccounts.Member) is { } member
            && !await db.PersonProfiles.AnyAsync(p => p.UserId == member.Id, cancellationToken))
        {
            db.PersonProfiles.Add(new PersonProfile
            {
                UserId = member.Id, UpdatedAt = now, Expertise = ["asumissosiaalinen työ"],
                Affiliations = [new Affiliation { OrganisationId = organisations["Y-Säätiö"].Id, Title = "Asumisohjaaja" }],
            });
            Join("laaja-asiantuntijatiimi", member.Id);
        }
        if (await users.FindByEmailAsync(DemoAccounts.Coordinator) is { } coordinator)
            Join("johtoryhma", coordinator.Id, admin: true);

        await db.SaveChangesAsync(cancellationToken);
    }
}
