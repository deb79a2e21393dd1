using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Materials;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Features.Materials.Files;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Workspaces;

public sealed record DocumentRow(int Id, string Title, int Versions, string FileName, long Size, DateTimeOffset UpdatedAt, int? MaterialId);

public enum DocumentOutcome { Done, NotAllowed, NotFound, Refused, TooManyVersions, AlreadyOffered }

/// <summary>
/// A workspace's documents and their versions. A file is taken exactly as the material bank takes one
/// (<see cref="MaterialUploads"/>: by its content, within the size and unpacking limits, its text extracted), into the
/// bank's file store; a new version never replaces an earlier one. A document is offered to the bank in one step
/// (<see cref="MaterialOffers"/>), with the workspace's organisations as its authors and the workspace as its source.
/// </summary>
public sealed class WorkspaceDocuments(YhdessaDb db, MaterialUploads uploads, MaterialOffers offers, IFileStore store, WorkspaceCatalogue catalogue,
    AuditLog audit, TimeProvider clock, IOptions<PlatformOptions> options)
{
    public async Task<List<DocumentRow>> ListAsync(int workspaceId, CancellationToken cancellationToken) =>
        [.. (await db.WorkspaceDocuments.AsNoTracking().Where(d => d.WorkspaceId == workspaceId)
            .Select(d => new { d.Id, d.Title, d.UpdatedAt, d.MaterialId, Count = d.Versions.Count, Latest = d.Versions.OrderByDescending(v => v.Number).First() })
            .ToListAsync(cancellationToken))
            .OrderByDescending(d => d.UpdatedAt).Select(d => new DocumentRow(d.Id, d.Title, d.Count, d.Latest.FileName, d.Latest.Size, d.UpdatedAt, d.MaterialId))];

    public Task<WorkspaceDocument?> FindAsync(int workspaceId, int documentId, CancellationToken cancellationToken) =>
        db.WorkspaceDocuments.AsNoTracking().Include(d => d.Versions.OrderByDescending(v => v.Number))
            .FirstOrDefaultAsync(d => d.Id == documentId && d.WorkspaceId == workspaceId, cancellationToken);

    /// <summary>A new document with its first version; the refusal says why a file was not taken (nothing is stored then).</summary>
    public async Task<(DocumentOutcome Outcome, UploadRefusal? Refusal, int? Id)> AddAsync(WorkspaceViewer viewer, string title, IFormFile? file,
        CancellationToken cancellationToken)
    {
        if (!viewer.CanContribute) return (DocumentOutcome.NotAllowed, null, null);
        var (stored, refusal) = await uploads.StoreAsync(file, 0, cancellationToken);
        if (stored is null) return (DocumentOutcome.Refused, refusal, null);
        var now = clock.GetUtcNow();
        var document = new WorkspaceDocument { WorkspaceId = viewer.Workspace.Id, Title = title, CreatedAt = now, UpdatedAt = now };
        document.Versions.Add(VersionOf(stored, 1, null, viewer.UserId));
        db.WorkspaceDocuments.Add(document);
        audit.Record("workspace.document-added", "workspace:" + viewer.Workspace.Id, stored.FileName);
        await db.SaveChangesAsync(cancellationToken);
        return (DocumentOutcome.Done, null, document.Id);
    }

    public async Task<(DocumentOutcome Outcome, UploadRefusal? Refusal)> AddVersionAsync(WorkspaceViewer viewer, int documentId, IFormFile? file, string? note,
        CancellationToken cancellationToken)
    {
        if (!viewer.CanContribute) return (DocumentOutcome.NotAllowed, null);
        var document = await db.WorkspaceDocuments.FirstOrDefaultAsync(d => d.Id == documentId && d.WorkspaceId == viewer.Workspace.Id, cancellationToken);
        if (document is null) return (DocumentOutcome.NotFound, null);
        var last = await db.WorkspaceDocumentVersions.Where(v => v.DocumentId == documentId).MaxAsync(v => v.Number, cancellationToken);
        if (last >= WorkspaceLimits.DocumentVersions) return (DocumentOutcome.TooManyVersions, null);
        var (stored, refusal) = await uploads.StoreAsync(file, 0, cancellationToken);
        if (stored is null) return (DocumentOutcome.Refused, refusal);
        db.WorkspaceDocumentVersions.Add(VersionOf(stored, last + 1, note, viewer.UserId, documentId));
        document.UpdatedAt = clock.GetUtcNow();
        audit.Record("workspace.document-version-added", "workspace:" + viewer.Workspace.Id, $"document:{documentId} v{last + 1}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // Two versions sent at the same moment: the other took the number; this one is not lost, it is numbered next.
            db.ChangeTracker.Clear();
            await store.DeleteAsync(stored.StoredName, cancellationToken);
            return await AddVersionAsync(viewer, documentId, file, note, cancellationToken);
        }
        return (DocumentOutcome.Done, null);
    }

    /// <summary>A version's file, found through its workspace and document; null when there is none.</summary>
    public async Task<(WorkspaceDocumentVersion Version, Stream Content)?> OpenAsync(int workspaceId, int documentId, int number, CancellationToken cancellationToken)
    {
        var version = await (from v in db.WorkspaceDocumentVersions
                             join d in db.WorkspaceDocuments on v.DocumentId equals d.Id
                             where d.Id == documentId && d.WorkspaceId == workspaceId && v.Number == number
                             select v).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return version is not null && store.OpenRead(version.StoredName) is { } content ? (version, content) : null;
    }

    /// <summary>Offers the current version to the material bank as a material: a lead's offer waits for the coordinators'
    /// review, a coordinator's is published at once. The workspace's organisations are its authors; its public page, if
    /// it has one, is linked as the source.</summary>
    public async Task<(DocumentOutcome Outcome, Material? Material)> OfferAsync(WorkspaceViewer viewer, ClaimsPrincipal by, int documentId, string title,
        string summary, string language, MaterialType type, CancellationToken cancellationToken)
    {
        if (!viewer.CanLead) return (DocumentOutcome.NotAllowed, null);
        var document = await db.WorkspaceDocuments.Include(d => d.Versions)
            .FirstOrDefaultAsync(d => d.Id == documentId && d.WorkspaceId == viewer.Workspace.Id, cancellationToken);
        if (document is null) return (DocumentOutcome.NotFound, null);
        if (document.MaterialId is not null) return (DocumentOutcome.AlreadyOffered, null);
        var current = document.Versions.OrderByDescending(v => v.Number).First();
        var workspace = viewer.Workspace;
        var organisations = (await catalogue.OrganisationsAsync(workspace.Id, cancellationToken)).Select(o => o.Id).ToList();
        var material = await offers.OfferAsync(new MaterialOffer(title, summary, language, type, organisations, workspace.Name,
            workspace.IsPublic ? options.Value.BaseUrl.TrimEnd('/') + "/workspaces/" + workspace.Slug : null,
            current.StoredName, current.FileName, current.ContentType, current.Size, current.Text), by, cancellationToken);
        document.MaterialId = material.Id;
        audit.Record("workspace.document-offered", "workspace:" + workspace.Id, "material:" + material.Slug);
        await db.SaveChangesAsync(cancellationToken);
        return (DocumentOutcome.Done, material);
    }

    private WorkspaceDocumentVersion VersionOf(MaterialFile file, int number, string? note, string? userId, int documentId = 0) => new()
    {
        DocumentId = documentId, Number = number, FileName = file.FileName, StoredName = file.StoredName, ContentType = file.ContentType, Size = file.Size,
        Text = file.Text, Note = note, AddedById = userId, AddedAt = clock.GetUtcNow(),
    };
}
