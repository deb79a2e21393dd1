using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Platform.Data;

namespace Yhdessa.Bench;

/// <summary>
/// The registration load of bench/events.sh: <c>attempts</c> guests, each with a client of its own (cookies), GET the
/// form of <see cref="BenchEvents.RegistrationSlug"/> for the antiforgery token and cookie, then all POST the form with
/// <c>concurrency</c> requests in flight. Afterwards the database is checked: exactly <c>seats</c> confirmed, the rest
/// waiting, and the waiting list in arrival order. Prints the figures; returns non-zero when a check fails.
/// </summary>
public static partial class RegistrationLoad
{
    private sealed record Attempt(int Index, string Email)
    {
        public HttpClient Client { get; set; } = null!;
        public string Token { get; set; } = "";
        public long SentTicks { get; set; }
        public long DoneTicks { get; set; }
        public HttpStatusCode Status { get; set; }
        public string? Location { get; set; }
        public string? Error { get; set; }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    public static async Task<int> RunAsync(YhdessaDb db, string baseUrl, int attempts, int seats, int concurrency)
    {
        var form = $"{baseUrl}/events/{BenchEvents.RegistrationSlug}/register";
        var all = Enumerable.Range(1, attempts).Select(i => new Attempt(i, $"vieras{i:D4}@example.fi")).ToList();
        foreach (var a in all)
            a.Client = BehindTlsProxy.Client(TimeSpan.FromMinutes(2));

        // Phase 1: every guest opens the form, as a browser would before submitting it.
        await ForEachAsync(all, concurrency, async a =>
        {
            var html = await a.Client.GetStringAsync(form);
            a.Token = TokenField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
                : throw new InvalidOperationException("The registration form has no antiforgery token.");
        });

        // Phase 2: the burst of submissions, timed per request on one monotonic clock.
        var clock = Stopwatch.StartNew();
        await ForEachAsync(all, concurrency, async a =>
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = a.Token,
                ["Input.Name"] = $"Vieras Kuormitus {a.Index:D4}",
                ["Input.Email"] = a.Email,
                ["Input.OrganisationName"] = "Kuormitustestin yhdistys ry",
            });
            a.SentTicks = clock.ElapsedTicks;
            try
            {
                using var response = await a.Client.PostAsync(form, content);
                a.DoneTicks = clock.ElapsedTicks;
                a.Status = response.StatusCode;
                a.Location = response.Headers.Location?.OriginalString;
            }
            catch (Exception e)
            {
                a.DoneTicks = clock.ElapsedTicks;
                a.Error = e.GetType().Name + ": " + e.Message;
            }
        });
        var wall = clock.Elapsed;
        foreach (var a in all) a.Client.Dispose();

        // Success is the redirect to the registration's own page; a 200 would be the form again with an error.
        var failed = all.Where(a => a.Error is not null || a.Status != HttpStatusCode.Redirect
            || a.Location?.Contains("/events/registration/", StringComparison.Ordinal) != true).ToList();
        foreach (var f in failed.Take(5))
            Console.Error.WriteLine($"Attempt {f.Index}: {f.Error ?? ((int)f.Status + " " + f.Location)}");
        var latencies = all.Select(a => Stopwatch.GetElapsedTime(a.SentTicks, a.DoneTicks).TotalMilliseconds).Order().ToArray();

        var eventId = await db.Events.Where(e => e.Slug == BenchEvents.RegistrationSlug).Select(e => e.Id).SingleAsync();
        var rows = await db.EventRegistrations.AsNoTracking()
            .Where(r => r.EventId == eventId)
            .Select(r => new { r.Id, r.EmailNormalized, r.Status, r.RegisteredAt })
            .ToListAsync();
        rows = [.. rows.OrderBy(r => r.Id)];
        var confirmed = rows.Count(r => r.Status == RegistrationStatus.Confirmed);
        var waiting = rows.Where(r => r.Status == RegistrationStatus.Waiting).ToList();
        var other = rows.Count - confirmed - waiting.Count;

        // Arrival = the server's order: RegisteredAt is read under the event's lock, so ids and times must agree,
        // and every confirmed registration must have arrived before every waiting one.
        var serverOrderBroken = rows.Zip(rows.Skip(1)).Count(p => p.Second.RegisteredAt < p.First.RegisteredAt);
        var lastConfirmed = rows.Where(r => r.Status == RegistrationStatus.Confirmed).Select(r => r.Id).DefaultIfEmpty(0).Max();
        var confirmedAfterWaiting = waiting.Count(w => w.Id < lastConfirmed);
        // Against the clients: when guest A's POST had been answered before guest B's POST was sent, the server
        // must have placed A before B. (Requests in flight at the same time may arrive in either order.)
        var byEmail = all.ToDictionary(a => a.Email);
        var queue = rows.Select(r => byEmail.GetValueOrDefault(r.EmailNormalized ?? "")).ToList();
        var clientOrderBroken = 0L;
        for (var i = 0; i < queue.Count; i++)
            for (var j = i + 1; j < queue.Count; j++)
                if (queue[i] is { } earlier && queue[j] is { } later && later.DoneTicks < earlier.SentTicks) clientOrderBroken++;
        var unknown = queue.Count(q => q is null);

        double P(double q) => latencies.Length == 0 ? 0 : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];
        Console.WriteLine($"attempts={attempts} concurrency={concurrency} seats={seats}");
        Console.WriteLine($"failed_requests={failed.Count} confirmed={confirmed} waiting={waiting.Count} other_status={other} unknown_rows={unknown}");
        Console.WriteLine($"server_order_violations={serverOrderBroken} confirmed_after_waiting={confirmedAfterWaiting} client_order_violations={clientOrderBroken}");
        Console.WriteLine($"p50_ms={P(0.50):F1} p99_ms={P(0.99):F1} max_ms={latencies.LastOrDefault():F1} wall_s={wall.TotalSeconds:F2} per_s={attempts / wall.TotalSeconds:F0}");
        var ok = failed.Count == 0 && confirmed == seats && waiting.Count == attempts - seats && other == 0 && unknown == 0
            && serverOrderBroken == 0 && confirmedAfterWaiting == 0 && clientOrderBroken == 0;
        Console.WriteLine(ok ? "result=ok" : "result=FAILED");
        return ok ? 0 : 1;
    }

    private static Task ForEachAsync(IEnumerable<Attempt> items, int concurrency, Func<Attempt, Task> body) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (a, _) => await body(a));
}
