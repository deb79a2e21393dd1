using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Events;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Features.Materials.Files;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Materials.ForEvents;

/// <summary>
/// The material bank's service for events: the published materials related to an event, and a file a coordinator
/// publishes straight from the event (it becomes a published training material of the bank, related to the event,
/// searchable and kept like any other). The event pages list the related materials through
/// <see cref="IRelatedMaterials"/>, which this provides; they never read the bank's tables.
/// </summary>
public sealed class MaterialsForEvents(YhdessaDb db, MaterialCatalogue catalogue, MaterialUploads uploads, AuditLog audit,
    TimeProvider clock) : IRelatedMaterials
{
    public async Task<List<RelatedMaterial>> PublishedForEventAsync(int eventId, CancellationToken cancellationToken)
    {
        var materials = await db.Materials.AsNoTracking().Include(m => m.Files)
            .Where(m => m.Status == MaterialStatus.Published && m.Events.Any(e => e.EventId == eventId))
            .OrderByDescending(m => m.PublicationDate).ThenBy(m => m.Title)
            .ToListAsync(cancellationToken);
        return materials.Select(Related).ToList();
    }

    /// <summary>
    /// Publishes an uploaded file as a material of the bank related to the event, in <paramref name="language"/>
    /// (fi, sv or en). The file is checked as on the bank's own files page; when it is refused nothing is saved.
    /// </summary>
    public async Task<(RelatedMaterial? Material, UploadRefusal? Refusal)> PublishFileAsync(int eventId, string title,
        string language, IFormFile? upload, string? userId, CancellationToken cancellationToken)
    {
        var (file, refusal) = await uploads.StoreAsync(upload, 0, cancellationToken);
        if (file is null) return (null, refusal);
        var now = clock.GetUtcNow();
        var material = new Material
        {
            Slug = await catalogue.NewSlugAsync(title, cancellationToken), Type = MaterialType.TrainingMaterial,
            Status = MaterialStatus.Published, Language = language, Title = title,
            PublicationDate = DateOnly.FromDateTime(HelsinkiTime.ToHelsinki(now).DateTime),
            CreatedById = userId, CreatedAt = now, UpdatedAt = now, PublishedAt = now,
            Files = [file], Events = [new MaterialEventLink { EventId = eventId }],
        };
        db.Materials.Add(material);
        audit.Record("material.created", "material:" + material.Slug, $"event:{eventId}");
        await db.SaveChangesAsync(cancellationToken);
        await catalogue.SyncAsync(material, cancellationToken);
        return (Related(material), null);
    }

    private static RelatedMaterial Related(Material m) => new(m.Title, m.Language, "/materials/" + m.Slug,
        m.CurrentFiles.OrderBy(f => f.Id).Select(f => new RelatedMaterialFile(f.FileName, f.ContentType, f.Size,
            $"/materials/files/{f.Id}/{Uri.EscapeDataString(f.FileName)}")).ToList());
}
