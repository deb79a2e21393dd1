using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Network.Organisations;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Events;

/// <summary>On an organisation's page: the events it organises that the reader may see, coming ones first, then the latest held.</summary>
internal sealed class OrganisationEvents(YhdessaDb db, EventCatalogue catalogue, IStringLocalizer<EventsText> e, TimeProvider clock) : IOrganisationWork
{
    public int Order => 10;

    public async Task<OrganisationWorkPart?> LoadAsync(int organisationId, ClaimsPrincipal viewer, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var theirs = catalogue.VisibleTo(Viewer.From(viewer)).AsNoTracking()
            .Where(ev => db.Set<EventOrganiser>().Any(o => o.EventId == ev.Id && o.OrganisationId == organisationId));
        var coming = await theirs.Where(ev => ev.EndsAt > now).OrderBy(ev => ev.StartsAt).Take(10).ToListAsync(cancellationToken);
        var held = await theirs.Where(ev => ev.EndsAt <= now).OrderByDescending(ev => ev.StartsAt).Take(5).ToListAsync(cancellationToken);
        if (coming.Count + held.Count == 0) return null;
        return new OrganisationWorkPart(e["OrganisationEvents"], [.. coming.Concat(held).Select(ev =>
            new OrganisationWorkItem(ev.Title, $"/events/{ev.Slug}", e.When(ev), ev.TitleFallbackLanguage))]);
    }
}
