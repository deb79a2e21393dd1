using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Yhdessa.Features.Events.Data;
using Yhdessa.Platform.Places;

namespace Yhdessa.Features.Events.Api;

public sealed record ApiEvent(int Id, string Slug, string Type, string Status, string TitleFi, string? TitleSv, string? TitleEn,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Address, string? MunicipalityCode, string? Municipality,
    bool Online, int? Capacity, DateTimeOffset? RegistrationOpensAt, DateTimeOffset? RegistrationClosesAt,
    IReadOnlyList<string> Themes, int Sequence, string Url, string Calendar);

public sealed record ApiEventList(int Total, int Page, int PageSize, IReadOnlyList<ApiEvent> Items);

/// <summary>
/// The public JSON API and the calendar files. Both answer as to a visitor, whoever asks: the API and the feed
/// are for other sites and calendar apps, which never carry a session, so only public events are in them.
/// A single event's file follows its page instead.
/// </summary>
public static class EventsApi
{
    private static readonly string[] CalendarMethods = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/events", async Task<Results<Ok<ApiEventList>, ValidationProblem>> (
                EventCatalogue catalogue, Municipalities municipalities, CancellationToken cancellationToken,
                string? type, int? theme, string? municipality, bool? online, bool? past, int page = 1, int pageSize = 20) =>
            {
                var errors = new Dictionary<string, string[]>();
                EventType? typeFilter = null;
                if (!string.IsNullOrWhiteSpace(type))
                {
                    if (Enum.TryParse<EventType>(type, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)) typeFilter = parsed;
                    else errors["type"] = ["Unknown type. Use one of: " + string.Join(", ", Enum.GetNames<EventType>())];
                }
                if (!string.IsNullOrWhiteSpace(municipality) && municipalities.Find(municipality) is null)
                    errors["municipality"] = ["Unknown municipality code (three digits, Statistics Finland)."];
                if (pageSize is < 1 or > 100) errors["pageSize"] = ["pageSize must be between 1 and 100."];
                if (page < 1) errors["page"] = ["page must be 1 or more."];
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

                var result = await catalogue.SearchAsync(Viewer.Anonymous, new EventQuery(past == true, typeFilter, theme,
                    municipality?.Trim(), online == true, page, pageSize), cancellationToken);
                var items = result.Items.Select(e => new ApiEvent(e.Id, e.Slug, e.Type.ToString(), e.Status.ToString(),
                    e.TitleFi, e.TitleSv, e.TitleEn, e.StartsAt, e.EndsAt, e.Address, e.MunicipalityCode,
                    municipalities.Find(e.MunicipalityCode)?.NameFi, e.IsOnline, e.Capacity, e.RegistrationOpensAt,
                    e.RegistrationClosesAt, e.Themes.Select(t => t.Theme!.NameFi).ToList(), e.Revision,
                    "/events/" + e.Slug, "/events/" + e.Slug + ".ics")).ToList();
                return TypedResults.Ok(new ApiEventList(result.Total, result.Page, result.PageSize, items));
            })
            .AllowAnonymous()
            .WithTags("Events")
            .WithName("ListEvents")
            .WithSummary("Public events, upcoming (default) or past, filtered by type, theme id, municipality code and online.");

        // HEAD too: calendar programs and link checkers ask whether a subscription address exists before reading it, and
        // a GET-only route sent them to the sign-in page instead.
        app.MapMethods("/events.ics", CalendarMethods, async (EventCatalogue catalogue, EventCalendar calendar, CancellationToken cancellationToken) =>
            {
                var upcoming = await catalogue.SearchAsync(Viewer.Anonymous, new EventQuery(PageSize: 500, WithThemes: false), cancellationToken);
                return Results.Text(calendar.Feed(upcoming.Items, "Yhdessä"), EventCalendar.ContentType);
            })
            .AllowAnonymous()
            .CacheOutput(PublicPages.SameForEveryonePolicy)
            .ExcludeFromDescription();

        // One event's file is linked from its page, so a member downloading it carries their session and sees what the page shows.
        app.MapMethods("/events/{key}.ics", CalendarMethods, async (string key, HttpContext http, EventCatalogue catalogue, EventCalendar calendar,
                CancellationToken cancellationToken) =>
            {
                var e = await catalogue.FindAsync(Viewer.From(http.User), key, cancellationToken);
                return e is null
                    ? Results.NotFound()
                    : Results.Text(calendar.Single(e), EventCalendar.ContentType);
            })
            .AllowAnonymous()
            .CacheOutput(PublicPages.Policy)
            .ExcludeFromDescription();

        return app;
    }
}
