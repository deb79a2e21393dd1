using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Tests.Account;
using Person = Yhdessa.Tests.Support.WebBrowser;

namespace Yhdessa.Tests.Events.Participants;

/// <summary>TEST HELPER: events with registrations put straight into the database, and the forms of the participant pages.</summary>
public static class ParticipantsTestData
{
    private static readonly HtmlParser Parser = new();

    public static DateTimeOffset Now(this YhdessaApp app) => app.Clock.GetUtcNow();

    /// <summary>An event starting at <paramref name="starts"/> (three hours long), with its slug and id.</summary>
    public static async Task<Event> EventAsync(this YhdessaApp app, DateTimeOffset starts, string? title = null, int? capacity = null)
    {
        var ev = EventTestData.NewEvent(title ?? EventTestData.Unique("Osallistujatesti"), starts);
        ev.Capacity = capacity;
        ev.TitleSv = ev.TitleFi.Replace("Osallistujatesti", "Deltagartest");
        await app.AddEventsAsync(ev);
        return ev;
    }

    public static Task<int> RegisterAsync(this YhdessaApp app, Event ev, string name, RegistrationStatus status = RegistrationStatus.Confirmed,
        Attendance attendance = Attendance.Unmarked, string language = "fi", string? userId = null, string? organisation = "Testikaupunki",
        string? diet = null, string? email = null) => app.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<YhdessaDb>();
        email ??= $"osallistuja-{Guid.NewGuid():N}@example.fi";
        var registration = new EventRegistration
        {
            EventId = ev.Id, UserId = userId, Name = name, Email = email, EmailNormalized = email.ToLowerInvariant(),
            OrganisationName = organisation, Language = language, Status = status, Attendance = attendance,
            RegisteredAt = ev.StartsAt.AddDays(-7), DietaryNeeds = diet,
        };
        db.EventRegistrations.Add(registration);
        await db.SaveChangesAsync();
        return registration.Id;
    });

    public static Task<EventRegistration> RegistrationAsync(this YhdessaApp app, int id) =>
        app.WithServicesAsync(services => services.GetRequiredService<YhdessaDb>().EventRegistrations.AsNoTracking().FirstAsync(r => r.Id == id));

    public static Task<List<AuditEntry>> AuditAsync(this YhdessaApp app, string action, string subject) =>
        app.WithServicesAsync(services => services.GetRequiredService<YhdessaDb>().Set<AuditEntry>().AsNoTracking()
            .Where(a => a.Action == action && a.Subject == subject).ToListAsync());

    /// <summary>Posts the form of <paramref name="handler"/> on the page, as a click on its button with <paramref name="fields"/> would.</summary>
    public static async Task<Person.Page> PostHandlerAsync(this Person person, string page, string handler, params (string Name, string Value)[] fields)
    {
        var document = await person.GetAsync(page);
        var token = document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No form on {page}: {document.Body?.TextContent}");
        var action = page.Split('#')[0].Split('?')[0] + "?handler=" + handler;
        return await person.PostAsync(action, [new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
    }

    public static AngleSharp.Html.Dom.IHtmlDocument Parse(string html) => Parser.ParseDocument(html);
}
