using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace Yhdessa.Tests.Bench;

[Collection("Bench on SQLite")]
public sealed class BenchEndpointOnSqlite(SqliteApp app) : BenchEndpointTests(app);
[Collection("Bench on PostgreSQL")]
public sealed class BenchEndpointOnPostgres(PostgresApp app) : BenchEndpointTests(app);

/// <summary>The benchmark's plaintext yardstick exists only when the benchmark switches it on.</summary>
public abstract class BenchEndpointTests(YhdessaApp app)
{
    [Fact]
    public async Task Plaintext_endpoint_is_not_there_by_default()
    {
        var response = await app.CreateClient().GetAsync("/bench/plaintext");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Plaintext_endpoint_answers_anonymously_when_switched_on()
    {
        using var bench = app.WithWebHostBuilder(builder => builder.UseSetting("Yhdessa:Bench:Plaintext", "true"));

        var response = await bench.CreateClient().GetAsync("/bench/plaintext");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello, World!", await response.Content.ReadAsStringAsync());
    }
}
