using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Communication.News.Data;
using Yhdessa.Features.Events;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Features.Needs;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Communication.News;

/// <summary>A public record a post links to, as the post's page shows it.</summary>
public sealed record LinkedRecord(string Kind, int Id, string Title, string Url, DateTimeOffset? When = null);

/// <summary>
/// The events, materials and needs a post links to. The editor gives each as the address of its page on this site
/// (<c>/events/{slug}</c>, <c>/materials/{slug}</c>, <c>/needs/{id}</c>, with or without the site's host): that is what
/// she has at hand when she writes. Only public records can be linked, and a record that stops being public drops out
/// of the post's page without a trace.
/// </summary>
public sealed class NewsLinks(EventCatalogue events, NeedCatalogue needs, YhdessaDb db)
{
    public const string Event = "event";
    public const string Material = "material";
    public const string Need = "need";

    /// <summary>The record at <paramref name="address"/>, or null when the address is not a public event, material or need.</summary>
    public async Task<LinkedRecord?> FromAddressAsync(string address, CancellationToken cancellationToken)
    {
        var path = address.Trim();
        if (Uri.TryCreate(path, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https") path = absolute.AbsolutePath;
        var parts = path.Split('?', '#')[0].Trim('/').Split('/');
        if (parts.Length != 2 || parts[1].Length == 0) return null;
        var key = Uri.UnescapeDataString(parts[1]);
        return parts[0] switch
        {
            "events" => (await events.VisibleTo(Viewer.Anonymous).Where(e => e.Slug == key).ToListAsync(cancellationToken))
                .Select(e => new LinkedRecord(Event, e.Id, e.Title, "/events/" + e.Slug, e.StartsAt)).FirstOrDefault(),
            "materials" => await PublishedMaterials().Where(m => m.Slug == key)
                .Select(m => new LinkedRecord(Material, m.Id, m.Title, "/materials/" + m.Slug, null)).FirstOrDefaultAsync(cancellationToken),
            "needs" when int.TryParse(key, out var id) => await needs.Public().Where(n => n.Id == id && n.State != NeedState.Merged)
                .Select(n => new LinkedRecord(Need, n.Id, n.Title, "/needs/" + n.Id, null)).FirstOrDefaultAsync(cancellationToken),
            _ => null,
        };
    }

    /// <summary>The public records among <paramref name="links"/>, in the links' order.</summary>
    public async Task<List<LinkedRecord>> FindAsync(IReadOnlyCollection<NewsLink> links, CancellationToken cancellationToken)
    {
        if (links.Count == 0) return [];
        List<int> Of(string kind) => [.. links.Where(l => l.Kind == kind).Select(l => l.TargetId)];
        var eventIds = Of(Event);
        var materialIds = Of(Material);
        var needIds = Of(Need);
        var found = new Dictionary<(string, int), LinkedRecord>();
        if (eventIds.Count > 0)
            foreach (var e in await events.VisibleTo(Viewer.Anonymous).Where(e => eventIds.Contains(e.Id)).ToListAsync(cancellationToken))
                found[(Event, e.Id)] = new LinkedRecord(Event, e.Id, e.Title, "/events/" + e.Slug, e.StartsAt);
        if (materialIds.Count > 0)
            foreach (var m in await PublishedMaterials().Where(m => materialIds.Contains(m.Id)).Select(m => new { m.Id, m.Title, m.Slug }).ToListAsync(cancellationToken))
                found[(Material, m.Id)] = new LinkedRecord(Material, m.Id, m.Title, "/materials/" + m.Slug);
        if (needIds.Count > 0)
            foreach (var n in await needs.Public().Where(n => needIds.Contains(n.Id) && n.State != NeedState.Merged).Select(n => new { n.Id, n.Title }).ToListAsync(cancellationToken))
                found[(Need, n.Id)] = new LinkedRecord(Need, n.Id, n.Title, "/needs/" + n.Id);
        return [.. links.OrderBy(l => l.Position).Select(l => found.GetValueOrDefault((l.Kind, l.TargetId))).OfType<LinkedRecord>()];
    }

    private IQueryable<Material> PublishedMaterials() => db.Materials.AsNoTracking().Where(m => m.Status == MaterialStatus.Published);
}
