using System.Security.Claims;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Features.Materials.Files;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Materials;

/// <summary>
/// A file that another feature keeps (a workspace's document), offered to the bank as a material. Its authors are the
/// organisations it came from and its source is linked; the file is copied, so the material and the original go their
/// own ways. Whoever offers it starts a proposal that the coordinators review as any other; a coordinator's offer is
/// published at once.
/// </summary>
public sealed record MaterialOffer(string Title, string Summary, string Language, MaterialType Type, IReadOnlyList<int> OrganisationIds,
    string SourceTitle, string? SourceUrl, string StoredName, string FileName, string ContentType, long Size, string Text);

public sealed class MaterialOffers(YhdessaDb db, MaterialCatalogue catalogue, MaterialMail mail, IFileStore store, AuditLog audit, TimeProvider clock)
{
    public async Task<Material> OfferAsync(MaterialOffer offer, ClaimsPrincipal by, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var userId = by.FindFirstValue(ClaimTypes.NameIdentifier);
        var stored = Guid.NewGuid().ToString("N") + Path.GetExtension(offer.StoredName);
        await using (var original = store.OpenRead(offer.StoredName) ?? throw new FileNotFoundException("The offered file is not in the store.", offer.StoredName))
            await store.SaveAsync(stored, original, cancellationToken);
        var published = MaterialCatalogue.IsCoordinator(by);
        var material = new Material
        {
            Slug = await catalogue.NewSlugAsync(offer.Title, cancellationToken), Type = offer.Type, Language = offer.Language,
            Status = published ? MaterialStatus.Published : MaterialStatus.Proposed, Title = offer.Title, Summary = offer.Summary, Body = "",
            PublicationDate = DateOnly.FromDateTime(HelsinkiTime.ToHelsinki(now).DateTime), Licence = MaterialsDisplay.Licences[0],
            CreatedById = userId, CreatedAt = now, UpdatedAt = now, PublishedAt = published ? now : null, ProposedAt = published ? null : now,
            Authors = [.. offer.OrganisationIds.Select((id, i) => new MaterialAuthor { OrganisationId = id, Position = i + 1 })],
            Files = [new MaterialFile
            {
                FileName = offer.FileName, StoredName = stored, ContentType = offer.ContentType, Size = offer.Size, Text = offer.Text, AddedAt = now,
            }],
            Links = offer.SourceUrl is { } url ? [new MaterialLink { Title = offer.SourceTitle, Url = url, Position = 1 }] : [],
        };
        db.Materials.Add(material);
        if (published) await mail.PublishedAsync(material, userId, cancellationToken);
        else await mail.ProposedAsync(material, userId, cancellationToken);
        audit.Record(published ? "material.published" : "material.proposed", "material:" + material.Slug, offer.SourceTitle);
        await db.SaveChangesAsync(cancellationToken);
        await catalogue.SyncAsync(material, cancellationToken);
        return material;
    }
}
