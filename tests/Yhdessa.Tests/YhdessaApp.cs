using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Yhdessa.Tests;

public enum Engine { Sqlite, Postgres }

/// <summary>
/// The whole app on a database of its own, for the test classes of one collection. The database is a copy of a
/// migrated template (<see cref="TemplateDatabases"/>), so a host starts without running 60 migrations. Unlike
/// production: passwords are hashed cheaply (production cost is proven in Account/PasswordHashingTests), nothing
/// is logged to the console, the clock is a <see cref="ShiftableClock"/>, and the limits a person could hit by
/// submitting forms quickly are lifted (the tests of those limits set them on a host of their own).
/// </summary>
public class YhdessaApp(Engine engine, Action<IWebHostBuilder>? configure = null, bool demoData = false) : WebApplicationFactory<Program>
{
    public Engine Engine { get; } = engine;

    /// <summary>The app's clock: tests move it forward to let time pass.</summary>
    public ShiftableClock Clock { get; } = new();

    public readonly string DataDirectory =
        Path.Combine(Path.GetTempPath(), "yhdessa-tests", Guid.NewGuid().ToString("N"));

    private readonly string database = "yhdessa_test_" + Guid.NewGuid().ToString("N");
    private bool copied;

    /// <summary>The settings with which a separate process of the app (<see cref="AppProcess"/>) uses this host's database and
    /// data folder. The host must have started (its database is copied then).</summary>
    public IEnumerable<string> ProcessSettings()
    {
        yield return $"--Yhdessa:DataDirectory={DataDirectory}";
        if (Engine != Engine.Postgres) yield break;
        yield return "--Yhdessa:Database:Provider=Postgres";
        yield return $"--ConnectionStrings:Yhdessa={TemplateDatabases.Postgres(database)}";
    }

    /// <summary>Where the app keeps the files of the material bank.</summary>
    public string StoredFiles => Path.Combine(DataDirectory, "files", "materials");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Yhdessa:DataDirectory", DataDirectory);
        // A host made from this one by WithWebHostBuilder shares its database and data folder, but not the search
        // index: each running host keeps its index open (Lucene's write lock), so each builds one of its own.
        builder.UseSetting("Yhdessa:Materials:IndexDirectory", Path.Combine(DataDirectory, "search-" + Guid.NewGuid().ToString("N")));
        builder.UseSetting("Yhdessa:DemoData", demoData ? "true" : "false");
        builder.UseSetting("Yhdessa:BaseUrl", "https://yhdessa.test");
        builder.UseSetting("Yhdessa:Accounts:SessionCheckSeconds", "0");
        builder.UseSetting("Yhdessa:RateLimits:AccountPermitsPerMinute", "100000");
        builder.UseSetting("Yhdessa:RateLimits:RegistrationPermitsPerMinute", "100000");
        builder.UseSetting("Yhdessa:Needs:Visitors:PostsPerHour", "100000");
        builder.UseSetting("Yhdessa:Newsletter:RequestsPerHour", "100000");
        if (Engine == Engine.Postgres)
        {
            builder.UseSetting("Yhdessa:Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Yhdessa", TemplateDatabases.Postgres(database));
        }
        // A host made from this one by WithWebHostBuilder comes here too, and shares the copy.
        lock (DataDirectory)
        {
            if (!copied) TemplateDatabases.Copy(Engine, demoData, DataDirectory, database);
            copied = true;
        }
        builder.ConfigureLogging(logging => { logging.ClearProviders(); if (Environment.GetEnvironmentVariable("YHDESSA_TEST_LOG") is not null) logging.AddConsole(); });
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.Configure<PasswordHasherOptions>(hashing => hashing.IterationCount = 1);
        });
        // Background jobs run only in the tests about them (they set Yhdessa:Jobs:Enabled); the others call the
        // work directly when they need it, at the moment they choose.
        builder.UseSetting("Yhdessa:Jobs:Enabled", "false");
        configure?.Invoke(builder);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (DirectoryNotFoundException) { }
        if (Engine == Engine.Postgres && copied) await TemplateDatabases.DropPostgresAsync(database);
    }
}

public class SqliteApp() : YhdessaApp(Engine.Sqlite);

/// <summary>The app with its demo content, as a newcomer sees it after <c>dotnet run</c>.</summary>
public sealed class DemoSqliteApp() : YhdessaApp(Engine.Sqlite, demoData: true);
public sealed class DemoPostgresApp() : YhdessaApp(Engine.Postgres, demoData: true);

/// <summary>Runs against the PostgreSQL server that ./test.sh starts (YHDESSA_TEST_POSTGRES), on a database of its own.</summary>
public class PostgresApp() : YhdessaApp(Engine.Postgres);
