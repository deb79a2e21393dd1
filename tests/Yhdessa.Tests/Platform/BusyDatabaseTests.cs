using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Yhdessa.Platform.Data;
using Yhdessa.Tests.Events;
using Yhdessa.Tests.Events.Registration;

namespace Yhdessa.Tests.Platform;

/// <summary>
/// When every connection of the pool is taken, people get a page in their language that asks them to try again
/// (503 with Retry-After) and programs a problem+json; the pool is as large as configured, or as the connection
/// string says. PostgreSQL only: SQLite has no pool of connections.
/// </summary>
public sealed class BusyDatabaseOnPostgres(TinyPoolApp app) : IClassFixture<TinyPoolApp>
{
    [Theory]
    [InlineData("fi", "Palvelu on ruuhkautunut", "Mitään ei tallennettu")]
    [InlineData("sv", "Tjänsten är överbelastad", "Inget sparades")]
    [InlineData("en", "The service is busy", "Nothing was saved")]
    public async Task With_every_connection_taken_a_page_answers_503_in_the_visitors_language_with_retry_after(
        string language, string title, string explanation)
    {
        var ev = await app.OpenEventAsync(capacity: 10);
        var client = app.CreateClient();

        HttpResponseMessage response;
        await using (await app.TakeFromPoolAsync(TinyPoolApp.PoolSize))
            response = await client.GetAsync($"/events/{ev.Slug}/register?culture={language}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(DatabaseBusy.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(title, page.QuerySelector("main h1")?.TextContent.Trim());
        Assert.StartsWith(title, page.Title);
        Assert.Contains(explanation, page.QuerySelector("main")!.TextContent);
        // The same page as every error: the site's header, navigation and a way back to the front page.
        Assert.NotNull(page.QuerySelector("header nav.main-nav"));
        Assert.NotNull(page.QuerySelector("main a[href='/']"));

        // Once connections are free again, the same page opens.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/events/{ev.Slug}/register?culture={language}")).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_member_whose_session_is_due_for_its_check_also_gets_the_503_page()
    {
        var ev = await app.OpenEventAsync(capacity: 10);
        var member = await app.SignedInAsync("kiireinen");
        // The session's periodic check against the account (Yhdessa:Accounts:SessionCheckSeconds) is due.
        app.Clock.Advance(TimeSpan.FromMinutes(2));

        HttpResponseMessage response;
        await using (await app.TakeFromPoolAsync(TinyPoolApp.PoolSize))
            response = await member.Client.GetAsync($"/events/{ev.Slug}/register?culture=en");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(DatabaseBusy.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("The service is busy", page.QuerySelector("main h1")?.TextContent.Trim());
        // The session was not ended by the busy database: once it is free, the member is still signed in.
        Assert.Equal(HttpStatusCode.OK, (await member.Client.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task With_every_connection_taken_the_api_answers_problem_json_503_with_retry_after()
    {
        var client = app.CreateClient();

        HttpResponseMessage response;
        await using (await app.TakeFromPoolAsync(TinyPoolApp.PoolSize))
            response = await client.GetAsync("/api/v1/events?pageSize=3");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(DatabaseBusy.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Palvelu on ruuhkautunut", problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_configured_pool_size_and_wait_are_applied_and_one_free_connection_is_enough()
    {
        var settings = new NpgsqlConnectionStringBuilder(app.ConnectionString());
        Assert.Equal(TinyPoolApp.PoolSize, settings.MaxPoolSize);
        Assert.Equal(1, settings.Timeout);
        var ev = await app.OpenEventAsync(capacity: 10);

        await using (await app.TakeFromPoolAsync(TinyPoolApp.PoolSize - 1))
            Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync($"/events/{ev.Slug}/register")).StatusCode);
    }

    [Fact]
    public async Task When_the_server_refuses_more_connections_a_page_answers_503_with_retry_after()
    {
        var ev = await app.OpenEventAsync(capacity: 10);
        // The app signs in as a role the server allows two connections; the server refuses a third (53300), as it
        // does when all of max_connections are in use.
        var role = "yhdessa_limited_" + Guid.NewGuid().ToString("N")[..12];
        await using var admin = await app.OpenBesidePoolAsync();
        await ExecuteAsync(admin, $"CREATE ROLE {role} LOGIN CONNECTION LIMIT 2; GRANT ALL ON SCHEMA public TO {role}; " +
            $"GRANT ALL ON ALL TABLES IN SCHEMA public TO {role}; GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {role};");
        var asRole = new NpgsqlConnectionStringBuilder(app.ConnectionString()) { Username = role, MaxPoolSize = 10 }.ConnectionString;
        try
        {
            HttpResponseMessage response;
            await using (var limited = app.WithWebHostBuilder(builder => builder.UseSetting("ConnectionStrings:Yhdessa", asRole)))
            {
                var client = limited.CreateClient();
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/events/{ev.Slug}/register?culture=sv")).StatusCode);
                // Other programs of the same role take both of its connections; the app's idle ones are closed.
                NpgsqlConnection.ClearPool(new NpgsqlConnection(limited.ConnectionString()));
                await using var others = new HeldConnections();
                for (var i = 0; i < 2; i++)
                {
                    others.Connections.Add(new NpgsqlConnection(new NpgsqlConnectionStringBuilder(asRole) { Pooling = false }.ConnectionString));
                    await others.Connections[i].OpenAsync();
                }
                response = await client.GetAsync($"/events/{ev.Slug}/register?culture=sv");
                NpgsqlConnection.ClearPool(new NpgsqlConnection(limited.ConnectionString()));
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(DatabaseBusy.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
            var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            Assert.Equal("Tjänsten är överbelastad", page.QuerySelector("main h1")?.TextContent.Trim());
        }
        finally
        {
            await ExecuteAsync(admin, $"DROP OWNED BY {role}; DROP ROLE {role};");
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_pool_size_stated_in_the_connection_string_wins_over_the_setting()
    {
        var stated = new NpgsqlConnectionStringBuilder(app.ConnectionString()) { MaxPoolSize = TinyPoolApp.PoolSize + 2 };
        stated.Remove("Timeout");
        await using var wider = app.WithWebHostBuilder(builder => builder.UseSetting("ConnectionStrings:Yhdessa", stated.ConnectionString));

        var settings = new NpgsqlConnectionStringBuilder(wider.ConnectionString());
        Assert.Equal(TinyPoolApp.PoolSize + 2, settings.MaxPoolSize);
        // The wait is not in the connection string, so the setting's one second still holds.
        Assert.Equal(1, settings.Timeout);
        var ev = await app.OpenEventAsync(capacity: 10);
        await using (await wider.TakeFromPoolAsync(TinyPoolApp.PoolSize))
            Assert.Equal(HttpStatusCode.OK, (await wider.CreateClient().GetAsync($"/events/{ev.Slug}/register")).StatusCode);
    }
}

/// <summary>Which failures mean "the database is busy, try again", and how the pool's settings meet the connection string.</summary>
public sealed class DatabaseBusyRules
{
    private static readonly PlatformOptions.DatabaseSection Defaults = new();

    public static TheoryData<Exception> Busy => new()
    {
        new PostgresException("sorry, too many clients already", "FATAL", "FATAL", PostgresErrorCodes.TooManyConnections),
        new PostgresException("the database system is starting up", "FATAL", "FATAL", PostgresErrorCodes.CannotConnectNow),
        new NpgsqlException("The connection pool has been exhausted", new TimeoutException()),
        new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)),
        // As EF and the framework hand them on.
        new DbUpdateException("An error occurred while saving the entity changes.",
            new PostgresException("remaining connection slots are reserved", "FATAL", "FATAL", PostgresErrorCodes.TooManyConnections)),
        new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
            new NpgsqlException("The connection pool has been exhausted", new TimeoutException())),
        new AggregateException(new InvalidOperationException("other"), new NpgsqlException("Exception while connecting", new TimeoutException())),
    };

    public static TheoryData<Exception> NotBusy => new()
    {
        new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation),
        new DbUpdateException("An error occurred while saving the entity changes.",
            new PostgresException("division by zero", "ERROR", "ERROR", PostgresErrorCodes.DivisionByZero)),
        new NpgsqlException("Exception while reading from stream", new IOException("connection reset")),
        new InvalidOperationException("Sequence contains no elements"),
        new TimeoutException(),
    };

    [Theory]
    [MemberData(nameof(Busy))]
    public void A_database_that_cannot_take_the_request_now_is_busy(Exception exception) => Assert.True(DatabaseBusy.Is(exception));

    [Theory]
    [MemberData(nameof(NotBusy))]
    public void Other_failures_are_not_busy(Exception exception) => Assert.False(DatabaseBusy.Is(exception));

    [Fact]
    public void Without_a_stated_pool_size_the_defaults_apply()
    {
        var settings = new NpgsqlConnectionStringBuilder(DataSetup.PostgresConnectionString("Host=db;Database=yhdessa", Defaults));
        Assert.Equal(25, settings.MaxPoolSize);
        Assert.Equal(10, settings.Timeout);
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=60;Timeout=3")]
    [InlineData("Host=db;maximum pool size=60;timeout=3")]
    [InlineData("Host=db;MaxPoolSize=60;TIMEOUT=3")]
    public void A_value_stated_in_the_connection_string_wins_in_any_spelling(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(DataSetup.PostgresConnectionString(connectionString,
            new PlatformOptions.DatabaseSection { MaxPoolSize = 5, ConnectionTimeoutSeconds = 20 }));
        Assert.Equal(60, settings.MaxPoolSize);
        Assert.Equal(3, settings.Timeout);
    }
}
