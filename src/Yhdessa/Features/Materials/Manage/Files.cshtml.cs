using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Features.Materials.Files;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Materials.Manage;

/// <summary><c>/materials/{slug}/files</c>: add and remove a material's files, checked by <see cref="MaterialUploads"/>.
/// A file removed from a material that has been public stays with the earlier version that had it; a coordinator can
/// delete a file for good (a wrong file, personal data).</summary>
[Authorize(Policy = Policies.SignedIn)]
[UploadLimit]
public class FilesModel(YhdessaDb db, MaterialCatalogue catalogue, IFileStore store, MaterialUploads uploads, AuditLog audit,
    TimeProvider clock, IStringLocalizer<MaterialsText> m) : PageModel
{
    public Material Material { get; private set; } = null!;
    public long MaxFileBytes => uploads.MaxFileBytes;
    public bool IsCoordinator => MaterialCatalogue.IsCoordinator(User);

    public async Task<IActionResult> OnGetAsync(string slug, bool toolarge, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } refused) return refused;
        // The upload filter turned back a request bigger than the limit before reading it.
        if (toolarge) ModelState.AddModelError("upload", uploads.Message(UploadRefusal.TooLarge, m));
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var found = await catalogue.FindAsync(slug, cancellationToken);
        if (found is null || !MaterialCatalogue.MaySee(User, found)) return NotFound();
        if (!MaterialCatalogue.MayEdit(User, found)) return Forbid();
        Material = found;
        return null;
    }

    public async Task<IActionResult> OnPostAsync(string slug, IFormFile? upload, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } refused) return refused;
        var (file, refusal) = await uploads.StoreAsync(upload, Material.CurrentFiles.Count(), cancellationToken);
        if (file is null)
        {
            ModelState.AddModelError("upload", uploads.Message(refusal!.Value, m));
            return Page();
        }
        Material.Files.Add(file);
        Material.UpdatedAt = clock.GetUtcNow();
        audit.Record("material.file-added", "material:" + Material.Slug, file.FileName);
        await db.SaveChangesAsync(cancellationToken);
        await catalogue.SyncAsync(Material, cancellationToken);
        TempData["Notice"] = m["FileAdded", file.FileName].Value;
        return Redirect($"/materials/{Material.Slug}/files");
    }

    /// <summary>A podcast episode's recording: MP3 or M4A only, checked by its content like every file. A new recording
    /// replaces the one the episode had, which stays with the earlier version once the episode has been public.</summary>
    public async Task<IActionResult> OnPostAudioAsync(string slug, IFormFile? audio, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } refused) return refused;
        if (Material.Type != MaterialType.PodcastEpisode) return NotFound();
        var earlier = Material.EpisodeAudio;
        var (file, refusal) = await uploads.StoreAsync(audio, Material.CurrentFiles.Count(f => f != earlier), cancellationToken, audioOnly: true);
        if (file is null)
        {
            ModelState.AddModelError("audio", uploads.Message(refusal!.Value, m));
            return Page();
        }
        var deleted = earlier is not null && !Remove(earlier) ? earlier.StoredName : null;
        // The earlier version lists the files added up to the moment it was replaced, which the removal has just set:
        // the new recording comes after it, so that it belongs to the new version only.
        if (earlier?.RemovedAt is { } replaced) file.AddedAt = replaced.AddMilliseconds(1);
        Material.Files.Add(file);
        Material.UpdatedAt = clock.GetUtcNow();
        if (earlier is not null) audit.Record("material.file-removed", "material:" + Material.Slug, earlier.FileName);
        audit.Record("material.file-added", "material:" + Material.Slug, file.FileName);
        await db.SaveChangesAsync(cancellationToken);
        if (deleted is not null) await store.DeleteAsync(deleted, cancellationToken);
        await catalogue.SyncAsync(Material, cancellationToken);
        TempData["Notice"] = m["AudioAdded", file.FileName].Value;
        return Redirect($"/materials/{Material.Slug}/files");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string slug, int fileId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } refused) return refused;
        if (Material.CurrentFiles.FirstOrDefault(f => f.Id == fileId) is not { } file) return NotFound();
        var kept = Remove(file);
        // A new version for the index check, which compares versions (the file's text leaves the index).
        Material.UpdatedAt = clock.GetUtcNow();
        audit.Record("material.file-removed", "material:" + Material.Slug, file.FileName);
        await db.SaveChangesAsync(cancellationToken);
        if (!kept) await store.DeleteAsync(file.StoredName, cancellationToken);
        await catalogue.SyncAsync(Material, cancellationToken);
        TempData["Notice"] = kept ? m["FileRemovedKept", file.FileName].Value : m["FileRemoved", file.FileName].Value;
        return Redirect($"/materials/{Material.Slug}/files");
    }

    /// <summary>Takes a file off the material; true when it is kept with the earlier version, false when it is to be
    /// deleted from the store once the change is saved.</summary>
    private bool Remove(MaterialFile file)
    {
        // Once the material has been public, its readers may have cited this file: it stays with the version that had it.
        if (Material.PublishedAt is null)
        {
            Material.Files.Remove(file);
            db.MaterialFiles.Remove(file);
            return false;
        }
        var versions = Material.Versions.Count;
        catalogue.KeepVersion(Material);
        file.RemovedAt = Material.Versions.Count > versions ? Material.Versions[^1].ReplacedAt : clock.GetUtcNow();
        return true;
    }

    /// <summary>A coordinator deletes a file for good, current or kept with an earlier version: from the database and
    /// the file store, so it can no longer be downloaded from any version.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(string slug, int fileId, CancellationToken cancellationToken)
    {
        if (!MaterialCatalogue.IsCoordinator(User)) return Forbid();
        if (await LoadAsync(slug, cancellationToken) is { } refused) return refused;
        if (Material.Files.FirstOrDefault(f => f.Id == fileId) is not { } file) return NotFound();
        Material.Files.Remove(file);
        db.MaterialFiles.Remove(file);
        Material.UpdatedAt = clock.GetUtcNow();
        audit.Record("material.file-deleted", "material:" + Material.Slug, file.FileName);
        await db.SaveChangesAsync(cancellationToken);
        await store.DeleteAsync(file.StoredName, cancellationToken);
        await catalogue.SyncAsync(Material, cancellationToken);
        TempData["Notice"] = m["FileDeleted", file.FileName].Value;
        return Redirect($"/materials/{Material.Slug}/files");
    }
}
