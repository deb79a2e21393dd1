using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Yhdessa.Platform.Data;
using Yhdessa.Tests.Events.Registration;

namespace Yhdessa.Tests.Platform;

/// <summary>The app on PostgreSQL with a pool of two connections and a one-second wait for a free one, so that a few
/// requests at once use up its connections. The connection pool is PostgreSQL's concern: SQLite has no pool.</summary>
public sealed class TinyPoolApp : PostgresApp
{
    public const int PoolSize = 2;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Yhdessa:Database:MaxPoolSize", PoolSize.ToString());
        builder.UseSetting("Yhdessa:Database:ConnectionTimeoutSeconds", "1");
    }
}

/// <summary>TEST HELPER: the connection string a running app uses, and connections taken from its pool or beside it.</summary>
public static class PoolTaking
{
    /// <summary>The connection string the app's database context really uses, settings applied.</summary>
    public static string ConnectionString(this WebApplicationFactory<Program> app)
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<YhdessaDb>().Database.GetConnectionString()!;
    }

    /// <summary>Takes <paramref name="count"/> connections of the app's own pool (Npgsql pools by connection string)
    /// until disposed, as long requests would.</summary>
    public static async Task<HeldConnections> TakeFromPoolAsync(this WebApplicationFactory<Program> app, int count)
    {
        var connectionString = app.ConnectionString();
        var held = new HeldConnections();
        for (var i = 0; i < count; i++)
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            held.Connections.Add(connection);
        }
        return held;
    }

    /// <summary>A connection to the app's database outside its pool.</summary>
    public static async Task<NpgsqlConnection> OpenBesidePoolAsync(this YhdessaApp app)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(app.ConnectionString()) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}

public sealed class HeldConnections : IAsyncDisposable
{
    public List<NpgsqlConnection> Connections { get; } = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in Connections) await connection.DisposeAsync();
    }
}
