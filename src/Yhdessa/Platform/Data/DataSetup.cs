using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

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
            services.AddDbContext<YhdessaDb, PostgresYhdessaDb>(db => db.UseNpgsql(PostgresConnectionString(connectionString, options.Database)));
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

    /// <summary>
    /// The connection string with the pool size and the wait for a free connection from
    /// <c>Yhdessa:Database</c>. A value the connection string states itself wins: whoever wrote it there meant it
    /// for this server (e.g. behind a connection pooler that allows more).
    /// </summary>
    public static string PostgresConnectionString(string configured, PlatformOptions.DatabaseSection options)
    {
        var builder = new NpgsqlConnectionStringBuilder(configured);
        // NpgsqlConnectionStringBuilder answers ContainsKey for every keyword it knows, but writes back only the
        // values that were set, under their canonical keywords (Max Pool Size, MaxPoolSize → Maximum Pool Size).
        var stated = new DbConnectionStringBuilder { ConnectionString = builder.ConnectionString };
        if (!stated.ContainsKey("Maximum Pool Size")) builder.MaxPoolSize = options.MaxPoolSize;
        if (!stated.ContainsKey("Timeout")) builder.Timeout = options.ConnectionTimeoutSeconds;
        return builder.ConnectionString;
    }
}
