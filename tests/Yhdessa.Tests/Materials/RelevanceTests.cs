using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Yhdessa.Features.Materials;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Tests.Account;


namespace Yhdessa.Tests.Materials;

[Collection("Materials with demo content on SQLite")]
public sealed class RelevanceOnSqlite(DemoSqliteApp app, ITestOutputHelper output) : RelevanceTests(app, output);
[Collection("Materials with demo content on PostgreSQL")]
public sealed class RelevanceOnPostgres(DemoPostgresApp app, ITestOutputHelper output) : RelevanceTests(app, output);

/// <summary>
/// Relevance is measured, not assumed: realistic queries (inflected forms, compounds, Swedish, English, typos)
/// against the demo materials as a fixed corpus (<see cref="MaterialsDemoData.Seeds"/>), each with the materials a
/// worker would want. Recall@10 and MRR must stay above a floor; the figures are in docs/benchmarks.md.
/// </summary>
public abstract class RelevanceTests(YhdessaApp app, ITestOutputHelper output)
{
    public static readonly (string Query, string Kind, string[] Relevant)[] Queries =
    [
        ("asunnottomuuden kehitys", "inflection", ["asunnottomuus-suomessa-2024"]),
        ("asunto ensin periaatteet", "inflection", ["asunto-ensin-periaatteet"]),
        ("asumisneuvojan käsikirja", "inflection", ["asumisneuvonnan-kasikirja"]),
        ("häätöjen ehkäisy", "inflection", ["vuokravelka-ja-hatto", "neuvonnan-vaikuttavuus", "asumisneuvonnan-kasikirja"]),
        ("häädöt", "inflection", ["vuokravelka-ja-hatto", "neuvonnan-vaikuttavuus"]),
        ("asunnottomat naiset", "inflection", ["asunnottomien-naisten-polut", "naiserityisen-tyon-opas"]),
        ("naisten asunnottomuus", "inflection", ["asunnottomien-naisten-polut"]),
        ("kokemusasiantuntijoiden osallistaminen", "inflection", ["kokemusasiantuntijat-kehittajina"]),
        ("kokemusasiantuntija", "inflection", ["kokemusasiantuntijat-kehittajina", "podcast-asumisen-tuki"]),
        ("vertaisarviointi", "inflection", ["vertaisarvioinnin-lomake"]),
        ("laatusuosituksen", "inflection", ["asumissosiaalisen-tyon-laatusuositus"]),
        ("opintomatka Wieniin", "inflection", ["opintomatka-wieniin"]),
        ("Skotlannin lainsäädäntö", "inflection", ["opintomatka-glasgow"]),
        ("nuorten asunnottomuus", "inflection", ["podcast-nuorten-asunnottomuus", "espoon-nuorisoasuminen"]),
        ("jälkihuollon nuoret", "inflection", ["podcast-nuorten-asunnottomuus"]),
        ("haittojen vähentäminen", "inflection", ["video-haittojen-vahentaminen"]),
        ("maahanmuuttajien asuminen", "inflection", ["vokista-kotiin"]),
        ("vastaanottokeskuksesta", "inflection", ["vokista-kotiin"]),
        ("vuokravelat", "inflection", ["vuokravelka-ja-hatto", "asumisneuvonnan-kasikirja"]),
        ("vankilasta vapautuvat", "inflection", ["vankilasta-vapautuvat"]),
        ("muutoslaboratoriossa", "inflection", ["muutoslaboratorio-raportti"]),
        ("asumisohjaajat", "inflection", ["asumisohjaajan-tyokirja", "podcast-asumisen-tuki"]),
        ("kotiin vietävä tuki", "inflection", ["kotiin-vietava-tuki"]),
        ("hyvinvointialueiden vastuut", "inflection", ["hyvinvointialueet-ja-asunnottomuus"]),
        ("hätämajoitusta", "inflection", ["asumispaivystys"]),
        ("arviointimittarit", "inflection", ["asumisen-arviointimittari"]),
        ("palautelomakkeet", "inflection", ["asiakaspalautelomake"]),
        ("AUNE-ohjelma", "inflection", ["aune-ennaltaehkaisy"]),
        ("koulutukset 2025", "inflection", ["koulutuskalenteri-2025"]),
        ("mielenterveyskuntoutujat", "inflection", ["mielenterveys-ja-asuminen"]),
        ("vapaaehtoiset yömajoituksessa", "inflection", ["vapaaehtoistyo-yomajoituksessa"]),
        ("neuvonta", "compound", ["asumisneuvonnan-kasikirja", "neuvonnan-vaikuttavuus", "talousneuvonta-ja-velat"]),
        ("asunnottomuustyö", "compound", ["asunnottomuustyon-osaaminen", "naiserityisen-tyon-opas", "muutoslaboratorio-raportti"]),
        ("päihdetyö", "compound", ["paihdetyo-asumispalveluissa", "video-haittojen-vahentaminen"]),
        ("velkaneuvonta", "compound", ["talousneuvonta-ja-velat"]),
        ("osaaminen", "compound", ["asunnottomuustyon-osaaminen"]),
        ("pitkäaikaisasunnottomuuden vähentäminen", "compound", ["pitkaaikaisasunnottomuuden-vahentaminen", "asunnottomuus-suomessa-2024"]),
        ("tukiasuminen", "compound", ["pitkaaikaisasunnottomuuden-vahentaminen"]),
        ("bostad först", "sv", ["asunto-ensin-pa-svenska"]),
        ("bostadslösa unga", "sv", ["bostadsloshet-bland-unga"]),
        ("boenderådgivare", "sv", ["boenderadgivning-handbok"]),
        ("erfarenhetsexpert", "sv", ["erfarenhetsexperter"]),
        ("housing first Finland", "en", ["housing-first-finland-en"]),
        ("eviction prevention", "en", ["eviction-prevention-en"]),
        ("homeless women", "en", ["women-homelessness-en"]),
        ("peer reviews", "en", ["peer-review-toolkit-en"]),
        ("asunottomuus", "typo", ["asunnottomuus-suomessa-2024"]),
        ("kokemusasiantuntja", "typo", ["kokemusasiantuntijat-kehittajina", "podcast-asumisen-tuki"]),
        ("paihdetyo", "typo", ["paihdetyo-asumispalveluissa"]),
        ("vertasarviointi", "typo", ["vertaisarvioinnin-lomake"]),
        ("asumisneuvona", "typo", ["asumisneuvonnan-kasikirja"]),
        ("homelesness", "typo", ["housing-first-finland-en", "women-homelessness-en"]),
    ];

