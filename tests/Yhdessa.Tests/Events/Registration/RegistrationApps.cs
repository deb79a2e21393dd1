using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Registration;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Account;

namespace Yhdessa.Tests.Events.Registration;

/// <summary>TEST HELPER: events with registration rules, guests registering through the form, and reading the outcome.</summary>
public static class RegistrationApps
{
    /// <summary>An event open for registration now (by the app's clock), starting in <paramref name="startsInDays"/> days.</summary>
    public static async Task<Event> OpenEventAsync(this YhdessaApp app, int? capacity, EventRegistrationSettings? settings = null,
        double startsInDays = 10, string? online = "https://meet.example.org/huone-7", EventVisibility visibility = EventVisibility.Public)
    {
        var now = app.Clock.GetUtcNow();
        var ev = EventTestData.NewEvent(EventTestData.Unique("Asumisneuvonnan koulutus"), now.AddDays(startsInDays), visibility, EventType.Training,
            online: online);
        ev.Capacity = capacity;
        ev.RegistrationOpensAt = now.AddDays(-1);
        ev.RegistrationClosesAt = ev.StartsAt.AddHours(-1);
        await app.AddEventsAsync(ev);
        if (settings is not null)
        {
            settings.EventId = ev.Id;
            await app.WithServicesAsync(async s =>
            {
                var db = s.GetRequiredService<YhdessaDb>();
                db.EventRegistrationSettings.Add(settings);
                return await db.SaveChangesAsync();
            });
        }
        return ev;
    }

    public static Dictionary<string, string> Guest(string name, string email, string organisation = "Kuopion kaupunki") => new()
    {
        ["Input.Name"] = name, ["Input.Email"] = email, ["Input.OrganisationName"] = organisation,
        ["Input.DietaryNeeds"] = "", ["Input.AccessibilityNeeds"] = "",
    };

    public static string NewEmail(string who) => $"{who}.{Guid.NewGuid():N}@example.fi";

    /// <summary>A new guest's browser fills in the registration form; the page it ends on (the registration's own page when it succeeded).</summary>
    public static Task<WebBrowser.Page> RegisterGuestAsync(this YhdessaApp app, Event ev, Dictionary<string, string> fields) =>
        WebBrowser.Open(app).SubmitAsync($"/events/{ev.Slug}/register", fields);

    public static Task<List<EventRegistration>> RegistrationsAsync(this YhdessaApp app, int eventId) =>
        app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().EventRegistrations.AsNoTracking().Include(r => r.Answers)
            .Where(r => r.EventId == eventId).OrderBy(r => r.Id).ToListAsync());

    public static async Task<EventRegistration> RegistrationOfAsync(this YhdessaApp app, string email) =>
        await app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().EventRegistrations.AsNoTracking()
            .Where(r => r.Email == email).OrderByDescending(r => r.Id).FirstAsync());

    public static Task<List<OutgoingEmail>> MailAsync(this YhdessaApp app, string to) => app.MailToAsync(to);

    /// <summary>The registration's own page from the latest email to the address (the signed link).</summary>
    public static async Task<string> LinkFromMailAsync(this YhdessaApp app, string to)
    {
        var mail = (await app.MailToAsync(to)).Last();
        var match = System.Text.RegularExpressions.Regex.Match(mail.TextBody, @"https://yhdessa\.test(/events/registration/[^\s?]+)(\?culture=\w+)?");
        Assert.True(match.Success, "No registration link in: " + mail.TextBody);
        return match.Groups[1].Value + match.Groups[2].Value;
    }

    /// <summary>The registrations' part of "download my data" for an account, as JSON.</summary>
    public static Task<string> ExportRegistrationsAsync(this YhdessaApp app, string userId) => app.WithServicesAsync(async s =>
        System.Text.Json.JsonSerializer.Serialize(await s.GetServices<IPersonalDataHolder>()
            .Single(h => h.Section == "eventRegistrations").ExportAsync(userId, default)));

    /// <summary>Every feature erases the account's data in one transaction, as account deletion does.</summary>
    public static Task EraseAccountDataAsync(this YhdessaApp app, string userId) => app.WithServicesAsync(async s =>
    {
        var db = s.GetRequiredService<YhdessaDb>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var holder in s.GetServices<IPersonalDataHolder>()) await holder.EraseAsync(userId, default);
        await transaction.CommitAsync();
        return 0;
    });

    public static Task RunJobsAsync(this YhdessaApp app) => app.WithServicesAsync(async s =>
    {
        await s.GetRequiredService<RegistrationMaintenance>().RunAsync(default);
        return 0;
    });

    /// <summary>Opens a page and presses the button of the form posting to <paramref name="handler"/>.</summary>
    public static Task<WebBrowser.Page> PressAsync(this WebBrowser browser, string url, string handler,
        Dictionary<string, string>? fields = null) =>
        browser.SubmitAsync(url, fields ?? [], $"main form[action*='handler={handler}']");
}
