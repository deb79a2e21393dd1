using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Registration;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Places;

namespace Yhdessa.Features.Events;

/// <summary><c>/events</c>: upcoming or past events as a paged list, or one month as a calendar grid.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPages.Policy)]
public class IndexModel(EventCatalogue catalogue, Municipalities municipalities, Registrations registrations, TimeProvider clock,
    IOptions<PlatformOptions> options) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? View { get; set; }
    [BindProperty(SupportsGet = true)] public string? When { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public int? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public string? Municipality { get; set; }
    [BindProperty(SupportsGet = true)] public bool Online { get; set; }
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    public bool IsMonthView => View == "month";
    public bool IsPast => When == "past";
    public EventType? SelectedType { get; private set; }
    public string? SelectedMunicipality { get; private set; }
    public bool UnknownMunicipality { get; private set; }
    public EventPage Results { get; private set; } = new(0, 1, PageSize, []);
    public List<EventTheme> Themes { get; private set; } = [];
    public Municipalities Municipalities => municipalities;
    /// <summary>The municipalities with events in this list (and the chosen one, even without events).</summary>
    public HashSet<string> MunicipalitiesWithEvents { get; private set; } = [];
    /// <summary>Events of the list whose registration is open and every seat given: the card says the queue is open.</summary>
    public HashSet<int> Full { get; private set; } = [];
    /// <summary>The feed's public address, for a calendar's "subscribe from URL": a downloaded file never updates.</summary>
    public string FeedUrl => options.Value.BaseUrl.TrimEnd('/') + "/events.ics";
    /// <summary>The same address as webcal://, which opens the subscription dialog of Apple Calendar and Outlook.</summary>
    public string WebcalUrl => "webcal://" + new Uri(FeedUrl).Authority + "/events.ics";
    /// <summary>The first day of the month shown, in Helsinki.</summary>
    public DateTime MonthStart { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        SelectedType = Enum.TryParse<EventType>(Type, ignoreCase: true, out var type) && Enum.IsDefined(type) ? type : null;
        SelectedMunicipality = string.IsNullOrWhiteSpace(Municipality) ? null : Municipality.Trim();
        UnknownMunicipality = SelectedMunicipality is not null && municipalities.Find(SelectedMunicipality) is null;
        Themes = await catalogue.ThemesAsync(cancellationToken);
        var viewer = Viewer.From(User);
        var query = new EventQuery(IsPast, SelectedType, Theme, SelectedMunicipality, Online, PageNumber(), PageSize);

        if (IsMonthView)
        {
            var today = HelsinkiTime.ToHelsinki(clock.GetUtcNow()).Date;
            MonthStart = DateTime.TryParseExact(Month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
                && month.Year is > 2000 and < 2100 ? month : new DateTime(today.Year, today.Month, 1);
            // The grid shows whole weeks from Monday, so it asks for the days around the month too.
            var gridStart = GridStart;
            query = query with { Page = 1, PageSize = 500, From = ToUtc(gridStart), Until = ToUtc(gridStart.AddDays(42)) };
        }
        Results = await catalogue.SearchAsync(viewer, query, cancellationToken);
        MunicipalitiesWithEvents = [.. await catalogue.MunicipalitiesAsync(viewer, IsMonthView ? null : IsPast, cancellationToken)];
        if (SelectedMunicipality is { } chosen) MunicipalitiesWithEvents.Add(chosen);
        if (!IsMonthView) await MarkFullAsync(cancellationToken);
    }

    private async Task MarkFullAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var open = Results.Items.Where(e => e.Capacity is not null && RegistrationWindow.StateAt(e, now) == RegistrationState.Open).ToList();
        if (open.Count == 0) return;
        EventPageCache.Shows(HttpContext, open.Select(e => e.Id));
        var held = await registrations.SeatsHeldAsync(open.Select(e => e.Id).ToList(), cancellationToken);
        Full = open.Where(e => e.IsFull(held.GetValueOrDefault(e.Id))).Select(e => e.Id).ToHashSet();
    }

    private static DateTimeOffset ToUtc(DateTime helsinki) => new DateTimeOffset(helsinki, HelsinkiTime.Zone.GetUtcOffset(helsinki)).ToUniversalTime();

    // "page" is a reserved route value in Razor Pages (the page's own path), so it is read from the query directly.
    private int PageNumber() => int.TryParse(Request.Query["page"], out var number) ? number : 1;

    public DateTime GridStart => MonthStart.AddDays(-(((int)MonthStart.DayOfWeek + 6) % 7));

    public int WeekCount => (int)Math.Ceiling(((MonthStart - GridStart).Days + DateTime.DaysInMonth(MonthStart.Year, MonthStart.Month)) / 7.0);

    public IEnumerable<Event> On(DateTime day) => Results.Items.Where(e =>
        HelsinkiTime.ToHelsinki(e.StartsAt).Date <= day && HelsinkiTime.ToHelsinki(e.EndsAt).Date >= day);

    /// <summary>The address of this list with some settings changed.</summary>
    public string Link(string? view = null, string? when = null, int page = 1, string? month = null, bool keepFilters = true)
    {
        var query = new List<string>();
        view ??= View;
        when ??= When;
        if (view == "month") query.Add("view=month");
        if (when == "past" && view != "month") query.Add("when=past");
        if (keepFilters)
        {
            if (SelectedType is { } type) query.Add("type=" + type);
            if (Theme is { } theme) query.Add("theme=" + theme);
            if (SelectedMunicipality is { } municipality) query.Add("municipality=" + Uri.EscapeDataString(municipality));
            if (Online) query.Add("online=true");
        }
        if (month is not null) query.Add("month=" + month);
        if (page > 1) query.Add("page=" + page);
        return "/events" + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }

    public string PageUrl(int page) => Link(page: page);
}
