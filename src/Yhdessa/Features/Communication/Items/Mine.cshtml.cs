using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Yhdessa.Features.Communication.Items.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Communication.Items;

/// <summary><c>/newsletter/items</c>: the items a member has written and what became of each: waiting, returned with the
/// editors' note (she edits and submits again), accepted with the editors' edits beside what she wrote, or declined
/// with the reason.</summary>
[Authorize(Policy = Policies.SignedIn)]
public class MineModel(NewsletterItems items) : PageModel
{
    public List<NewsletterItem> Items { get; private set; } = [];
    public bool MayEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Items = await items.OfAuthorAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        MayEdit = await items.MayEditAsync(User, cancellationToken);
    }
}
