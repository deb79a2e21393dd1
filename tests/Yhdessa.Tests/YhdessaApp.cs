using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Yhdessa.Tests;

/// <summary>The whole app on a fresh, empty database of its own, without demo content.
/// Each HTTP test class runs once on each engine (see <see cref="SqliteApp"/> and <see cref="PostgresApp"/>).</summary>
public abstract class YhdessaApp : WebApplicationFactory<Program>
{
    protected readonly string DataDirectory =
        Path.Combine(Path.GetTempPath(), "yhdessa-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Yhdessa:DataDirectory", DataDirectory);
        // A host made from this one by WithWebHostBuilder shares its database and data folder, but not the search
        // index: each running host keeps its index open (Lucene's write lock), so each builds one of its own.
        builder.UseSetting("Yhdessa:Materials:IndexDirectory", Path.Combine(DataDirectory, "search-" + Guid.NewGuid().ToString("N")));
        builder.UseSetting("Yhdessa:DemoData", "false");
        builder.UseSetting("Yhdessa:BaseUrl", "https://yhdessa.test");
        // Background jobs run only in the tests about them (they set Yhdessa:Jobs:Enabled); the others call the
        // work directly when they need it, at the moment they choose.
        builder.UseSetting("Yhdessa:Jobs:Enabled", "false");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (DirectoryNotFoundException) { }
    }
}

public class SqliteApp : YhdessaApp;

/// <summary>Runs against the PostgreSQL server that ./test.sh starts (YHDESSA_TEST_POSTGRES), on a database of its own.</summary>
public class PostgresApp : YhdessaApp
{
    private readonly string database = "yhdessa_test_" + Guid.NewGuid().ToString("N");

    private static string PostgresServer => Environment.GetEnvironmentVariable("YHDESSA_TEST_POSTGRES")
        ?? throw new InvalidOperationException("Run the tests with ./test.sh: it starts PostgreSQL and sets YHDESSA_TEST_POSTGRES.");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Yhdessa:Database:Provider", "Postgres");
        builder.UseSetting("ConnectionStrings:Yhdessa", $"{PostgresServer};Database={database}");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
