using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Materials;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Features.Materials.Search;
using Yhdessa.Platform.Data;

namespace Yhdessa.Bench;

/// <summary>
/// The material bank's benchmark (bench/materials.sh): generated materials of realistic Finnish text, the time to
/// build the search index from the database and from publishing to searchable, and a load generator that keeps
/// N clients busy and reports percentiles (wrk gives no p95) and the number of requests.
/// </summary>
public static class MaterialBench
{
    // Word forms as they occur in the network's texts: inflected, compounded, derived. About half of all materials
    // get a form of "asunnottomuus", so a query for it is a query for a common word.
    private static readonly string[] Subjects =
    [
        "Asumisneuvoja", "Asumisohjaaja", "Sosiaalityöntekijä", "Kokemusasiantuntija", "Vuokranantaja", "Kaupunki",
        "Hyvinvointialue", "Järjestö", "Tiimi", "Työryhmä", "Asukas", "Nuori", "Perhe", "Päihdetyöntekijä", "Projektipäällikkö",
    ];
    private static readonly string[] Verbs =
    [
        "tukee", "kehittää", "arvioi", "suunnittelee", "ohjaa", "kouluttaa", "selvittää", "vähentää", "ehkäisee", "kartoittaa",
        "seuraa", "edistää", "järjestää", "tarjoaa", "vahvistaa",
    ];
    private static readonly string[] Objects =
    [
        "asumisen tukea", "vuokravelkojen hoitoa", "häätöjen ehkäisyä", "päihdepalveluja", "mielenterveyspalveluja",
        "nuorten itsenäistymistä", "asumisneuvontaa", "palveluohjausta", "kotiin vietävää tukea", "vertaistukea",
        "työtoimintaa", "talousneuvontaa", "asukkaiden osallisuutta", "koulutuksia", "arviointikäytäntöjä",
        "tukiasumista", "yömajoitusta", "asumisvalmennusta", "jälkihuoltoa", "kriminaalihuollon yhteistyötä",
    ];
    private static readonly string[] Places =
    [
        "Helsingissä", "Tampereella", "Espoossa", "Vantaalla", "Turussa", "Lahdessa", "Porissa", "Oulussa", "Jyväskylässä",
        "Kuopiossa", "hyvinvointialueella", "asumisyksikössä", "kunnassa", "järjestössä", "verkostossa",
    ];
    private static readonly string[] Homelessness =
    [
        "asunnottomuus", "asunnottomuuden", "asunnottomuutta", "asunnottomille", "asunnottomien", "asunnottomuustyössä",
        "pitkäaikaisasunnottomuuden", "asunnottomaksi",
    ];
    private static readonly string[] Endings =
    [
        "yhdessä kumppaneiden kanssa.", "osana valtakunnallista ohjelmaa.", "Asunto ensin -periaatteen mukaisesti.",
        "ennen kuin tilanne kärjistyy.", "asiakkaan omassa kodissa.", "ja kerää palautetta.", "vuoden mittaisessa kokeilussa.",
    ];
    private static readonly string[] TitleWords =
    [
        "Opas", "Raportti", "Selvitys", "Malli", "Koulutusmateriaali", "Tiivistelmä", "Arviointi", "Käsikirja", "Suositus", "Katsaus",
    ];

    private static string Sentence(Random random, bool homeless) =>
        $"{Subjects[random.Next(Subjects.Length)]} {Verbs[random.Next(Verbs.Length)]} {Objects[random.Next(Objects.Length)]} " +
        (homeless && random.Next(2) == 0 ? Homelessness[random.Next(Homelessness.Length)] + " vuoksi " : "") +
        $"{Places[random.Next(Places.Length)]} {Endings[random.Next(Endings.Length)]}";

