using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Yhdessa.Features.Needs;

/// <summary><c>/needs/stop/{token}</c>: the link in every need's email stops that need's mail without signing in. The
/// link opens a page with a button, so that a mail program that opens links by itself stops nothing.</summary>
[AllowAnonymous]
public class StopModel(NeedFollowers followers, NeedCatalogue needs) : PageModel
{
    public string? NeedTitle { get; private set; }
    public int NeedId { get; private set; }
    public bool Stopped { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (await followers.NeedOfStopTokenAsync(token, cancellationToken) is not { } needId) return Gone();
        (NeedId, NeedTitle) = (needId, (await needs.FindAsync(needId, cancellationToken))?.Title);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (await followers.NeedOfStopTokenAsync(token, cancellationToken) is not { } needId) return Gone();
        (NeedId, NeedTitle) = (needId, (await needs.FindAsync(needId, cancellationToken))?.Title);
        await followers.StopByTokenAsync(token, cancellationToken);
        Stopped = true;
        return Page();
    }

    /// <summary>A used or unknown link: nothing to stop, and the page says so.</summary>
    private PageResult Gone()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        Stopped = true;
        return Page();
    }
}
