using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Registration;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Events.Manage;

/// <summary><c>/events/{key}/cancel</c>: asks first, then marks the event cancelled. The event stays listed as cancelled
/// and its calendar entry says so, so that people who saved it learn of the cancellation; everyone registered gets an email.</summary>
[Authorize(Policy = Policies.Coordinator)]
public class CancelModel(EventCatalogue catalogue, Registrations registrations, IOutputCacheStore cache,
    IStringLocalizer<EventsText> e) : PageModel
{
    public Event Event { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        if (await catalogue.FindAsync(Viewer.From(User), key, cancellationToken) is not { } found) return NotFound();
        Event = found;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken cancellationToken)
    {
        if (await catalogue.FindAsync(Viewer.From(User), key, cancellationToken) is not { } found) return NotFound();
        if (found.Status != EventStatus.Cancelled)
        {
            // Registrations closes the event and tells everyone registered, in one step under the event's lock.
            await registrations.CancelEventAsync(found.Id, cancellationToken);
            await cache.EvictByTagAsync(PublicPages.Tag, cancellationToken);
        }
        TempData["Notice"] = (string)e["EventCancelled"];
        return Redirect("/events/" + found.Slug);
    }
}
