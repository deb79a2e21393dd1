using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Yhdessa.Features.Account;
using Yhdessa.Features.Communication;
using Yhdessa.Features.Events;
using Yhdessa.Features.Materials;
using Yhdessa.Features.Monitoring;
using Yhdessa.Features.Needs;
using Yhdessa.Features.Network;
using Yhdessa.Features.Network.Data;
using Yhdessa.Features.Surveys;
using Yhdessa.Platform;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Places;
using Yhdessa.Platform.Text;

namespace Yhdessa.Bench;

/// <summary>
/// Fills a fresh database for bench/run.sh through the app's own setup: the same configuration keys
/// (<c>--Yhdessa:DataDirectory=…</c>, <c>--Yhdessa:Database:Provider=…</c>), migrations and entities
/// as the app, so the benchmark measures the schema and indexes that production has.
/// Usage: <c>dotnet run --project bench/Yhdessa.Bench -- --Yhdessa:DataDirectory=/tmp/x --Bench:Organisations=1000</c>;
/// bench/events.sh adds <c>--Bench:Events=5000</c> (events, see <see cref="BenchEvents"/>), and later runs the registration
/// load against the running app with <c>--Bench:Register=http://…</c> (see <see cref="RegistrationLoad"/>). bench/needs.sh
/// adds <c>--Bench:Needs=10000</c> and the sizes beside it (see <see cref="NeedsBench"/>), later writes members' sessions
/// with <c>--Bench:Sessions=FILE</c> and has them support one need with <c>--Bench:Support=http://…</c> (see <see cref="NeedsSupportLoad"/>).
/// bench/newsletter.sh adds <c>--Bench:Subscribers=50000</c> (see <see cref="NewsletterBench"/>). bench/workspaces.sh adds
/// <c>--Bench:Workspaces=500</c> and the sizes beside it, and later writes participants' sessions with
/// <c>--Bench:WorkspaceSessions=FILE</c> (see <see cref="WorkspacesBench"/>).
/// </summary>
public static class BenchData
{
    public static async Task<int> Main(string[] args)
    {
        // Load mode: bench/materials.sh runs it against the started app; no database of its own.
        if (args.Length >= 1 && args[0] == "load")
        {
            // load BASE CLIENTS SECONDS cached|uncached FILE-OF-PATHS
            return await MaterialBench.LoadAsync(new Uri(args[1]), await File.ReadAllLinesAsync(args[5]), int.Parse(args[2]),
                TimeSpan.FromSeconds(int.Parse(args[3])), args[4] == "uncached");
        }
        // Monitoring import (bench/monitoring-import.sh): write the file, or import it into the started app.
        if (args.Length >= 1 && args[0] == "import-file")
        {
            // import-file PATH ROWS
            MonitoringImportBench.WriteFile(args[1], int.Parse(args[2]));
            return 0;
        }
        if (args.Length >= 1 && args[0] == "import")
        {
            // import BASE AUTHENTICATOR-KEY ROUND UNIT FILE
            return await MonitoringImportBench.ImportAsync(new Uri(args[1]), args[2], int.Parse(args[3]), int.Parse(args[4]), args[5]);
        }
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            EnvironmentName = Environments.Production,
        });
        builder.AddPlatform();
        builder.AddAccounts();
        builder.AddNetwork();
        builder.AddEvents();
        builder.AddSurveys();
        builder.AddMaterials();
        builder.AddNeeds();
        builder.AddMonitoring();
        builder.AddCommunication();
        // Only problems: the migration's SQL would bury the one line this tool prints.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = builder.Build();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<YhdessaDb>();
        var config = builder.Configuration;
        if (config["Bench:Register"] is { } baseUrl)
            return await RegistrationLoad.RunAsync(db, baseUrl, config.GetValue("Bench:Attempts", 2000),
                config.GetValue("Bench:Seats", 500), config.GetValue("Bench:Concurrency", 128));
        if (config["Bench:WorkspaceSessions"] is { } workspaceSessions)
            return await WorkspacesBench.WriteSessionsAsync(scope.ServiceProvider, config.GetValue("Bench:SessionCount", 1000), workspaceSessions);
        if (config["Bench:Sessions"] is { } sessionFile)
            return await NeedsSupportLoad.WriteSessionsAsync(scope.ServiceProvider, config.GetValue("Bench:SessionCount", 1000), sessionFile);
        if (config["Bench:Support"] is { } supportBase)
            return await NeedsSupportLoad.RunAsync(db, supportBase, config.GetValue<int>("Bench:SupportNeed"),
                config["Bench:SessionFile"] ?? "sessions.txt", config.GetValue("Bench:Concurrency", 1000));

        await app.PrepareDatabaseAsync();
        var wanted = builder.Configuration.GetValue("Bench:Organisations", 1000);
        var added = await SeedOrganisationsAsync(db, wanted, CancellationToken.None);
        Console.WriteLine($"Benchmark data: database migrated, {added} of {wanted} organisations added.");

        var materials = builder.Configuration.GetValue("Bench:Materials", 0);
        if (materials > 0)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var slugs = await MaterialBench.SeedAsync(scope.ServiceProvider, materials, CancellationToken.None);
            Console.WriteLine($"Materials: {materials} added to the database in {clock.Elapsed.TotalSeconds:0.0} s.");
            await File.WriteAllLinesAsync(builder.Configuration["Bench:SlugFile"] ?? "material-slugs.txt", slugs.Select(s => "/materials/" + s));
            clock.Restart();
            var indexed = await app.Services.GetRequiredService<Yhdessa.Features.Materials.Search.MaterialIndex>().CountAsync();
            Console.WriteLine($"Index built from the database: {indexed} materials in {clock.Elapsed.TotalSeconds:0.0} s.");
            var times = (await MaterialBench.PublishToSearchableAsync(app.Services, 20, CancellationToken.None)).Order().ToList();
            Console.WriteLine($"Publish to searchable (save, index, found by search), 20 times: median {times[10]:0} ms, max {times[^1]:0} ms.");
        }
        if (config.GetValue("Bench:ImportSetup", false))
            Console.WriteLine("Import setup: " + await MonitoringImportBench.SeedAsync(scope.ServiceProvider));
        if (config.GetValue("Bench:Events", 0) is > 0 and var events)
        {
            await BenchEvents.SeedAsync(db, events, config.GetValue("Bench:Seats", 500), CancellationToken.None);
            Console.WriteLine($"Benchmark data: {events} events and the registration event added.");
        }
        if (config.GetValue("Bench:Needs", 0) is > 0 and var needs)
        {
            var size = new NeedsBench.Size(needs, config.GetValue("Bench:Supports", 200_000), config.GetValue("Bench:Members", 20_000),
                config.GetValue("Bench:Feedback", 50_000), config.GetValue("Bench:NeedMaterials", 300), config.GetValue("Bench:NeedIndexes", false));
            await NeedsBench.SeedAsync(scope.ServiceProvider, size, config["Bench:Out"] ?? ".", CancellationToken.None);
        }
        if (config.GetValue("Bench:Workspaces", 0) is > 0 and var workspaces)
        {
            var size = new WorkspacesBench.Size(workspaces, config.GetValue("Bench:Participants", 20_000), config.GetValue("Bench:People", 12_000),
                config.GetValue("Bench:Actions", 50_000), config.GetValue("Bench:Memos", 10_000), config.GetValue("Bench:WorkspaceNeeds", 300));
            await WorkspacesBench.SeedAsync(scope.ServiceProvider, size, config["Bench:Out"] ?? ".", CancellationToken.None);
        }
        if (config.GetValue("Bench:Subscribers", 0) is > 0 and var subscribers)
            return await NewsletterBench.SeedAsync(scope.ServiceProvider, subscribers, config["Bench:Out"] ?? ".", CancellationToken.None);
        return 0;
    }

    /// <summary>
    /// Adds <paramref name="count"/> organisations for the directory page /network/organisations and returns how
    /// many it added. Every organisation is public (the entity has no draft state). Deterministic: the same count
    /// gives the same rows, so runs on different days measure the same data.
    /// </summary>
    private static async Task<int> SeedOrganisationsAsync(YhdessaDb db, int count, CancellationToken cancellationToken)
    {
        var random = new Random(2026);
        var municipalities = new Municipalities();
        // About forty real municipalities: the big cities first (Helsinki gets a quarter of all rows, as in the
        // real network), then others drawn from the reference list.
        string[] cities = ["091", "049", "092", "837", "564", "853", "179", "398", "297", "609", "405", "167", "905", "698", "109"];
        var others = municipalities.All.Select(m => m.Code).Except(cities).OrderBy(_ => random.Next()).Take(25);
        var codes = cities.Concat(others).ToArray();
        foreach (var code in codes)
            if (municipalities.Find(code) is null) throw new InvalidOperationException($"Municipality {code} is not in the reference list.");

        string[] first = ["Koivu", "Kuusi", "Mänty", "Pihlaja", "Vaahtera", "Kataja", "Leppä", "Haapa", "Tammi", "Saarni",
            "Ruska", "Aamu", "Ilta", "Kaste", "Usva", "Lumi", "Meri", "Järvi", "Ranta", "Niitty", "Kallio", "Harju",
            "Lähde", "Puro", "Virta", "Silta", "Polku", "Tähti", "Kivi", "Sammal", "Kanerva", "Lehto"];
        string[] second = ["koti", "tupa", "pesä", "rinne", "kartano", "piha", "kulma", "talo", "kumpu", "niemi", "mäki", "lahti"];
        string[] themes = ["asunnottomuustyötä", "tuettua asumista", "päihde- ja mielenterveystyötä", "asumisneuvontaa",
            "nuorten asumisen tukea", "vertaistukea", "kokemusasiantuntijuutta", "työllisyyspalveluja", "velkaneuvontaa",
            "naiserityistä asumistyötä", "maahan muuttaneiden asumisen tukea", "jalkautuvaa sosiaalityötä"];
        string[] sentences = [
            "Toimimme läheisessä yhteistyössä kunnan, hyvinvointialueen ja järjestöjen kanssa.",
            "Asukkaat ja kokemusasiantuntijat osallistuvat palvelujen kehittämiseen alusta lähtien.",
            "Työmme perustuu Asunto ensin -periaatteeseen: oma koti on edellytys muulle kuntoutumiselle.",
            "Järjestämme säännöllisesti koulutuksia, työpajoja ja vertaisarviointeja ammattilaisille.",
            "Tavoitteemme on, ettei kenenkään tarvitse elää ilman vakituista asuntoa.",
            "Ylläpidämme tukiasuntoja ja tarjoamme asumisohjausta myös yöaikaan.",
            "Tuotamme tietoa asunnottomuuden syistä ja ennaltaehkäisyn keinoista päätöksenteon tueksi.",
        ];

        var now = DateTimeOffset.UtcNow;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var slugs = new HashSet<string>(await db.Organisations.Select(o => o.Slug).ToListAsync(cancellationToken));
        var batch = new List<Organisation>();
        var added = 0;
        while (added < count)
        {
            var stem = first[random.Next(first.Length)] + second[random.Next(second.Length)]; // "Koivukoti"
            var kind = random.Next(20);
            // About a quarter are foundations, so that a search for "säätiö" finds a few hundred.
            (string fi, string? sv, string? en, Sector sector) = kind switch
            {
                < 5 => (stem + "säätiö", "Stiftelsen " + stem, stem + " Foundation", Sector.Ngo),
                < 10 => (stem + " ry", stem + " rf", null, Sector.Ngo),
                < 13 => ("Asumisyksikkö " + stem, null, stem + " Housing Unit", Sector.City),
                < 15 => ("Hyvinvointialueen asumispalvelut, " + stem, "Välfärdsområdets boendetjänster, " + stem, null, Sector.WellbeingCounty),
                16 => ("Tutkimuskeskus " + stem, "Forskningscentret " + stem, stem + " Research Centre", Sector.Research),
                17 => ("Valtion aluetoimisto " + stem, null, null, Sector.State),
                _ => (stem + " Oy", stem + " Ab", null, Sector.Other),
            };
            if (!names.Add(fi)) { fi += " " + (names.Count + 1); names.Add(fi); }
            // Some have only a Finnish name, as many small associations do.
            if (random.Next(3) == 0) { sv = null; en = null; }

            var slug = Slugs.FromName(fi);
            for (var n = 2; !slugs.Add(slug); n++) slug = $"{Slugs.FromName(fi)}-{n}";
            // A few work nationwide and name no municipality.
            var municipality = random.Next(25) == 0 ? null : municipalities.Find(random.Next(4) == 0 ? "091" : codes[random.Next(codes.Length)]);
            var where = municipality is null ? "koko Suomessa" : $"kotikuntanaan {municipality.NameFi} ({municipality.RegionFi})";
            var description = $"{fi} tekee {themes[random.Next(themes.Length)]} {where}. " +
                string.Join(' ', sentences.OrderBy(_ => random.Next()).Take(3)) + "\n\n" + sentences[random.Next(sentences.Length)];
            var organisation = new Organisation
            {
                Slug = slug, Sector = sector, MunicipalityCode = municipality?.Code,
                Website = random.Next(2) == 0 ? $"https://{slug}.example.fi" : null,
                Description = description, CreatedAt = now, UpdatedAt = now,
            };
            organisation.SetNames(fi, sv, en);
            batch.Add(organisation);
            added++;
            if (batch.Count == 200 || added == count)
            {
                db.Organisations.AddRange(batch);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                batch.Clear();
            }
        }
        return added;
    }
}
