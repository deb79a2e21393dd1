namespace Yhdessa.Features.Home;

/// <summary>Marker for the front page's own texts (HomeText.fi/sv/en.resx).</summary>
public sealed class HomeText;

/// <summary>
/// One section of the front page (<c>/</c>), the network's front door: the next events, the newest materials, the needs
/// answered lately … given by the feature that owns what it shows. The front page knows no feature: a feature adds its
/// section by implementing this and registering it in its own setup with
/// <see cref="FrontPageSetup.AddFrontPageSection{TSection}"/> (e.g. <c>services.AddFrontPageSection&lt;UpcomingEventsSection&gt;()</c>
/// in <c>AddEvents</c>). A section must keep these rules:
/// <list type="bullet">
/// <item><b>The same for everyone.</b> Visitors get the front page from the public output cache
/// (<see cref="PublicPages.Policy"/>), so a section shows only public things, the same to every visitor, and never
/// depends on who asks, on cookies or on the query. (A signed-in person's own things come from her own page's parts that
/// say <see cref="My.IMyPagePart.OnFrontPage"/>, not from a section.) The texts may depend on the page's language: the
/// cache keeps one copy per language.</item>
/// <item><b>Fresh by eviction.</b> The cached front page is cleared whenever <see cref="PublicPages.Tag"/> is evicted,
/// which every change of public content does already (publishing, editing, answering). Content that changes without
/// that eviction names the tags that are evicted when it changes in <see cref="FrontPageSection.CacheTags"/> (the
/// seats left of an event change with every registration, which clears only that event's tag). Otherwise a cached copy
/// lives up to ten minutes, so a section should not show what goes stale faster by mere time ("in 5 minutes").</item>
/// <item><b>Cheap.</b> A few items (<see cref="FrontPageSection.Items"/>, about <see cref="FrontPage.Items"/>), a fixed
/// number of small queries whatever the number of items (never a query per item), and only the columns it shows: the
/// page runs every section for each signed-in visit and each time the cached copy is renewed.</item>
/// <item><b>Written for the reader.</b> The heading, meta lines and link texts in the page's language, from the
/// feature's own texts; a title or text written in another language than the page's carries
/// <see cref="FrontPageItem.Language"/>. The "see all" link's text makes sense on its own ("All upcoming events", not
/// "More").</item>
/// </list>
/// Sections are shown in <see cref="Order"/>: events 10, news 20, materials 30, answered needs 40.
/// </summary>
public interface IFrontPageSection
{
    /// <summary>Sections are shown in this order, smallest first.</summary>
    int Order { get; }

    /// <summary>The section as it is now, or null to leave it out (e.g. nothing was ever answered).</summary>
    Task<FrontPageSection?> LoadAsync(CancellationToken cancellationToken);
}

/// <param name="Heading">The section's heading (an h2), in the reader's language: "Tulevat tapahtumat".</param>
/// <param name="Items">A few things, in the order to show them (each an h3 with its link); may be empty when
/// <see cref="Empty"/> says so.</param>
/// <param name="All">The feature's page of all of them, with a text that makes sense on its own.</param>
public sealed record FrontPageSection(string Heading, IReadOnlyList<FrontPageItem> Items, FrontPageLink All)
{
    /// <summary>Shown instead of the items when there are none ("No events coming up just now.").</summary>
    public string? Empty { get; init; }

    /// <summary>Output-cache tags, beside <see cref="PublicPages.Tag"/>, whose eviction must clear the cached front page
    /// because this section's content changed (e.g. <c>event-12</c> for the seats left of event 12).</summary>
    public IReadOnlyList<string> CacheTags { get; init; } = [];
}

/// <param name="Title">What it is: the event's, material's or need's own title.</param>
/// <param name="Url">Its page, a site-relative address.</param>
/// <param name="Meta">One short line of facts in the reader's language: when and where, type, date.</param>
/// <param name="Text">Optional: a sentence or two more, e.g. a summary (in the same language as the title).</param>
/// <param name="Language">The language of <paramref name="Title"/> and <paramref name="Text"/> when it is not the page's
/// (fi, sv or en), so that a screen reader reads them in their own language; null when they are in the page's.</param>
public sealed record FrontPageItem(string Title, string Url, string Meta, string? Text = null, string? Language = null)
{
    /// <summary>Optional: a short remark in the reader's language that stands out, e.g. "Paikkoja jäljellä: 3" or "Peruttu".</summary>
    public string? Note { get; init; }
}

public sealed record FrontPageLink(string Text, string Url);

public static class FrontPage
{
    /// <summary>How many things a section shows at most, so that the page stays short on a phone.</summary>
    public const int Items = 4;

    /// <summary>How many of a signed-in person's own things each of her parts shows on the front page; the rest are
    /// on her own page.</summary>
    public const int MyThings = 3;
}

public static class FrontPageSetup
{
    /// <summary>Adds a section to the front page (scoped: it may use the request's database context).</summary>
    public static IServiceCollection AddFrontPageSection<TSection>(this IServiceCollection services) where TSection : class, IFrontPageSection =>
        services.AddScoped<IFrontPageSection, TSection>();
}
