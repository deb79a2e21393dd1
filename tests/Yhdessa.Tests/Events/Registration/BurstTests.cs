using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Tests.Platform;

namespace Yhdessa.Tests.Events.Registration;

/// <summary>
/// A burst of registrations that uses up the app's PostgreSQL connections: those who get no connection in time are
/// told to try again (503 with Retry-After, never a 500), and the seats stay exact. PostgreSQL only: the pool of
/// connections is PostgreSQL's; SQLite has none (its exact seats under many registrations: <see cref="ConcurrencyTests"/>).
/// </summary>
public sealed class BurstOnPostgres(TinyPoolApp app) : IClassFixture<TinyPoolApp>
{
    private const int Guests = 60;
    private const int Seats = 5;

    [Fact]
    public async Task Registrations_that_get_no_connection_answer_503_with_retry_after_take_no_seat_and_succeed_when_tried_again()
    {
        var ev = await app.OpenEventAsync(capacity: Seats, settings: new EventRegistrationSettings());
        var parser = new HtmlParser();
        // Each guest first loads the form (its own antiforgery cookie and token), one after another as people arrive.
        var guests = new List<(HttpClient Client, string Token, int Number)>();
        for (var i = 1; i <= Guests; i++)
        {
            var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            var form = parser.ParseDocument(await client.GetStringAsync($"/events/{ev.Slug}/register"));
            guests.Add((client, form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value, i));
        }
        string Email(int number) => $"ruuhka.{number}.{ev.Id}@example.fi";
        Task<HttpResponseMessage> Register((HttpClient Client, string Token, int Number) guest) =>
            guest.Client.PostAsync($"/events/{ev.Slug}/register", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = guest.Token, ["Input.Name"] = $"Ruuhka {guest.Number}",
                ["Input.Email"] = Email(guest.Number), ["Input.OrganisationName"] = $"Organisaatio {guest.Number}",
            }));

        // Until a registration waits for it, the event's lock is held from outside the pool, as a long change by a
        // coordinator would, and another long request holds one of the pool's two connections. The registration whose
        // turn it is waits for the lock on the other; the rest of the burst queues for its turn or for a connection.
        await using var coordinator = await app.OpenBesidePoolAsync();
        await using var change = await coordinator.BeginTransactionAsync();
        await using (var lockEvent = new NpgsqlCommand(
            "SELECT 1 FROM \"EventRegistrationSettings\" WHERE \"EventId\" = @id FOR UPDATE", coordinator, change))
        {
            lockEvent.Parameters.AddWithValue("id", ev.Id);
            await lockEvent.ExecuteNonQueryAsync();
        }
        var longRequest = await app.TakeFromPoolAsync(1);
        using var start = new SemaphoreSlim(0);
        var posts = guests.Select(async guest => { await start.WaitAsync(); return (guest, response: await Register(guest)); }).ToList();
        start.Release(Guests);
        await using (var watcher = await app.OpenBesidePoolAsync())
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            await using var waiting = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", watcher);
            while ((long)(await waiting.ExecuteScalarAsync())! == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "No registration came to wait for the event's lock");
                await Task.Delay(50);
            }
        }
        await change.RollbackAsync();
        await longRequest.DisposeAsync();
        var answers = await Task.WhenAll(posts);

        Assert.All(answers, a => Assert.True(a.response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.ServiceUnavailable,
            $"{Email(a.guest.Number)}: {(int)a.response.StatusCode}"));
        // How many find no connection depends on timing (registrations of one event wait their turn in memory, and
        // only the other requests of the burst need a connection while they wait); BusyDatabaseTests take every
        // connection and always see the 503. Here what holds for every timing: no 500, and a 503 is a proper one.
        var refused = answers.Where(a => a.response.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        foreach (var (_, response) in refused)
        {
            Assert.Equal(TimeSpan.FromSeconds(10), response.Headers.RetryAfter?.Delta);
            var page = parser.ParseDocument(await response.Content.ReadAsStringAsync());
            Assert.Equal("Palvelu on ruuhkautunut", page.QuerySelector("main h1")?.TextContent.Trim());
            Assert.Contains("Mitään ei tallennettu", page.QuerySelector("main")!.TextContent);
        }

        // Exactly those who were answered hold a registration: a refused one left nothing behind.
        var accepted = answers.Where(a => a.response.StatusCode == HttpStatusCode.Redirect).Select(a => Email(a.guest.Number)).Order().ToList();
        var rows = await app.RegistrationsAsync(ev.Id);
        Assert.Equal(accepted, rows.Select(r => r.Email).Order());
        Assert.All(rows, r => Assert.True(r.Status is RegistrationStatus.Confirmed or RegistrationStatus.Waiting));
        Assert.Equal(Math.Min(Seats, accepted.Count), rows.Count(r => r.Status == RegistrationStatus.Confirmed));

        // Those told to try again do so, and get in: the seats given stay exactly the capacity.
        foreach (var (guest, _) in refused)
            Assert.Equal(HttpStatusCode.Redirect, (await Register(guest)).StatusCode);
        rows = await app.RegistrationsAsync(ev.Id);
        Assert.Equal(Guests, rows.Count);
        Assert.Equal(Seats, rows.Count(r => r.Status == RegistrationStatus.Confirmed));
        Assert.Equal(Guests - Seats, rows.Count(r => r.Status == RegistrationStatus.Waiting));
    }
}
