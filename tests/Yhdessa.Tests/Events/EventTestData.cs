using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Events.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Account;

namespace Yhdessa.Tests.Events;

/// <summary>TEST HELPER: people signed in through the real sign-in form, and events put straight into the database.</summary>
public static class EventTestData
{
    private const string Password = "sininen kuu ja kaksi kissaa";
    private static readonly ConcurrentDictionary<(YhdessaApp, string), (WebBrowser WebBrowser, string UserId)> People = new();
    private static readonly ConcurrentDictionary<(YhdessaApp, string), string> Emails = new();

    /// <summary>A browser signed in as a new person with <paramref name="roles"/>; one per app and key, as signing in hashes a password.</summary>
    public static async Task<WebBrowser> SignedInAsync(this YhdessaApp app, string key, params string[] roles) =>
        (await app.PersonAsync(key, roles)).WebBrowser;

    public static async Task<(WebBrowser WebBrowser, string UserId)> PersonAsync(this YhdessaApp app, string key, params string[] roles)
    {
        if (People.TryGetValue((app, key), out var known))
        {
            // Tests move the app's clock forward, and sessions end after 30 idle minutes: sign in again when it has.
            var own = await known.WebBrowser.Client.GetAsync("/account");
            if (own.StatusCode == HttpStatusCode.OK) return known;
            return People[(app, key)] = (await app.SignInAsync(Emails[(app, key)], Password, followRedirects: false), known.UserId);
        }
        var email = $"tapahtumat-{key}-{Guid.NewGuid():N}@example.fi";
        var id = await app.CreateUserAsync(email, Password, [Roles.Member, .. roles]);
        var browser = await app.SignInAsync(email, Password, followRedirects: false);
        Emails[(app, key)] = email;
        return People[(app, key)] = (browser, id);
    }

    public static Task<WebBrowser> CoordinatorAsync(this YhdessaApp app) => app.SignedInAsync("coordinator", Roles.Coordinator);

    /// <summary>Adds events (and clears the public page cache as the app does after its own writes).</summary>
    public static Task AddEventsAsync(this YhdessaApp app, params Event[] events) => app.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<YhdessaDb>();
        db.Events.AddRange(events);
        await db.SaveChangesAsync();
        await services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(PublicPages.Tag, default);
        return 0;
    });

    public static Event NewEvent(string title, DateTimeOffset starts, EventVisibility visibility = EventVisibility.Public,
        EventType type = EventType.Seminar, string? municipality = "091", string? online = null) => new()
        {
            Slug = Yhdessa.Platform.Text.Slugs.FromName(title) + "-" + Guid.NewGuid().ToString("N")[..6],
            Type = type, TitleFi = title, DescriptionFi = "Kuvaus", StartsAt = starts, EndsAt = starts.AddHours(3),
            MunicipalityCode = municipality, OnlineUrl = online, Visibility = visibility, Status = EventStatus.Scheduled,
            CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };

    public static string Unique(string text) => text + " " + Guid.NewGuid().ToString("N")[..8];
}
