using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Platform.Data;

/// <summary>Brings the database up to date on start, and fills it with demo content once when asked to.</summary>
public static class DatabaseStartup
{
    public const string DemoDataSeed = "demo-data";

    public static async Task PrepareDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var options = services.GetRequiredService<IOptions<PlatformOptions>>().Value;
        var db = services.GetRequiredService<YhdessaDb>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Yhdessa.Database");

        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one writer writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        await db.Database.MigrateAsync(cancellationToken);

        foreach (var role in Roles.All)
        {
            var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }

        if (app.Environment.IsProduction())
        {
            if (options.DemoData)
                throw new InvalidOperationException("Yhdessa:DemoData must not be on in Production.");
            var normalized = DemoAccounts.All.Select(e => e.ToUpperInvariant()).ToList();
            if (await db.Users.AnyAsync(u => normalized.Contains(u.NormalizedEmail!), cancellationToken))
                throw new InvalidOperationException(
                    "A demo account exists in a Production database. Delete it before starting in Production.");
        }

        if (!options.DemoData || await db.Set<SeedRecord>().AnyAsync(s => s.Name == DemoDataSeed, cancellationToken))
            return;

        foreach (var demo in services.GetServices<IDemoData>().OrderBy(d => d.Order))
            await demo.SeedAsync(cancellationToken);
        db.Add(new SeedRecord { Name = DemoDataSeed, AppliedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo content added");
    }
}
