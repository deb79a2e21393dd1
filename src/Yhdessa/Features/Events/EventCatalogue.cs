using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Places;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Events;

/// <summary>Who is looking: visibility is decided from this on every page, list, feed and API.</summary>
public sealed record Viewer(string? UserId, bool IsCoordinator)
{
    public static readonly Viewer Anonymous = new(null, false);

    public static Viewer From(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true
        ? new Viewer(user.FindFirstValue(ClaimTypes.NameIdentifier), user.IsInRole(Roles.Coordinator))
        : Anonymous;
}

public sealed record EventQuery(
    bool Past = false, EventType? Type = null, int? ThemeId = null, string? Municipality = null, bool OnlineOnly = false,
    int Page = 1, int PageSize = 20, DateTimeOffset? From = null, DateTimeOffset? Until = null, bool WithThemes = true);

public sealed record EventPage(int Total, int Page, int PageSize, IReadOnlyList<Event> Items)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Reads events for the pages, feeds and API, always through <see cref="VisibleTo"/>.</summary>
public sealed class EventCatalogue(YhdessaDb db, TimeProvider clock)
{
    public IQueryable<Event> VisibleTo(Viewer viewer)
    {
        var events = db.Events.AsQueryable();
        if (viewer.IsCoordinator) return events;
        if (viewer.UserId is not { } userId) return events.Where(e => e.Visibility == EventVisibility.Public);
        return events.Where(e => e.Visibility == EventVisibility.Public || e.Visibility == EventVisibility.Members
            || (e.Visibility == EventVisibility.Group && db.GroupMemberships.Any(m =>
                m.GroupId == e.GroupId && m.UserId == userId && m.Status == MembershipStatus.Member)));
    }

    public async Task<EventPage> SearchAsync(Viewer viewer, EventQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var events = VisibleTo(viewer).AsNoTracking();
        if (query.From is { } from) events = events.Where(e => e.EndsAt >= from);
        if (query.Until is { } until) events = events.Where(e => e.StartsAt < until);
        if (query.From is null && query.Until is null)
            events = InTab(events, query.Past, now);
        if (query.Type is { } type) events = events.Where(e => e.Type == type);
        if (query.ThemeId is { } theme) events = events.Where(e => e.Themes.Any(t => t.ThemeId == theme));
        if (query.Municipality is { } municipality) events = events.Where(e => e.MunicipalityCode == municipality);
        if (query.OnlineOnly) events = events.Where(e => e.OnlineUrl != null);

        var total = await events.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, 500);
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var ordered = query.Past && query.From is null ? events.OrderByDescending(e => e.StartsAt) : events.OrderBy(e => e.StartsAt);
        // The page's ids first, sorted from the index alone; then only those rows. Sorting whole rows (with their
        // descriptions) to keep twenty of them was most of the list's cost with thousands of events.
        var ids = await ordered.ThenBy(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize).Select(e => e.Id)
            .ToListAsync(cancellationToken);
        var rows = db.Events.AsNoTracking().Where(e => ids.Contains(e.Id));
        if (query.WithThemes) rows = rows.Include(e => e.Themes).ThenInclude(t => t.Theme).AsSplitQuery();
        var byId = await rows.ToDictionaryAsync(e => e.Id, cancellationToken);
        return new EventPage(total, page, pageSize, ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList());
    }

    /// <summary>The next <paramref name="count"/> events the viewer can find, soonest first (those going on now included,
    /// as in the list), without their themes: one query, for a short list such as the front page's.</summary>
    public Task<List<Event>> NextAsync(Viewer viewer, int count, CancellationToken cancellationToken) =>
        InTab(VisibleTo(viewer).AsNoTracking(), past: false, clock.GetUtcNow())
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Take(count).ToListAsync(cancellationToken);

