using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Yhdessa.Tests.Support;

/// <summary>
/// A migrated database per engine (and one with the demo content), made once per test run by starting the app on
/// it; every test host then starts on a copy: SQLite's file copied, PostgreSQL's <c>CREATE DATABASE … TEMPLATE</c>.
/// Copying takes milliseconds where migrating took seconds of each host's start (docs/decisions.md).
/// </summary>
public static class TemplateDatabases
{
    private static readonly string Run = Guid.NewGuid().ToString("N")[..12];
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "yhdessa-tests", "templates-" + Run);
    private static readonly ConcurrentDictionary<(Engine, bool), Lazy<Template>> Templates = new();
    // PostgreSQL refuses to copy a database that another CREATE DATABASE is copying at the same moment.
    private static readonly SemaphoreSlim PostgresCopies = new(1, 1);

    public static string PostgresServer => Environment.GetEnvironmentVariable("YHDESSA_TEST_POSTGRES")
        ?? throw new InvalidOperationException("Run the tests with ./test.sh: it starts PostgreSQL and sets YHDESSA_TEST_POSTGRES.");

    public static string Postgres(string database) => $"{PostgresServer};Database={database}";

    /// <summary>Puts a copy of the template in place: the SQLite file in <paramref name="dataDirectory"/>, or the
    /// PostgreSQL database <paramref name="database"/>.</summary>
    public static void Copy(Engine engine, bool demoData, string dataDirectory, string database)
    {
        var template = Templates.GetOrAdd((engine, demoData),
            key => new Lazy<Template>(() => Task.Run(() => CreateAsync(key.Item1, key.Item2)).GetAwaiter().GetResult())).Value;
        // The files the content refers to (the demo materials' documents) come along; the search index is built anew.
        // (A template on PostgreSQL without stored files may have no folder at all.)
        var files = Directory.Exists(template.DataDirectory)
            ? Directory.EnumerateFiles(template.DataDirectory, "*", SearchOption.AllDirectories)
            : [];
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(template.DataDirectory, file);
            if (relative.StartsWith("search") || relative.StartsWith("yhdessa.db-")) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dataDirectory, relative))!);
            File.Copy(file, Path.Combine(dataDirectory, relative));
        }
        if (engine == Engine.Sqlite) return;
        Task.Run(async () =>
        {
            await PostgresCopies.WaitAsync();
            try { await ExecuteAsync($"CREATE DATABASE \"{database}\" TEMPLATE \"{template.Database}\" STRATEGY FILE_COPY"); }
            finally { PostgresCopies.Release(); }
        }).GetAwaiter().GetResult();
    }

    public static async Task DropPostgresAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    private static async Task<Template> CreateAsync(Engine engine, bool demoData)
    {
        // Each engine's template has a folder of its own: two template apps writing one folder at once would mix
        // their files, and a PostgreSQL template's folder is missing until something is stored in it.
        var name = $"yhdessa_template_{Run}_{engine.ToString().ToLowerInvariant()}_{(demoData ? "demo" : "empty")}";
        var dataDirectory = Path.Combine(Folder, name);
        if (engine == Engine.Postgres) await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        await using (var app = new TemplateApp(engine, dataDirectory, Postgres(name), demoData))
            _ = app.Services; // starting the app migrates the database and adds the roles (and the demo content)
        if (engine == Engine.Postgres)
        {
            // A template must have no connections when it is copied.
            NpgsqlConnection.ClearAllPools();
            return new Template(dataDirectory, name);
        }
        SqliteConnection.ClearAllPools();
        var file = Path.Combine(dataDirectory, "yhdessa.db");
        // Everything written is in the main file once the write-ahead log is checkpointed.
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }
        return new Template(dataDirectory, name);
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The template's data folder (its SQLite file and stored files) and its PostgreSQL database.</summary>
    private sealed record Template(string DataDirectory, string Database);

    /// <summary>The app as a test host sees it, on the template itself.</summary>
    private sealed class TemplateApp(Engine engine, string dataDirectory, string postgres, bool demoData) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Yhdessa:DataDirectory", dataDirectory);
            builder.UseSetting("Yhdessa:DemoData", demoData ? "true" : "false");
            builder.UseSetting("Yhdessa:BaseUrl", "https://yhdessa.test");
            builder.UseSetting("Yhdessa:Jobs:Enabled", "false");
            if (engine == Engine.Postgres)
            {
                builder.UseSetting("Yhdessa:Database:Provider", "Postgres");
                builder.UseSetting("ConnectionStrings:Yhdessa", postgres);
            }
            builder.ConfigureLogging(logging => logging.ClearProviders());
            // The demo accounts' passwords are hashed as in the test hosts.
            builder.ConfigureTestServices(services => services.Configure<PasswordHasherOptions>(hashing => hashing.IterationCount = 1));
        }
    }
}
