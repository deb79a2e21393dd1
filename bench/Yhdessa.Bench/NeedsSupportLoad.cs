using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Bench;

/// <summary>
/// The signed-in members of bench/needs.sh. <see cref="WriteSessionsAsync"/> gives members of <see cref="NeedsBench"/> a
/// session as signing in would (the app's own principal and cookie format, protected with the app's keys from the
/// database), so that the load needs neither their passwords nor a thousand password hashes (which would measure
/// PBKDF2 and the sign-in rate limit instead). <see cref="RunAsync"/> has those members support one need at once over
/// HTTP, each with a client of its own, as <see cref="RegistrationLoad"/> does for registrations, and checks the count.
/// </summary>
public static partial class NeedsSupportLoad
{
    /// <summary>The session's sign-in time, which the app's cookie check requires (IdentitySetup's SignedInAtKey).</summary>
    private const string SignedInAtKey = "yhdessa.signed-in-at";

    /// <summary>Writes "user id, tab, Cookie header value" for the first <paramref name="count"/> generated members.</summary>
    public static async Task<int> WriteSessionsAsync(IServiceProvider services, int count, string file)
    {
        var db = services.GetRequiredService<YhdessaDb>();
        var members = await db.Users.AsNoTracking().Where(u => u.Email!.StartsWith("jasen")).OrderBy(u => u.Email).Take(count).ToListAsync();
        var lines = new List<string>();
        foreach (var member in members) lines.Add($"{member.Id}\t{await SessionCookieAsync(services, member)}");
        await File.WriteAllLinesAsync(file, lines);
        Console.WriteLine($"Sessions: {lines.Count} written to {file}.");
        return lines.Count == count ? 0 : 1;
    }

    /// <summary>The Cookie header value of a fresh session of <paramref name="user"/>, as signing in would give her.</summary>
    public static async Task<string> SessionCookieAsync(IServiceProvider services, User user)
    {
        var principals = services.GetRequiredService<IUserClaimsPrincipalFactory<User>>();
        var cookie = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var now = DateTimeOffset.UtcNow;
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + IdentitySetup.SessionIdleTimeout };
        properties.Items[SignedInAtKey] = now.UtcTicks.ToString(CultureInfo.InvariantCulture);
        var ticket = new AuthenticationTicket(await principals.CreateAsync(user), properties, IdentityConstants.ApplicationScheme);
        return $"{cookie.Cookie.Name}={cookie.TicketDataFormat.Protect(ticket)}";
    }

    private sealed record Member(int Index, string UserId, string Cookie)
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

    /// <summary>Every member of the sessions file opens the need's page (its form's antiforgery token), then all send
    /// "support" with <paramref name="concurrency"/> in flight. Checks: every POST answered 302 back to the need, and the
    /// need's SupportCount, its support rows and its followers all equal the number of members.</summary>
    public static async Task<int> RunAsync(YhdessaDb db, string baseUrl, int needId, string sessionFile, int concurrency)
    {
        var members = (await File.ReadAllLinesAsync(sessionFile)).Where(l => l.Length > 0)
            .Select((line, i) => line.Split('\t') is [var id, var cookie] ? new Member(i, id, cookie) : throw new FormatException(line)).ToList();
        var page = $"{baseUrl}/needs/{needId}";
        foreach (var m in members) m.Client = BehindTlsProxy.Client(TimeSpan.FromMinutes(2), m.Cookie);
        var before = await db.Needs.AsNoTracking().Where(n => n.Id == needId).Select(n => n.SupportCount).SingleAsync();

        await Parallel.ForEachAsync(members, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(concurrency, 64) }, async (m, _) =>
        {
            var html = await m.Client.GetStringAsync(page);
            if (!html.Contains("?handler=Support", StringComparison.Ordinal))
                throw new InvalidOperationException($"Member {m.Index} is not offered the support form: is the session valid?");
            m.Token = TokenField().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value)
                : throw new InvalidOperationException("The need's page has no antiforgery token.");
        });

        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(members, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (m, _) =>
        {
            var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = m.Token };
            if (m.Index % 10 == 0) fields["Comment"] = "Tämä on meilläkin ajankohtainen.";
            using var content = new FormUrlEncodedContent(fields);
            m.SentTicks = clock.ElapsedTicks;
            try
            {
                using var response = await m.Client.PostAsync(page + "?handler=Support", content);
                m.DoneTicks = clock.ElapsedTicks;
                m.Status = response.StatusCode;
                m.Location = response.Headers.Location?.OriginalString;
            }
            catch (Exception e)
            {
                m.DoneTicks = clock.ElapsedTicks;
                m.Error = e.GetType().Name + ": " + e.Message;
            }
        });
        var wall = clock.Elapsed;
        foreach (var m in members) m.Client.Dispose();

        var failed = members.Where(m => m.Error is not null || m.Status != HttpStatusCode.Redirect || m.Location != $"/needs/{needId}").ToList();
        foreach (var f in failed.Take(5)) Console.Error.WriteLine($"Member {f.Index}: {f.Error ?? ((int)f.Status + " " + f.Location)}");
        var latencies = members.Select(m => Stopwatch.GetElapsedTime(m.SentTicks, m.DoneTicks).TotalMilliseconds).Order().ToArray();
        double P(double q) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];

        var count = await db.Needs.AsNoTracking().Where(n => n.Id == needId).Select(n => n.SupportCount).SingleAsync();
        var rows = await db.NeedSupports.CountAsync(s => s.NeedId == needId);
        var ids = members.Select(m => m.UserId).ToList();
        var ours = await db.NeedSupports.CountAsync(s => s.NeedId == needId && ids.Contains(s.UserId));
        var followers = await db.NeedFollowers.CountAsync(f => f.NeedId == needId);
        var state = await db.Needs.Where(n => n.Id == needId).Select(n => n.State).SingleAsync();
        Console.WriteLine($"members={members.Count} concurrency={concurrency} support_count_before={before} state={state}");
        Console.WriteLine($"failed_requests={failed.Count} support_count={count} support_rows={rows} rows_of_these_members={ours} followers={followers}");
        Console.WriteLine($"p50_ms={P(0.50):F1} p95_ms={P(0.95):F1} p99_ms={P(0.99):F1} max_ms={latencies[^1]:F1} " +
            $"wall_s={wall.TotalSeconds:F2} per_s={members.Count / wall.TotalSeconds:F0}");
        var ok = failed.Count == 0 && before == 0 && count == members.Count && rows == members.Count && ours == members.Count
            && followers == members.Count && state == NeedState.New;
        Console.WriteLine(ok ? "result=ok" : "result=FAILED");
        return ok ? 0 : 1;
    }
}