    /// <summary>The municipalities of the events the viewer can find: upcoming ones, past ones (<paramref name="past"/>),
    /// or all of them (null). The list's place filter offers these, not every municipality of Finland.</summary>
    public Task<List<string>> MunicipalitiesAsync(Viewer viewer, bool? past, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var events = VisibleTo(viewer).Where(e => e.MunicipalityCode != null);
        if (past is { } isPast) events = InTab(events, isPast, now);
        return events.Select(e => e.MunicipalityCode!).Distinct().ToListAsync(cancellationToken);
    }

    /// <summary>The events of the list's tab: past ones have ended; upcoming ones include those going on now.</summary>
    private static IQueryable<Event> InTab(IQueryable<Event> events, bool past, DateTimeOffset now) =>
        past ? events.Where(e => e.EndsAt < now) : events.Where(e => e.EndsAt >= now);

    /// <summary>One event by id or slug with everything its page shows, or null when the viewer may not see it.</summary>
    public Task<Event?> FindAsync(Viewer viewer, string key, CancellationToken cancellationToken)
    {
        var events = VisibleTo(viewer)
            .Include(e => e.Series)
            .Include(e => e.Organisers).ThenInclude(o => o.Organisation)
            .Include(e => e.Speakers)
            .Include(e => e.Themes).ThenInclude(t => t.Theme)
            .Include(e => e.Materials)
            .AsSplitQuery();
        return int.TryParse(key, out var id)
            ? events.FirstOrDefaultAsync(e => e.Id == id, cancellationToken)
            : events.FirstOrDefaultAsync(e => e.Slug == key, cancellationToken);
    }

    /// <summary>The other instances of a series that the viewer may see, in time order.</summary>
    public Task<List<Event>> SeriesInstancesAsync(Viewer viewer, int seriesId, CancellationToken cancellationToken) =>
        VisibleTo(viewer).AsNoTracking().Where(e => e.SeriesId == seriesId).OrderBy(e => e.StartsAt).ToListAsync(cancellationToken);

    /// <summary>Events by id whatever their visibility, newest first: those a material of the bank already relates to.</summary>
    public Task<List<Event>> WithIdsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        db.Events.AsNoTracking().Where(e => ids.Contains(e.Id)).OrderByDescending(e => e.StartsAt).ToListAsync(cancellationToken);

    public Task<List<EventTheme>> ThemesAsync(CancellationToken cancellationToken) =>
        db.EventThemes.AsNoTracking().OrderBy(t => t.NameFi).ToListAsync(cancellationToken);

    /// <summary>Addresses of the coordinator pages under /events/, which an event's slug must not take.</summary>
    private static readonly HashSet<string> Reserved = ["new", "themes", "series"];

    public async Task<string> UniqueSlugAsync(string title, int? exceptId, CancellationToken cancellationToken)
    {
        var root = Slugs.FromName(title);
        if (Reserved.Contains(root)) root += "-event";
        var slug = root;
        for (var n = 2; await db.Events.AnyAsync(e => e.Slug == slug && e.Id != exceptId, cancellationToken); n++)
            slug = $"{root}-{n}";
        return slug;
    }
}

/// <summary>What a viewer may see of an event beyond its public facts.</summary>
public static class EventAccess
{
    /// <summary>The online link is for participants with a confirmed seat, and for coordinators.</summary>
    public static bool MaySeeOnlineLink(Viewer viewer, Event e, bool hasConfirmedSeat) => viewer.IsCoordinator || hasConfirmedSeat;
}

public enum RegistrationState { None, OpensSoon, Open, Closed }

public static class RegistrationWindow
{
    public static RegistrationState StateAt(Event e, DateTimeOffset now)
    {
        if (e.Status == EventStatus.Cancelled || e.EndsAt < now) return RegistrationState.Closed;
        if (e.RegistrationOpensAt is null && e.RegistrationClosesAt is null) return RegistrationState.None;
        if (e.RegistrationOpensAt is { } opens && now < opens) return RegistrationState.OpensSoon;
        if (e.RegistrationClosesAt is { } closes && now >= closes) return RegistrationState.Closed;
        return RegistrationState.Open;
    }
}