    /// <summary>Below these the search has got worse; raise them when it gets better.</summary>
    private const double RecallFloor = 0.95;
    private const double MrrFloor = 0.9;

    [Fact]
    public async Task Recall_at_10_and_MRR_stay_above_the_floor()
    {
        Assert.True(Queries.Length >= 40);
        var recalls = new List<double>();
        var reciprocalRanks = new List<double>();
        var byKind = new Dictionary<string, List<double>>();
        foreach (var (query, kind, relevant) in Queries)
        {
            var top = (await app.SearchAsync(query, pageSize: 10)).Items.Select(h => h.Slug).ToList();
            var recall = relevant.Count(top.Contains) / (double)relevant.Length;
            var first = top.FindIndex(relevant.Contains);
            var reciprocal = first < 0 ? 0 : 1.0 / (first + 1);
            recalls.Add(recall);
            reciprocalRanks.Add(reciprocal);
            (byKind.TryGetValue(kind, out var list) ? list : byKind[kind] = []).Add(recall);
            if (recall < 1) output.WriteLine($"{query}: recall {recall:0.00}, first relevant at {first + 1}; got {string.Join(", ", top)}");
        }
        var meanRecall = recalls.Average();
        var mrr = reciprocalRanks.Average();
        output.WriteLine($"queries {Queries.Length}, recall@10 {meanRecall:0.000}, MRR {mrr:0.000}");
        foreach (var (kind, values) in byKind) output.WriteLine($"  {kind}: {values.Count} queries, recall@10 {values.Average():0.000}");

        Assert.True(meanRecall >= RecallFloor, $"recall@10 {meanRecall:0.000} < {RecallFloor}");
        Assert.True(mrr >= MrrFloor, $"MRR {mrr:0.000} < {MrrFloor}");
    }

    [Fact]
    public async Task The_demo_content_is_there_in_three_languages_with_PDFs_and_a_proposal()
    {
        var (count, languages, files, proposed) = await app.WithServicesAsync(async s =>
        {
            var db = s.GetRequiredService<YhdessaDb>();
            return (await db.Materials.CountAsync(m => m.Status == MaterialStatus.Published),
                await db.Materials.Select(m => m.Language).Distinct().CountAsync(),
                await db.MaterialFiles.CountAsync(f => f.ContentType == "application/pdf"),
                await db.Materials.CountAsync(m => m.Status == MaterialStatus.Proposed));
        });
        Assert.True(count >= 40, $"{count} published");
        Assert.Equal(3, languages);
        Assert.True(files >= 5);
        Assert.Equal(1, proposed);
        Assert.Equal(count, (await app.SearchAsync("")).Total);
        // The revised recommendation shows its final PDF, and its first version the draft's PDF.
        var visitor = new WebBrowser(app.CreateClient());
        var current = await visitor.OpenAsync("/materials/asumissosiaalisen-tyon-laatusuositus");
        Assert.Null(current.Document.QuerySelector("a[href$='/laatusuositus-luonnos.pdf']"));
        Assert.NotNull(current.Document.QuerySelector("a[href$='/asumissosiaalisen-tyon-laatusuositus.pdf']"));
        var first = await visitor.OpenAsync("/materials/asumissosiaalisen-tyon-laatusuositus/versions/1");
        var link = first.Document.QuerySelector("a[href$='/laatusuositus-luonnos.pdf']")!.GetAttribute("href")!;
        Assert.Null(first.Document.QuerySelector("a[href$='/asumissosiaalisen-tyon-laatusuositus.pdf']"));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync(link)).StatusCode);
    }
}
