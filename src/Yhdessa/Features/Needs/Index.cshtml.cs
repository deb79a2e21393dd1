using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Yhdessa.Features.Events;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Platform.Web;

namespace Yhdessa.Features.Needs;

/// <summary><c>/needs</c>: the needs the field has raised, most supported first, filtered by kind, state and theme.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPages.Policy, Tags = [NeedPageCache.Tag])]
public class IndexModel(NeedCatalogue needs, NeedTriage triage, EventCatalogue events) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public NeedKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public NeedState? State { get; set; }
    [BindProperty(SupportsGet = true)] public int? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    public NeedListPage Results { get; private set; } = null!;
    public List<EventTheme> Themes { get; private set; } = [];
    public bool MayTriage { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A mistyped filter in a link binds to nothing and is dropped rather than refused: the list still shows.
        if (State == NeedState.Merged) State = null;
        Themes = await events.ThemesAsync(cancellationToken);
        MayTriage = User.Identity?.IsAuthenticated == true && await triage.MayTriageAsync(User, cancellationToken);
        Results = await needs.SearchAsync(new NeedQuery(Kind, State, Theme, Sort == "newest" ? NeedOrder.Newest : NeedOrder.Supports,
            Math.Clamp(Pager.Requested(Request), 1, 1000), PageSize), cancellationToken);
    }
}
