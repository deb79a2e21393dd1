using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Yhdessa.Features.Communication.News.Data;
using Yhdessa.Features.Events;
using Yhdessa.Features.Events.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Web;

namespace Yhdessa.Features.Communication.News;

/// <summary><c>/news</c>: the network's news, newest first, by theme and language. A post written in another language
/// than the page's is shown in the language it has, and says so. Coordinators also see the drafts.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPages.Policy)]
public class IndexModel(NewsCatalogue news, EventCatalogue events) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public int? Theme { get; set; }
    /// <summary>Only posts written in this language; null for all.</summary>
    [BindProperty(SupportsGet = true)] public string? Written { get; set; }

    public NewsListPage Results { get; private set; } = new(0, 1, PageSize, []);
    public List<NewsPost> Unpublished { get; private set; } = [];
    public List<EventTheme> Themes { get; private set; } = [];
    public bool IsCoordinator => User.IsInRole(Roles.Coordinator);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A mistyped filter in a link is dropped rather than refused: the list still shows.
        if (!Languages.All.Contains(Written)) Written = null;
        Themes = await events.ThemesAsync(cancellationToken);
        Results = await news.SearchAsync(new NewsQuery(Theme, Written, Math.Clamp(Pager.Requested(Request), 1, 1000), PageSize), cancellationToken);
        if (IsCoordinator) Unpublished = await news.UnpublishedAsync(cancellationToken);
    }
}
