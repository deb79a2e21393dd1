using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Bench;

/// <summary>
/// bench/monitoring-import.sh: a reporter with two-step sign-in, a unit with ten services and an open round
/// (<see cref="SeedAsync"/>); a generated CSV of stays (<see cref="WriteFile"/>); and the import of that file through
/// the running app's form, as a browser sends it (<see cref="ImportAsync"/>).
/// </summary>
public static partial class MonitoringImportBench
{
    public const string Email = "bench-reporter@example.org";
    public const string Password = "kolme kuusta ja lumimyrsky 2026";

    public static async Task<string> SeedAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<YhdessaDb>();
        var users = services.GetRequiredService<UserManager<User>>();
        var user = new User { UserName = Email, Email = Email, EmailConfirmed = true, DisplayName = "Penkki Raportoija", CreatedAt = DateTimeOffset.UtcNow };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRolesAsync(user, [Roles.Member, Roles.Reporter]));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        var key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("no key");

        var unit = new ReportingUnit { Name = "Penkkikaupunki", Kind = UnitKind.Municipality, MunicipalityCode = "091", CreatedAt = DateTimeOffset.UtcNow };
        var round = new CollectionRound
        {
            Name = "Penkkikierros", Period = "2025", Start = new DateOnly(2025, 1, 1), End = new DateOnly(2025, 12, 31),
            Deadline = new DateOnly(2099, 1, 31), CreatedAt = DateTimeOffset.UtcNow,
        };
        db.AddRange(unit, round);
        await db.SaveChangesAsync();
        for (var s = 0; s < 10; s++)
            db.HousingServices.Add(new HousingService
            {
                UnitId = unit.Id, Code = $"S{s}", Name = $"Palvelu {s}", MunicipalityCode = "091",
                Type = (ServiceType)(s % 5), Places = 500,
            });
        db.ReportingUnitReporters.Add(new ReportingUnitReporter { UnitId = unit.Id, UserId = user.Id, Since = DateTimeOffset.UtcNow });
        db.RoundUnits.Add(new RoundUnit { RoundId = round.Id, UnitId = unit.Id, Method = ReportingMethod.Stays, UpdatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return $"{round.Id} {unit.Id} {key}";
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>Stays of distinct residents over ten services and fifteen years; every fourth has ended. Deterministic.</summary>
    public static void WriteFile(string path, int rows)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        writer.Write("Palvelu;Asukastunnus;Muuttopäivä;Tilanne ennen muuttoa;Päättymispäivä;Sijoittuminen\r\n");
        string[] situations = ["LongTermHomeless", "Homeless", "Institution", "TemporaryWithRelativesOrFriends", "Other"];
        string[] destinations = ["MoreIndependentHousing", "MoreSupportedHousing", "SimilarHousingElsewhere", "Homelessness", "Unknown"];
        var first = new DateOnly(2010, 1, 1);
        for (var i = 0; i < rows; i++)
        {
            var moveIn = first.AddDays(i * 7 % 5400);
            var ended = i % 4 == 0;
            writer.Write($"S{i % 10};as-{i:x}-{i % 97};{moveIn:d.M.yyyy};{situations[i % 5]};{(ended ? moveIn.AddDays(200 + i % 300).ToString("d.M.yyyy") : "")};{(ended ? destinations[i % 5] : "")}\r\n");
        }
    }

    /// <summary>Signs in (password, then the authenticator code) and posts the file to /monitoring/import; prints
    /// the time the import took and what the page said. The app runs in Production behind a "proxy" (this client
    /// says X-Forwarded-Proto: https), so its cookies are Secure: they are kept by hand, as a browser on https would.</summary>
    public static async Task<int> ImportAsync(Uri baseUrl, string key, int roundId, int unitId, string file)
    {
        using var client = BehindTlsProxy.Client(TimeSpan.FromMinutes(30));
        client.BaseAddress = baseUrl;
        var (signedIn, _) = await FollowAsync(client, await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", await TokenAsync(client, "/account/sign-in")), new("Input.Email", Email), new("Input.Password", Password)])));
        if (signedIn.Contains("two-factor", StringComparison.OrdinalIgnoreCase))
            await FollowAsync(client, await client.PostAsync(signedIn, new FormUrlEncodedContent(
                [new("__RequestVerificationToken", await TokenAsync(client, signedIn)), new("Code", Totp(key))])));
        var token = await TokenAsync(client, "/monitoring/import");
        await using var stream = File.OpenRead(file);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(roundId.ToString()), "Input.RoundId" },
            { new StringContent(unitId.ToString()), "Input.UnitId" },
            { new StreamContent(stream), "file", Path.GetFileName(file) },
        };
        var clock = Stopwatch.StartNew();
        var (_, html) = await FollowAsync(client, await client.PostAsync("/monitoring/import", form));
        var seconds = clock.Elapsed.TotalSeconds;
        var notice = NoticePattern().Match(html);
        Console.WriteLine($"{seconds:0.0} s; {(notice.Success ? WebUtility.HtmlDecode(notice.Groups[1].Value.Trim()) : "no notice: " + Regex.Replace(html, "<[^>]+>", " ")[..Math.Min(2000, html.Length)])}");
        return notice.Success ? 0 : 1;
    }

    /// <summary>Follows redirects (each request through the cookie keeper); the last path and page.</summary>
    private static async Task<(string Path, string Html)> FollowAsync(HttpClient client, HttpResponseMessage response)
    {
        var path = response.RequestMessage!.RequestUri!.PathAndQuery;
        for (var hops = 0; response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther && hops < 5; hops++)
        {
            path = response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString;
            response = await client.GetAsync(path);
        }
        return (path, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Sends back every cookie the app set, Secure or not, and follows no redirects by itself.</summary>
    private static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var (_, html) = await FollowAsync(client, await client.GetAsync(page));
        return TokenPattern().Match(html).Groups[1].Value;
    }

    /// <summary>What an authenticator app shows now (RFC 6238: HMAC-SHA1, 30-second steps, six digits).</summary>
    private static string Totp(string key)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var secret = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in key.Replace(" ", "").ToUpperInvariant().TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c);
            bits += 5;
            if (bits < 8) continue;
            secret.Add((byte)(buffer >> (bits - 8)));
            bits -= 8;
        }
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
        var hash = HMACSHA1.HashData([.. secret], counter);
        var offset = hash[^1] & 0x0F;
        return ((BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7FFFFFFF) % 1_000_000).ToString("D6");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("class=\"notice\"[^>]*>(.*?)</", RegexOptions.Singleline)]
    private static partial Regex NoticePattern();
}
