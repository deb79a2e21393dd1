using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Yhdessa.Platform;
using Yhdessa.Platform.Data;

namespace Yhdessa.Bench;

/// <summary>
/// Fills a fresh database for bench/run.sh through the app's own setup: the same configuration keys
/// (<c>--Yhdessa:DataDirectory=…</c>, <c>--Yhdessa:Database:Provider=…</c>), migrations and entities
/// as the app, so the benchmark measures the schema and indexes that production has.
/// Usage: <c>dotnet run --project bench/Yhdessa.Bench -- --Yhdessa:DataDirectory=/tmp/x --Bench:Organisations=1000</c>
/// </summary>
public static class BenchData
{
    public static async Task<int> Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            EnvironmentName = Environments.Production,
        });
        builder.AddPlatform();
        // Only problems: the migration's SQL would bury the one line this tool prints.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = builder.Build();
        await app.PrepareDatabaseAsync();

        var wanted = builder.Configuration.GetValue("Bench:Organisations", 1000);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<YhdessaDb>();
        var added = await SeedOrganisationsAsync(db, wanted, CancellationToken.None);
        Console.WriteLine($"Benchmark data: database migrated, {added} of {wanted} organisations added.");
        return 0;
    }

    /// <summary>
    /// Adds <paramref name="count"/> published organisations for the directory page /network/organisations
    /// and returns how many it added.
    /// </summary>
    private static Task<int> SeedOrganisationsAsync(YhdessaDb db, int count, CancellationToken cancellationToken)
    {
        // TODO(lead, after merging the Network feature): the only missing piece of the benchmark.
        // Add `count` Organisation entities the way a coordinator would publish them (varied Finnish
        // names such as $"Asumisyksikkö {i}", municipalities spread over ~40 values, a description of a
        // few hundred characters with ä/ö, published/visible to anonymous readers), in batches of ~200
        // with db.AddRange + SaveChangesAsync(cancellationToken), and return `count`. bench/run.sh
        // then measures /network/organisations instead of skipping it.
        return Task.FromResult(0);
    }
}
