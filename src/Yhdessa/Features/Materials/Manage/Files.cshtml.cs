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

/// <summary><c>/materials/{slug}/files</c>: add and remove a material's files. A file is accepted by its content
/// (PDF, Office, ODT, images, MP3/M4A), never by its name, and up to <see cref="MaterialOptions.MaxFileBytes"/>.</summary>
[Authorize(Policy = Policies.SignedIn)]
[UploadLimit]
public class FilesModel(YhdessaDb db, MaterialCatalogue catalogue, IFileStore store, AuditLog audit, TimeProvider clock,
    IOptions<MaterialOptions> options, IStringLocalizer<MaterialsText> m, ILogger<FilesModel> logger) : PageModel
{
    public const string Accept = ".pdf,.docx,.pptx,.xlsx,.odt,.png,.jpg,.jpeg,.gif,.webp,.mp3,.m4a";

    public Material Material { get; private set; } = null!;
    public long MaxFileBytes => options.Value.MaxFileBytes;

    public async Task<IActionResult> OnGetAsync(string slug, bool toolarge, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } refused) return refused;
        // The upload filter turned back a request bigger than the limit before reading it.
        if (toolarge) ModelState.AddModelError("upload", TooLarge());
        return Page();
    }

    private string TooLarge() => m["FileTooLarge", MaterialsDisplay.Size(MaxFileBytes, Languages.FormattingCulture(Languages.Current))];

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
        if (upload is null || upload.Length == 0) ModelState.AddModelError("upload", m["ChooseFile"]);
        else if (upload.Length > MaxFileBytes) ModelState.AddModelError("upload", TooLarge());
        else if (Material.Files.Count >= MaterialLimits.MaxFiles) ModelState.AddModelError("upload", m["TooManyFiles"]);
        if (!ModelState.IsValid) return Page();

        // Read into a temporary file: recognising the kind and taking the text both need to seek.
        await using var temporary = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await upload!.CopyToAsync(temporary, cancellationToken);
        var kind = MaterialFiles.Recognise(temporary);
        if (kind is null)
        {
            ModelState.AddModelError("upload", m["FileTypeRefused"]);
            return Page();
        }
        var text = kind.HasText ? MaterialFiles.ExtractText(temporary, kind, MaterialLimits.FileText, logger) : "";
        var file = new MaterialFile
        {
            FileName = MaterialFiles.SafeName(upload.FileName, kind),
            StoredName = Guid.NewGuid().ToString("N") + kind.Extension,
            ContentType = kind.ContentType,
            Size = temporary.Length,
            Text = text,
            AddedAt = clock.GetUtcNow(),
        };
        temporary.Position = 0;
        await store.SaveAsync(file.StoredName, temporary, cancellationToken);
        Material.Files.Add(file);
        Material.UpdatedAt = clock.GetUtcNow();
        audit.Record("material.file-added", "material:" + Material.Slug, file.FileName);
        await db.SaveChangesAsync(cancellationToken);
        await catalogue.SyncAsync(Material, cancellationToken);
        TempData["Notice"] = m["FileAdded", file.FileName].Value;
        return Redirect($"/materials/{Material.Slug}/files");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string slug, int fileId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } refused) return refused;
        if (Material.Files.FirstOrDefault(f => f.Id == fileId) is not { } file) return NotFound();
        Material.Files.Remove(file);
        db.MaterialFiles.Remove(file);
        // A new version for the index check, which compares versions (the file's text leaves the index).
        Material.UpdatedAt = clock.GetUtcNow();
        audit.Record("material.file-removed", "material:" + Material.Slug, file.FileName);
        await db.SaveChangesAsync(cancellationToken);
        await store.DeleteAsync(file.StoredName, cancellationToken);
        await catalogue.SyncAsync(Material, cancellationToken);
        TempData["Notice"] = m["FileRemoved", file.FileName].Value;
        return Redirect($"/materials/{Material.Slug}/files");
    }
}
