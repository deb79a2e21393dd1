using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Yhdessa.Platform.Data;

public static class DataSetup
{
    public static string ResolveDataDirectory(PlatformOptions options, string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(options.DataDirectory)
            ? options.DataDirectory
            : Path.Combine(contentRoot, options.DataDirectory));

    public static IServiceCollection AddPlatformData(this IServiceCollection services, IConfiguration configuration,
        PlatformOptions options, string contentRoot)
    {
        if (options.Database.Provider == DatabaseProvider.Postgres)
        {
            var connectionString = configuration.GetConnectionString("Yhdessa")
                ?? throw new InvalidOperationException(
                    "Yhdessa:Database:Provider is Postgres but ConnectionStrings:Yhdessa is not set.");
            services.AddDbContext<YhdessaDb, PostgresYhdessaDb>(db => db.UseNpgsql(connectionString));
        }
        else
        {
            var directory = ResolveDataDirectory(options, contentRoot);
            Directory.CreateDirectory(directory);
            var connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(directory, "yhdessa.db"),
                DefaultTimeout = 30,
            }.ToString();
            services.AddDbContext<YhdessaDb, SqliteYhdessaDb>(db => db.UseSqlite(connectionString));
        }
        return services;
    }
}
