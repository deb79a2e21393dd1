using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Communication.Items.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Communication.Items;

/// <summary><c>/newsletter/queue</c>: the editorial queue. The editors read the waiting items, oldest first, with their
/// authors and organisations, and accept (editing the title and text if need be), return with a note or decline with
/// a reason each one; the accepted ones wait there for the next newsletter.</summary>
[Authorize(Policy = Policies.SignedIn)]
public class QueueModel(NewsletterItems items, YhdessaDb db, Microsoft.Extensions.Localization.IStringLocalizer<CommunicationText> c) : PageModel
{
    public List<NewsletterItem> Waiting { get; private set; } = [];
    public List<NewsletterItem> Accepted { get; private set; } = [];
    public Dictionary<string, string> Authors { get; private set; } = [];
    public Dictionary<int, string> Organisations { get; private set; } = [];
    /// <summary>The item whose decision was refused, and why, so that its form shows the message.</summary>
    public (int Id, string Message)? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await items.MayEditAsync(User, cancellationToken)) return Forbid();
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(int id, int revision, ItemDecision decision, string? note, string? title, string? text,
        CancellationToken cancellationToken)
    {
        if (!await items.MayEditAsync(User, cancellationToken)) return Forbid();
        if (await items.DecideAsync(id, revision, decision, note, title, text, cancellationToken) is { } problem)
        {
            Refused = (id, problem);
            ModelState.AddModelError("", problem);
            await LoadAsync(cancellationToken);
            return Page();
        }
        TempData["Notice"] = (string)c["ItemDecided_" + decision];
        return Redirect("/newsletter/queue");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Waiting = await items.InStateAsync(ItemState.Submitted, cancellationToken);
        Accepted = await items.InStateAsync(ItemState.Accepted, cancellationToken);
        var authorIds = Waiting.Concat(Accepted).Select(i => i.AuthorId).OfType<string>().Distinct().ToList();
        Authors = await db.Users.AsNoTracking().Where(u => authorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var organisationIds = Waiting.Concat(Accepted).Select(i => i.OrganisationId).OfType<int>().Distinct().ToList();
        Organisations = (await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToListAsync(cancellationToken))
            .ToDictionary(o => o.Id, o => o.Name);
    }
}
