using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Features.Materials.Files;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Materials;

/// <summary>
/// The materials a person created. "Download my data" lists them with their state and any review note; "delete my
/// account" deletes her drafts that were never public (nobody else can finish them, and they are hers), with their
/// files; a material that has been public stays in the bank as the network's, without the link to her account.
/// </summary>
public sealed class MaterialsPersonalData(YhdessaDb db, IFileStore store) : IPersonalDataHolder
{
    public string Section => "materials";

    public async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var materials = await db.Materials.AsNoTracking().Where(m => m.CreatedById == userId).OrderBy(m => m.CreatedAt)
            .Select(m => new
            {
                m.Slug, m.Title, Status = m.Status.ToString(), m.Language, m.CreatedAt, m.UpdatedAt, m.ProposedAt, m.PublishedAt,
                m.ReviewNote, Files = m.Files.Select(f => f.FileName).ToList(),
            })
            .ToListAsync(cancellationToken);
        return materials.Count == 0 ? null : new { Created = materials };
    }

    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        var drafts = await db.Materials.Include(m => m.Files)
            .Where(m => m.CreatedById == userId && m.Status != MaterialStatus.Published && m.PublishedAt == null)
            .ToListAsync(cancellationToken);
        if (drafts.Count == 0) return;
        var stored = drafts.SelectMany(m => m.Files).Select(f => f.StoredName).ToList();
        db.Materials.RemoveRange(drafts);
        await db.SaveChangesAsync(cancellationToken);
        // Files go as soon as their rows do: should the account's deletion still fail and roll back, the drafts would
        // be left without their files, which is better than a deleted person's files left behind.
        foreach (var name in stored) await store.DeleteAsync(name, cancellationToken);
    }
}
