using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Features.Materials.Files;
using Yhdessa.Features.Materials.Search;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Materials;

/// <summary>
/// Demo materials written for the project (Order 30, after the organisations and the event themes): the network's
/// kinds of material, mostly in Finnish, some in Swedish and English, a few with a PDF whose text is searchable,
/// one proposal waiting for review and one material with an earlier version (which keeps its own PDF). The relevance tests use them as
/// their fixed corpus, so a change here is a change to docs/benchmarks.md's figures.
/// </summary>
public sealed class MaterialsDemoData(YhdessaDb db, MaterialIndex index, IFileStore store, TimeProvider clock) : IDemoData
{
    public int Order => 30;

    /// <summary>Slug, type, language, title, summary, body, tags, theme names (fi), author organisation names (fi, start), people, date, with a PDF.</summary>
    public static readonly (string Slug, MaterialType Type, string Language, string Title, string Summary, string Body, string Tags,
        string Themes, string Organisations, string People, string Date, bool Pdf)[] Seeds =
    [
        ("asunto-ensin-periaatteet", MaterialType.ModelOrGuide, "fi", "Asunto ensin -periaatteet käytännön työssä",
            "Opas Asunto ensin -mallin periaatteisiin: asunto on perusoikeus, ei palkinto, ja tuki järjestetään asukkaan kotiin.",
            "Asunto ensin -periaatteen mukaan asunnottomalle ihmiselle tarjotaan ensin oma vuokrasopimuksellinen asunto ja sen jälkeen tarvittava tuki. Opas kuvaa periaatteet, niiden historian Suomessa ja sen, miten työntekijä voi soveltaa niitä arjessa.\n\nOppaassa on esimerkkejä asumisyksiköistä ja hajautetusta asumisesta sekä tarkistuslista tiimin omaan arviointiin.",
            "Asunto ensin, Housing First, periaatteet", "Asunto ensin", "Y-Säätiö;Asumisen rahoitus", "", "2023-03-15", true),
        ("asunnottomuus-suomessa-2024", MaterialType.Publication, "fi", "Asunnottomuus Suomessa 2024",
            "Katsaus asunnottomuuden kehitykseen: yksin asuvat asunnottomat, perheet ja pitkäaikaisasunnottomuus.",
            "Asunnottomuus on vähentynyt Suomessa pitkäjänteisen työn ansiosta, mutta pitkäaikaisasunnottomuus ja nuorten asunnottomuus vaativat edelleen toimia. Katsauksessa tarkastellaan tilastoja kunnittain ja asunnottomuuden syitä, kuten vuokravelkoja, päihteitä ja mielenterveyden ongelmia.",
            "tilastot, pitkäaikaisasunnottomuus", "Asunnottomuuden ennaltaehkäisy", "Asumisen rahoitus", "", "2024-02-20", true),
        ("asumisneuvonnan-kasikirja", MaterialType.ModelOrGuide, "fi", "Asumisneuvonnan käsikirja",
            "Käytännön käsikirja asumisneuvojille: vuokravelat, häätöjen ehkäisy ja yhteistyö vuokranantajien kanssa.",
            "Asumisneuvoja auttaa vuokralaista, jonka asuminen on vaarassa. Käsikirja käy läpi asumisneuvonnan prosessin ensimmäisestä yhteydenotosta maksusuunnitelmaan ja kertoo, miten häätö voidaan usein estää ajoissa tehdyllä yhteistyöllä.\n\nLiitteenä on lomakepohjat ja esimerkkikirjeet.",
            "asumisneuvoja, häätö, vuokravelka", "Asumisneuvonta;Asunnottomuuden ennaltaehkäisy", "Helsingin kaupunki, Asumisneuvonta", "Liisa Mäkinen", "2022-09-01", true),
        ("neuvonnan-vaikuttavuus", MaterialType.ResearchSummary, "fi", "Neuvonnan vaikuttavuus häätöjen ehkäisyssä",
            "Tutkimustiivistelmä siitä, miten varhainen neuvonta vähentää häätöjä ja säästää kunnan kustannuksia.",
            "Tutkimuksessa seurattiin kolmen kaupungin vuokralaisia, jotka saivat neuvontaa vuokravelkojen vuoksi. Varhainen neuvonta puolitti häätöjen määrän, ja jokainen estetty häätö säästi kunnalta tuhansia euroja.",
            "häätöjen ehkäisy, kustannukset", "Asumisneuvonta;Arviointi ja vertaisarviointi", "Tampereen yliopisto", "Matti Virtanen", "2021-11-10", false),
        ("asunnottomien-naisten-polut", MaterialType.ResearchSummary, "fi", "Asunnottomien naisten asumispolut",
            "Tiivistelmä NEA-hankkeen tuloksista: naisten piilossa oleva asunnottomuus ja väkivallan kokemukset.",
            "Asunnottomien naisten määrä on aliarvioitu, koska moni nainen asuu tilapäisesti tuttavien luona. Naiset kokevat asunnottomuuden aikana usein väkivaltaa. Tulokset korostavat naiserityisen työn ja turvallisten asumispaikkojen tarvetta.",
            "naiset, väkivalta, piiloasunnottomuus", "Naiserityisyys", "Ensi- ja turvakotien liitto;Helsingin ensikoti", "", "2023-06-05", false),
        ("naiserityisen-tyon-opas", MaterialType.TrainingMaterial, "fi", "Naiserityinen asunnottomuustyö – koulutusmateriaali",
            "Koulutuspaketti työntekijöille naisten asunnottomuustyön erityispiirteistä.",
            "Koulutusmateriaali sisältää diat, harjoitukset ja tapausesimerkit. Se käsittelee traumainformoitua työotetta, lähisuhdeväkivaltaa ja äitiyttä asunnottomuuden keskellä.",
            "traumainformoitu työote, koulutus", "Naiserityisyys", "Ensi- ja turvakotien liitto;Turun ensi- ja turvakoti", "", "2024-01-18", false),
        ("kokemusasiantuntijat-kehittajina", MaterialType.ModelOrGuide, "fi", "Kokemusasiantuntijat palveluiden kehittäjinä",
            "Malli kokemusasiantuntijoiden osallistamiseen asunnottomuuspalveluiden suunnitteluun ja arviointiin.",
            "Kokemusasiantuntija tuo kehittämiseen tiedon, jota ammattilaisilla ei ole. Malli kuvaa kokemusasiantuntijoiden rekrytoinnin, koulutuksen, palkkioiden maksamisen ja tuen. Mukana on kokemuksia Vailla vakinaista asuntoa ry:n vertaistoiminnasta.",
            "kokemusasiantuntija, osallisuus, vertaistuki", "Kokemusasiantuntijuus", "Vailla vakinaista asuntoa", "Jari Laine", "2022-04-12", true),
        ("vertaisarvioinnin-lomake", MaterialType.EvaluationTool, "fi", "Vertaisarvioinnin lomake asumisyksiköille",
            "Lomake, jolla asumisyksiköt arvioivat toistensa työtä Asunto ensin -periaatteiden mukaan.",
            "Vertaisarvioinnissa kahden kaupungin työntekijät vierailevat toistensa yksiköissä. Lomakkeessa on 24 väittämää asukkaan osallisuudesta, tuen joustavuudesta ja haittojen vähentämisestä sekä ohjeet arviointipäivän kulkuun.",
            "vertaisarviointi, lomake, laatu", "Arviointi ja vertaisarviointi;Asunto ensin", "Koko & kehitys", "", "2023-10-02", false),
        ("asumissosiaalisen-tyon-laatusuositus", MaterialType.QualityRecommendation, "fi", "Asumissosiaalisen työn laatusuositus",
            "Suositus asumissosiaalisen työn laadulle: asiakkaan oikeudet, henkilöstö, yhteistyö ja seuranta.",
            "Laatusuositus on laadittu verkoston työpajoissa. Se määrittelee, mitä hyvä asumissosiaalinen työ on ja miten sen laatua seurataan. Suositus on tarkoitettu kunnille, hyvinvointialueille ja järjestöille.",
            "laatu, suositus, asumissosiaalinen työ", "Arviointi ja vertaisarviointi", "Sosiaali- ja terveysministeriö;Y-Säätiö", "", "2024-05-28", true),
        ("opintomatka-wieniin", MaterialType.StudyTripReport, "fi", "Opintomatka Wieniin: asuntopolitiikka ja Housing First",
            "Raportti verkoston opintomatkasta Wieniin, jossa tutustuttiin kohtuuhintaiseen asumiseen ja neunerhaus-järjestöön.",
            "Wienin kaupungin omistamat vuokra-asunnot tekevät asumisesta kohtuuhintaista. Opintomatkalla vierailtiin neunerhaus-järjestön Housing First -palvelussa ja keskusteltiin siitä, mitä Suomi voi oppia Itävallasta.",
            "Wien, Itävalta, opintomatka", "Asunto ensin", "Y-Säätiö;Diakonissalaitos", "", "2023-11-20", false),
        ("opintomatka-glasgow", MaterialType.StudyTripReport, "fi", "Opintomatkaraportti: Glasgow ja Skotlannin asunnottomuusstrategia",
            "Havaintoja Skotlannin lainsäädännöstä, joka velvoittaa kunnat järjestämään asunnon asunnottomalle.",
            "Skotlannissa jokaisella asunnottomaksi joutuneella on lakiin perustuva oikeus asuntoon. Matkalla tutustuttiin Glasgow'n Housing First -ohjelmaan ja tilapäismajoituksen vähentämiseen.",
            "Skotlanti, lainsäädäntö", "Asunto ensin;Asunnottomuuden ennaltaehkäisy", "Sininauhasäätiö", "", "2024-09-12", false),
        ("podcast-asumisen-tuki", MaterialType.PodcastEpisode, "fi", "Podcast: Asumisen tuki arjessa, jakso 3",
            "Keskustelu asumisohjaajien kanssa siitä, miltä tuki näyttää asukkaan kotona.",
            "Jaksossa asumisohjaajat kertovat työpäivästään: kotikäynneistä, asioinnista virastoissa ja siitä, miten luottamus asukkaaseen rakentuu. Vieraana on myös kokemusasiantuntija.",
            "asumisohjaus, kotikäynti, podcast", "Asunto ensin;Kokemusasiantuntijuus", "Sininauhasäätiö", "", "2024-03-07", false),
        ("podcast-nuorten-asunnottomuus", MaterialType.PodcastEpisode, "fi", "Podcast: Nuorten asunnottomuus ja jälkihuolto",
            "Miksi lastensuojelun jälkihuollosta lähtevät nuoret jäävät asunnottomiksi, ja miten sen voi estää?",
            "Nuoren itsenäistyminen ilman tukiverkkoa on riski. Jaksossa keskustellaan jälkihuollon nuorista, nuorisoasunnoista ja siitä, miten aikuissosiaalityö ja lastensuojelu voivat tehdä yhteistyötä ennen kuin nuori on kadulla.",
            "nuoret, jälkihuolto, lastensuojelu", "Asunnottomuuden ennaltaehkäisy", "Silta-Valmennusyhdistys", "", "2023-08-22", false),
        ("video-haittojen-vahentaminen", MaterialType.Video, "fi", "Video: Haittojen vähentäminen asumisyksikössä",
            "Lyhyt koulutusvideo päihdetyön haittoja vähentävästä työotteesta.",
            "Videossa työntekijät kertovat, miten päihteitä käyttävän asukkaan kanssa toimitaan ilman raittiusvaatimusta. Haittojen vähentäminen tarkoittaa, että asunto säilyy, vaikka päihteiden käyttö jatkuu.",
            "haittojen vähentäminen, päihteet, päihdetyö", "Asunto ensin", "A-klinikkasäätiö;Helsingin kaupunki, Psykiatria", "", "2022-12-01", false),
        ("paihdetyo-asumispalveluissa", MaterialType.TrainingMaterial, "fi", "Päihdetyö asumispalveluissa",
            "Koulutusmateriaali päihde- ja mielenterveystyön yhdistämisestä asumisen tukeen.",
            "Päihdetyön ja asumisen tuen yhdistäminen vaatii uudenlaista osaamista. Koulutuksessa käsitellään motivoivaa haastattelua, korvaushoitoa ja yhteistyötä päihdepalveluiden kanssa. Materiaalissa on kuusi harjoitusta pienryhmille.",
            "päihteet, mielenterveys, motivoiva haastattelu", "Asunto ensin", "EHYT;A-klinikkasäätiö", "", "2023-02-14", false),
        ("vokista-kotiin", MaterialType.ModelOrGuide, "fi", "Vokista kotiin! – maahan muuttaneiden asumisvalmennus",
            "Pilotin tuottama malli, jolla vastaanottokeskuksesta muuttava saa tukea ensimmäiseen omaan kotiin.",
            "Maahan muuttanut asiakas tarvitsee tietoa vuokrasopimuksesta, asumisen säännöistä ja asumistuesta. Asumisvalmennus järjestetään ryhmissä ja omalla kielellä tulkin avulla. Mallissa kuvataan palvelupolku vastaanottokeskuksesta omaan asuntoon.",
            "maahanmuuttajat, asumisvalmennus, vastaanottokeskus", "Asunnottomuuden ennaltaehkäisy", "Suomen Punainen Risti;Vantaan kaupunki", "", "2024-04-03", true),
        ("vuokravelka-ja-hatto", MaterialType.ModelOrGuide, "fi", "Kun vuokra jää maksamatta – toimintamalli häätöjen ehkäisyyn",
            "Vuokranantajan ja kunnan yhteinen toimintamalli vuokravelkatilanteisiin.",
            "Kun vuokranmaksu viivästyy, vuokranantaja ottaa yhteyttä asumisneuvojaan ennen häätöprosessin aloittamista. Toimintamalli on käytössä Tampereella, ja se on vähentänyt häätöjä selvästi.",
            "vuokravelka, häätö, vuokranantaja", "Asumisneuvonta;Asunnottomuuden ennaltaehkäisy", "Tampereen Vuokra-asunnot;Tampereen kaupunki, Asumisen asiakasohjaus", "", "2021-05-19", false),
        ("talousneuvonta-ja-velat", MaterialType.TrainingMaterial, "fi", "Talous- ja velkaneuvonta asunnottomuuden ehkäisyssä",
            "Koulutusmateriaali velkaantumisen ja asunnottomuuden yhteyksistä.",
            "Velat ja maksuhäiriömerkintä vaikeuttavat asunnon saamista. Materiaalissa kerrotaan, miten talousneuvonta ja velkajärjestely auttavat, ja miten Takuusäätiön takaus voi avata tien vuokra-asuntoon.",
            "velat, talousneuvonta, maksuhäiriö", "Asunnottomuuden ennaltaehkäisy", "Takuusäätiö", "", "2022-10-25", false),
        ("vankilasta-vapautuvat", MaterialType.Publication, "fi", "Vankilasta vapautuvien asuminen",
            "Selvitys vapautuvien vankien asunnottomuudesta ja yhteistyöstä Rikosseuraamuslaitoksen kanssa.",
            "Vankilasta vapautuva jää usein ilman asuntoa. Selvitys esittää, että asunnon hakeminen aloitetaan hyvissä ajoin ennen vapautumista ja että kunta ja Rikosseuraamuslaitos sopivat vastuista.",
            "vangit, vapautuminen, kriminaalihuolto", "Asunnottomuuden ennaltaehkäisy", "Rikosseuraamuslaitos;Kriminaalihuollon tukisäätiö", "", "2023-04-27", false),
        ("muutoslaboratorio-raportti", MaterialType.Publication, "fi", "Muutoslaboratorio asunnottomuustyön kehittämisessä",
            "Raportti muutoslaboratorion istunnoista, joissa 28 organisaatiota kehitti yhteistyön uusia muotoja.",
            "Muutoslaboratorio on kehittävän työntutkimuksen menetelmä. Istunnoissa osallistujat analysoivat työnsä ristiriitoja ja suunnittelivat kokeiluja. Raportissa kuvataan kokeilut ja niiden tulokset asunnottomuustyössä.",
            "muutoslaboratorio, kehittävä työntutkimus", "Arviointi ja vertaisarviointi", "Helsingin yliopisto;Y-Säätiö", "", "2021-12-09", true),
        ("asumisohjaajan-tyokirja", MaterialType.TrainingMaterial, "fi", "Asumisohjaajan työkirja",
            "Harjoituksia ja pohdintatehtäviä uusille asumisohjaajille.",
            "Työkirja tukee asumisohjaajan perehdytystä. Siinä harjoitellaan tavoitteiden asettamista yhdessä asukkaan kanssa, vaikeita keskusteluja ja oman jaksamisen hoitamista.",
            "perehdytys, asumisohjaus", "Asunto ensin", "Tampereen A-Kilta;Sininauhasäätiö", "", "2024-06-10", false),
        ("kotiin-vietava-tuki", MaterialType.ResearchSummary, "fi", "Kotiin vietävän tuen tulokset",
            "Tutkimustiivistelmä liikkuvan tuen vaikutuksesta asumisen pysyvyyteen.",
            "Kotiin vietävää tukea saaneista asukkaista 85 prosenttia asui samassa asunnossa vuoden kuluttua. Tiivistelmä vertaa tuloksia asumisyksiköihin ja pohtii tuen intensiteettiä.",
            "liikkuva tuki, asumisen pysyvyys", "Asunto ensin;Arviointi ja vertaisarviointi", "Kuntoutussäätiö", "", "2022-03-30", false),
        ("hyvinvointialueet-ja-asunnottomuus", MaterialType.Publication, "fi", "Hyvinvointialueet ja asunnottomuustyön vastuut",
            "Muistio siitä, miten vastuut jakautuvat kuntien ja hyvinvointialueiden kesken sote-uudistuksen jälkeen.",
            "Sote-uudistuksessa sosiaalityö siirtyi hyvinvointialueille, mutta asuntopolitiikka jäi kunnille. Muistio ehdottaa yhteisiä sopimuksia, jotta asunnoton ei putoa palveluiden väliin.",
            "sote-uudistus, hyvinvointialue, kunta", "Asunnottomuuden ennaltaehkäisy", "Sosiaali- ja terveysministeriö", "", "2024-10-15", false),
        ("asumispaivystys", MaterialType.ModelOrGuide, "fi", "Asumispäivystys kriisitilanteissa",
            "Malli akuuttiin asunnottomuuteen: päivystys, hätämajoitus ja nopea ohjaus pysyvään asumiseen.",
            "Asumispäivystys vastaa, kun ihminen on jäämässä yöksi ulos. Mallissa kuvataan päivystyksen toiminta Tampereella, hätämajoituksen käyttö ja se, miten asiakas ohjataan seuraavana päivänä asumisen asiakasohjaukseen.",
            "päivystys, hätämajoitus, kriisi", "Asunnottomuuden ennaltaehkäisy", "Tampereen kaupunki, Asumispäivystys", "", "2023-01-23", false),
        ("tyotoiminta-asukkaille", MaterialType.ModelOrGuide, "fi", "Työtoiminta asumisyksikön asukkaille",
            "Malli, jossa asukkaat osallistuvat talon kunnossapitoon ja ympäristötyöhön.",
            "Työ ja mielekäs tekeminen tukevat asumisen onnistumista. Työtoiminnassa asukkaat tekevät pihatöitä, kierrätystä ja pieniä korjauksia ohjaajan kanssa. Mallissa on esimerkkejä palkkioista ja vakuutuksista.",
            "työtoiminta, osallisuus, mielekäs tekeminen", "Kokemusasiantuntijuus", "Helsingin Diakonissalaitos;Diakonissalaitos", "", "2022-08-16", false),
        ("asunnottomuustyon-osaaminen", MaterialType.TrainingMaterial, "fi", "Osaamiskartta asunnottomuustyöhön",
            "Kartta taidoista, joita asunnottomuustyössä tarvitaan, ja koulutusten suunnitteluun.",
            "Osaamiskartta kokoaa yhteen taidot, joita asunnottomien ihmisten kanssa työskentelevä tarvitsee: vuorovaikutus, palvelujärjestelmän tuntemus, päihde- ja mielenterveysosaaminen sekä asumisen juridiikka. Kartan avulla organisaatio voi suunnitella koulutuksia.",
            "osaaminen, koulutussuunnittelu", "Arviointi ja vertaisarviointi", "Lahden ammattikorkeakoulu;Lahden kaupunki", "", "2023-09-05", false),
        ("asumisen-arviointimittari", MaterialType.EvaluationTool, "fi", "Asumisen onnistumisen arviointimittari",
            "Mittari, jolla asukas ja työntekijä arvioivat yhdessä asumisen sujumista kolmen kuukauden välein.",
            "Mittarissa on kymmenen osa-aluetta, kuten talous, terveys, sosiaaliset suhteet ja asunnon kunto. Tulokset tallennetaan ja niistä nähdään muutos ajan kuluessa.",
            "mittari, seuranta, arviointi", "Arviointi ja vertaisarviointi", "Porin kaupunki;Kuntoutussäätiö", "", "2024-02-08", false),
        ("asiakaspalautelomake", MaterialType.EvaluationTool, "fi", "Asiakaspalautelomake asumispalveluihin",
            "Selkokielinen palautelomake asukkaille, myös paperisena ja suullisesti täytettäväksi.",
            "Lomakkeessa kysytään, tunteeko asukas olonsa turvalliseksi, saako hän apua silloin kun tarvitsee ja kohdellaanko häntä kunnioittavasti. Lomake on saatavilla suomeksi, ruotsiksi ja selkokielellä.",
            "palaute, selkokieli, asiakaskokemus", "Arviointi ja vertaisarviointi", "Pelastusarmeija", "", "2021-09-14", false),
        ("pitkaaikaisasunnottomuuden-vahentaminen", MaterialType.Publication, "fi", "Pitkäaikaisasunnottomuuden vähentämisohjelman loppuraportti",
            "Ohjelman tulokset: asuntolat muutettiin asumisyksiköiksi ja tuhansia asuntoja osoitettiin asunnottomille.",
            "Vähentämisohjelmien aikana Suomen suurimmat asuntolat muutettiin tukiasumisyksiköiksi, joissa jokaisella on oma vuokrasopimus. Pitkäaikaisasunnottomien määrä väheni kolmanneksella.",
            "ohjelma, asuntolat, tukiasuminen", "Asunto ensin", "Ympäristöministeriö;Asumisen rahoitus", "", "2020-06-30", true),
        ("aune-ennaltaehkaisy", MaterialType.Publication, "fi", "Asunnottomuuden ennaltaehkäisyn toimenpideohjelma AUNE",
            "Tiivistelmä ohjelmasta, jossa painopisteenä oli ennaltaehkäisy ja asumisneuvonnan laajentaminen.",
            "AUNE-ohjelma laajensi asumisneuvontaa koko maahan ja kehitti nuorten, maahanmuuttajien ja velkaantuneiden palveluita. Ohjelma painotti sitä, että asunnottomuus ehkäistään ennen kuin asunto menetetään.",
            "AUNE, ennaltaehkäisy, ohjelma", "Asunnottomuuden ennaltaehkäisy;Asumisneuvonta", "Asunnottomuuden ennaltaehkäisyn toimenpideohjelma", "", "2019-12-18", false),
        ("koulutuskalenteri-2025", MaterialType.TrainingMaterial, "fi", "Verkoston koulutukset 2025",
            "Koonti verkoston koulutuksista: asumisneuvonnan koulutus, kouluttajakoulutus ja webinaarit.",
            "Vuonna 2025 verkosto järjestää asumisneuvonnan peruskoulutuksen kahdesti, kouluttajakoulutuksen kokemusasiantuntijoille sekä kuukausittaiset webinaarit. Koulutukset ovat maksuttomia verkoston jäsenille.",
            "koulutukset, webinaari, kouluttajakoulutus", "Asumisneuvonta;Kokemusasiantuntijuus", "Y-Säätiö", "", "2025-01-10", false),
        ("mielenterveys-ja-asuminen", MaterialType.ResearchSummary, "fi", "Mielenterveyskuntoutujien asumisen tuki",
            "Tiivistelmä siitä, millainen tuki auttaa mielenterveyskuntoutujaa asumaan itsenäisesti.",
            "Mielenterveyskuntoutujat hyötyvät joustavasta tuesta, joka kevenee voinnin parantuessa. Tutkimus korostaa psykiatrian ja asumispalveluiden yhteistä hoitosuunnitelmaa.",
            "mielenterveys, kuntoutus, psykiatria", "Asunto ensin", "Pirkanmaan sairaanhoitopiiri;HUS", "", "2022-05-24", false),
        ("espoon-nuorisoasuminen", MaterialType.ModelOrGuide, "fi", "Nuorisoasumisen malli Espoossa",
            "Malli, jossa nuoret saavat kohtuuhintaisen asunnon ja nuorisotyön tuen samasta paikasta.",
            "Espoossa nuorille on osoitettu asuntoja, joihin liittyy nuoriso-ohjaajan tuki. Nuori harjoittelee itsenäistä asumista ja saa apua opiskeluun ja työnhakuun.",
            "nuoret, nuorisoasunnot, Espoo", "Asunnottomuuden ennaltaehkäisy", "Espoon kaupunki", "", "2023-07-11", false),
        ("vapaaehtoistyo-yomajoituksessa", MaterialType.Other, "fi", "Vapaaehtoisten opas yömajoitukseen",
            "Ohjeet vapaaehtoisille, jotka toimivat yömajoituksessa talvipakkasilla.",
            "Oppaassa kerrotaan vapaaehtoisen tehtävistä, turvallisuudesta ja siitä, miten kohdata väsynyt ja kylmissään oleva ihminen. Yömajoitus on viimesijainen apu, ja tavoite on aina pysyvä asunto.",
            "vapaaehtoiset, yömajoitus, talvi", "Asunto ensin", "Suomen Punainen Risti;Pelastusarmeija", "", "2021-01-15", false),
        ("asunto-ensin-pa-svenska", MaterialType.ModelOrGuide, "sv", "Bostad först i praktiken",
            "En guide till principerna i Bostad först: bostaden är en grundläggande rättighet och stödet ges i hemmet.",
            "Enligt principen Bostad först erbjuds en bostadslös person först en egen bostad med hyreskontrakt och därefter det stöd som behövs. Guiden beskriver principerna och hur de tillämpas i arbetet.",
            "Bostad först, principer", "Asunto ensin", "Y-Säätiö", "", "2023-03-15", false),
        ("bostadsloshet-bland-unga", MaterialType.ResearchSummary, "sv", "Bostadslöshet bland unga vuxna",
            "Sammanfattning av forskning om varför unga blir bostadslösa och hur det kan förebyggas.",
            "Unga som lämnar barnskyddets eftervård saknar ofta nätverk. Forskningen visar att tidigt boendestöd och samarbete mellan socialarbete och bostadsbolag förebygger bostadslöshet.",
            "unga, eftervård, förebyggande", "Asunnottomuuden ennaltaehkäisy", "Helsingin yliopisto", "", "2022-11-02", false),
        ("boenderadgivning-handbok", MaterialType.ModelOrGuide, "sv", "Handbok för boenderådgivare",
            "Praktisk handbok om hyresskulder, vräkningar och samarbete med hyresvärdar.",
            "Boenderådgivaren hjälper hyresgäster vars boende är hotat. Handboken går igenom processen från första kontakten till en betalningsplan och visar hur en vräkning ofta kan förhindras.",
            "boenderådgivning, vräkning, hyresskuld", "Asumisneuvonta", "Helsingin kaupunki, Asumisneuvonta", "", "2022-09-01", false),
        ("erfarenhetsexperter", MaterialType.TrainingMaterial, "sv", "Erfarenhetsexperter i utvecklingsarbetet",
            "Utbildningsmaterial om hur erfarenhetsexperter kan delta i utvecklingen av tjänster.",
            "Materialet beskriver hur organisationer rekryterar, utbildar och stöder erfarenhetsexperter samt hur arvoden betalas.",
            "erfarenhetsexpert, delaktighet", "Kokemusasiantuntijuus", "Vailla vakinaista asuntoa", "", "2023-05-16", false),
        ("housing-first-finland-en", MaterialType.Publication, "en", "Housing First in Finland: Lessons for Europe",
            "How Finland reduced long-term homelessness by turning shelters into supported housing with tenancies.",
            "Finland is the only country in the European Union where homelessness has declined steadily. This publication explains the national programmes, the role of the Y-Foundation and municipalities, and what other countries can learn from the Finnish Housing First approach.",
            "Housing First, Europe, policy", "Asunto ensin", "Y-Säätiö;Housing First Europe Hub", "", "2022-06-20", true),
        ("eviction-prevention-en", MaterialType.ResearchSummary, "en", "Preventing evictions through housing advice",
            "Research summary: early housing advice halves evictions and saves public money.",
            "Tenants with rent arrears who received housing advice early were half as likely to be evicted. The summary discusses cost savings for municipalities and the cooperation between landlords and advisers.",
            "evictions, housing advice, rent arrears", "Asumisneuvonta;Asunnottomuuden ennaltaehkäisy", "Tampereen yliopisto", "", "2021-11-10", false),
        ("women-homelessness-en", MaterialType.ResearchSummary, "en", "Women's homelessness and violence",
            "Hidden homelessness among women and the need for gender-sensitive services.",
            "Many homeless women stay temporarily with acquaintances and are not counted in statistics. Experiences of violence are common. The findings call for women-specific services and safe housing.",
            "women, hidden homelessness, violence", "Naiserityisyys", "Ensi- ja turvakotien liitto", "", "2023-06-05", false),
        ("peer-review-toolkit-en", MaterialType.EvaluationTool, "en", "Peer review toolkit for supported housing",
            "A toolkit for housing units to review each other's work against Housing First principles.",
            "The toolkit contains a review form with 24 statements, a schedule for the review day and guidance for giving constructive feedback between cities.",
            "peer review, evaluation, quality", "Arviointi ja vertaisarviointi", "Koko & kehitys", "", "2023-10-02", false),
    ];