    /// <summary>Adds <paramref name="count"/> published materials, deterministic for a count; returns the first slugs (for page load).</summary>
    public static async Task<List<string>> SeedAsync(IServiceProvider services, int count, CancellationToken cancellationToken)
    {
        var random = new Random(2026);
        var db = services.GetRequiredService<YhdessaDb>();
        var themes = await db.EventThemes.Select(t => t.Id).ToListAsync(cancellationToken);
        var organisations = await db.Organisations.OrderBy(o => o.Id).Select(o => o.Id).Take(200).ToListAsync(cancellationToken);
        var types = Enum.GetValues<MaterialType>();
        var now = DateTimeOffset.UtcNow;
        var slugs = new List<string>();
        var batch = new List<Material>();
        for (var i = 1; i <= count; i++)
        {
            var homeless = random.Next(2) == 0;
            var body = string.Join("\n\n", Enumerable.Range(0, 3 + random.Next(4))
                .Select(_ => string.Join(" ", Enumerable.Range(0, 3 + random.Next(4)).Select(_ => Sentence(random, homeless)))));
            var title = $"{TitleWords[random.Next(TitleWords.Length)]}: {Objects[random.Next(Objects.Length)]} {Places[random.Next(Places.Length)]} {i}";
            var material = new Material
            {
                Slug = $"bench-{i}", Title = title, Summary = Sentence(random, homeless), Body = body,
                Type = types[random.Next(types.Length)], Language = "fi", Status = MaterialStatus.Published,
                PublicationDate = new DateOnly(2015 + random.Next(11), 1 + random.Next(12), 1 + random.Next(28)),
                Tags = [Objects[random.Next(Objects.Length)].Split(' ')[0]], Licence = "CC BY 4.0",
                CreatedAt = now, UpdatedAt = now, PublishedAt = now.AddMinutes(-i),
            };
            if (themes.Count > 0) material.Themes.Add(new MaterialThemeLink { ThemeId = themes[random.Next(themes.Count)] });
            if (organisations.Count > 0) material.Authors.Add(new MaterialAuthor { OrganisationId = organisations[random.Next(organisations.Count)] });
            batch.Add(material);
            if (slugs.Count < 1000) slugs.Add(material.Slug);
            if (batch.Count == 1000 || i == count)
            {
                db.Materials.AddRange(batch);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                batch.Clear();
            }
        }
        return slugs;
    }

    /// <summary>Publishes one material at a time the way the app does (save, then <see cref="MaterialCatalogue.SyncAsync"/>)
    /// and times until a search finds it by a word only it has; returns the times in milliseconds.</summary>
    public static async Task<List<double>> PublishToSearchableAsync(IServiceProvider root, int times, CancellationToken cancellationToken)
    {
        var result = new List<double>();
        for (var i = 0; i < times; i++)
        {
            using var scope = root.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<YhdessaDb>();
            var catalogue = scope.ServiceProvider.GetRequiredService<MaterialCatalogue>();
            var index = scope.ServiceProvider.GetRequiredService<MaterialIndex>();
            var word = "mittaussana" + (char)('a' + i % 26) + (char)('a' + i / 26);
            var material = new Material
            {
                Slug = $"bench-publish-{Guid.NewGuid():N}", Title = "Julkaisun mittaus " + word, Summary = "Mittaus.", Body = Sentence(new Random(i), true),
                Language = "fi", Type = MaterialType.Other, Status = MaterialStatus.Published, PublicationDate = DateOnly.FromDateTime(DateTime.UtcNow),
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, PublishedAt = DateTimeOffset.UtcNow,
            };
            var clock = Stopwatch.StartNew();
            db.Materials.Add(material);
            await db.SaveChangesAsync(cancellationToken);
            await catalogue.SyncAsync(material, cancellationToken);
            while ((await index.SearchAsync(new MaterialSearch(word), cancellationToken)).Total == 0) await Task.Delay(1, cancellationToken);
            result.Add(clock.Elapsed.TotalMilliseconds);
        }
        return result;
    }

    /// <summary>Keeps <paramref name="clients"/> requests in flight for <paramref name="duration"/>, cycling through
    /// <paramref name="paths"/>; prints "req/s p50 p95 p99 errors requests".</summary>
    public static async Task<int> LoadAsync(Uri baseAddress, string[] paths, int clients, TimeSpan duration, bool uncached)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30),
        };
        // As in bench/run.sh: the output cache neither serves nor stores a request with an Authorization header.
        if (uncached) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("x");
        var latencies = new List<double>[clients];
        var errors = 0;
        var next = -1;
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            latencies[c] = [];
            while (stop.Elapsed < duration)
            {
                var path = paths[(int)((uint)Interlocked.Increment(ref next) % paths.Length)];
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException) { Interlocked.Increment(ref errors); }
                catch (TaskCanceledException) { Interlocked.Increment(ref errors); }
                latencies[c].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double At(double q) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(q * all.Length))];
        Console.WriteLine($"{all.Length / stop.Elapsed.TotalSeconds:0} {At(0.50):0.0} {At(0.95):0.0} {At(0.99):0.0} {errors} {all.Length}");
        return errors == 0 ? 0 : 1;
    }
}