    /// <summary>The demo's podcast episodes: the words of their transcripts stay within what the episodes' own texts are
    /// about, so that the relevance figures measure the same corpus.</summary>
    private static (string Slug, PodcastEpisode Episode)[] Episodes =>
    [
        ("podcast-nuorten-asunnottomuus", new PodcastEpisode
        {
            Number = 2, Season = 1, DurationSeconds = 31 * 60 + 12,
            ShowNotes = "Jaksossa mainitut:\n\n- [Nuorisoasuntoliitto](https://www.nal.fi/)\n- Lastensuojelulaki 76 §: jälkihuolto",
            Transcript = "Juontaja: Tervetuloa kuuntelemaan. Tänään puhumme nuorista, jotka lähtevät jälkihuollosta omaan asuntoon.\n\n" +
                "Vieras: Moni nuori muuttaa ensimmäiseen kotiinsa ilman ketään, jolta kysyä neuvoa. Jälkihuolto voi kestää 25-vuotiaaksi asti, " +
                "mutta kaikki eivät tiedä siitä.\n\n" +
                "Juontaja: Mikä auttaa eniten?\n\n" +
                "Vieras: Että lastensuojelun ja aikuissosiaalityön työntekijät tapaavat nuoren yhdessä jo ennen muuttoa. Silloin nuori ei putoa " +
                "palveluiden väliin.",
        }),
        ("podcast-asumisen-tuki", new PodcastEpisode
        {
            Number = 3, Season = 1, DurationSeconds = 27 * 60 + 45,
            ShowNotes = "Jakson vieraina kaksi asumisohjaajaa ja kokemusasiantuntija. Perehdytykseen sopii [asumisohjaajan työkirja](/materials/asumisohjaajan-tyokirja).",
            Transcript = "Juontaja: Tässä jaksossa kuljemme asumisohjaajan mukana työpäivän ajan.\n\n" +
                "Asumisohjaaja: Aamu alkaa kotikäynnillä. Asukas keittää kahvit, ja käymme yhdessä läpi viikon asiat: laskut, lääkäriajan ja " +
                "sen, mitä hän itse haluaa tehdä.\n\n" +
                "Kokemusasiantuntija: Minulle tärkeintä oli, että ohjaaja tuli kotiini vieraana eikä tarkastajana. Luottamus syntyi vähitellen.",
        }),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Materials.AnyAsync(cancellationToken)) return;
        var now = clock.GetUtcNow();
        var themes = await db.EventThemes.ToDictionaryAsync(t => t.NameFi, t => t.Id, cancellationToken);
        var organisations = await db.Organisations.Select(o => new { o.Id, o.NameFi }).ToListAsync(cancellationToken);
        var materials = new List<Material>();
        foreach (var (seed, position) in Seeds.Select((s, i) => (s, i)))
        {
            var material = new Material
            {
                Slug = seed.Slug, Type = seed.Type, Language = seed.Language, Title = seed.Title, Summary = seed.Summary, Body = seed.Body,
                Tags = [.. seed.Tags.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
                PublicationDate = DateOnly.Parse(seed.Date, System.Globalization.CultureInfo.InvariantCulture),
                Licence = MaterialsDisplay.Licences[0], Status = MaterialStatus.Published,
                CreatedAt = now.AddDays(-Seeds.Length + position), UpdatedAt = now.AddDays(-Seeds.Length + position),
                PublishedAt = now.AddDays(-Seeds.Length + position),
            };
            foreach (var theme in seed.Themes.Split(';', StringSplitOptions.RemoveEmptyEntries))
                if (themes.TryGetValue(theme, out var themeId)) material.Themes.Add(new MaterialThemeLink { ThemeId = themeId });
            var authorPosition = 0;
            foreach (var name in seed.Organisations.Split(';', StringSplitOptions.RemoveEmptyEntries))
                if (organisations.FirstOrDefault(o => o.NameFi.StartsWith(name, StringComparison.Ordinal)) is { } organisation
                    && material.Authors.All(a => a.OrganisationId != organisation.Id))
                    material.Authors.Add(new MaterialAuthor { OrganisationId = organisation.Id, Position = authorPosition++ });
            if (seed.People.Length > 0) material.Authors.Add(new MaterialAuthor { Name = seed.People, Position = authorPosition });
            if (seed.Pdf)
            {
                var bytes = SimplePdf.Create(seed.Title, seed.Summary + "\n" + seed.Body);
                var file = new MaterialFile
                {
                    FileName = seed.Slug + ".pdf", StoredName = Guid.NewGuid().ToString("N") + ".pdf", ContentType = MaterialFiles.Pdf.ContentType,
                    Size = bytes.Length, Text = seed.Summary + "\n" + seed.Body, AddedAt = now,
                };
                await store.SaveAsync(file.StoredName, new MemoryStream(bytes), cancellationToken);
                material.Files.Add(file);
            }
            materials.Add(material);
        }

        // Language versions of one material share a key.
        void Pair(string a, string b) => materials.First(m => m.Slug == b).TranslationKey = materials.First(m => m.Slug == a).TranslationKey;
        Pair("asunto-ensin-periaatteet", "asunto-ensin-pa-svenska");
        Pair("asumisneuvonnan-kasikirja", "boenderadgivning-handbok");
        Pair("neuvonnan-vaikuttavuus", "eviction-prevention-en");
        Pair("asunnottomien-naisten-polut", "women-homelessness-en");
        Pair("vertaisarvioinnin-lomake", "peer-review-toolkit-en");

        // The quality recommendation was revised once: its first version stays visible.
        var revised = materials.First(m => m.Slug == "asumissosiaalisen-tyon-laatusuositus");
        revised.Version = 2;
        revised.Versions.Add(new MaterialVersion
        {
            Number = 1, Title = "Asumissosiaalisen työn laatusuositus (luonnos)", Summary = "Ensimmäinen versio suosituksesta työpajojen jälkeen.",
            Body = "Suosituksen ensimmäinen versio, jota kommentoitiin verkoston työpajoissa.", PublicationDate = new DateOnly(2023, 11, 1),
            PublishedAt = now.AddDays(-200), ReplacedAt = revised.PublishedAt!.Value,
        });
        // The draft's PDF was replaced by the final one: it stays downloadable with version 1.
        var draftPdf = SimplePdf.Create(revised.Versions[0].Title, revised.Versions[0].Body);
        var earlierFile = new MaterialFile
        {
            FileName = "laatusuositus-luonnos.pdf", StoredName = Guid.NewGuid().ToString("N") + ".pdf", ContentType = MaterialFiles.Pdf.ContentType,
            Size = draftPdf.Length, Text = revised.Versions[0].Body, AddedAt = now.AddDays(-200), RemovedAt = revised.PublishedAt,
        };
        await store.SaveAsync(earlierFile.StoredName, new MemoryStream(draftPdf), cancellationToken);
        revised.Files.Add(earlierFile);

        // The two podcast episodes: their numbers, lengths, show notes and transcripts, and five seconds of silence standing in
        // for each recording, so that the page has a player and the podcast feed has episodes.
        foreach (var (slug, episode) in Episodes)
        {
            var material = materials.First(m => m.Slug == slug);
            material.Episode = episode;
            var audio = SilentMp3.Create(5);
            var file = new MaterialFile
            {
                FileName = slug + ".mp3", StoredName = Guid.NewGuid().ToString("N") + ".mp3", ContentType = MaterialFiles.Mp3.ContentType,
                Size = audio.Length, AddedAt = material.CreatedAt, IsEpisodeAudio = true,
            };
            await store.SaveAsync(file.StoredName, new MemoryStream(audio), cancellationToken);
            material.Files.Add(file);
        }

        // A member's proposal waits for a coordinator's review.
        var member = await db.Users.FirstOrDefaultAsync(u => u.Email == "member@example.org", cancellationToken);
        materials.Add(new Material
        {
            Slug = "ehdotus-asukaskokousten-malli", Type = MaterialType.ModelOrGuide, Language = "fi", Status = MaterialStatus.Proposed,
            Title = "Asukaskokousten malli", Summary = "Ehdotus: miten asumisyksikön asukaskokoukset järjestetään niin, että jokainen pääsee ääneen.",
            Body = "Asukaskokous pidetään kerran kuukaudessa. Asukkaat valitsevat puheenjohtajan keskuudestaan.",
            PublicationDate = DateOnly.FromDateTime(now.UtcDateTime), Licence = MaterialsDisplay.Licences[0],
            CreatedById = member?.Id, CreatedAt = now, UpdatedAt = now, ProposedAt = now,
        });

        db.Materials.AddRange(materials);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var material in materials) foreach (var author in material.Authors)
            author.Organisation ??= await db.Organisations.FindAsync([author.OrganisationId], cancellationToken);
        await index.PutManyAsync(materials.Where(m => m.Status == MaterialStatus.Published).Select(MaterialCatalogue.ToDocument), cancellationToken);
    }
}
