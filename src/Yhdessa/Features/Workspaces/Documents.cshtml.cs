using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Materials;
using Yhdessa.Features.Materials.Files;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Workspaces;

/// <summary><c>/workspaces/{slug}/documents</c>: the workspace's documents, latest changed first, and a new one.</summary>
[Authorize(Policy = Policies.SignedIn)]
[UploadLimit]
public class DocumentsModel(WorkspaceAccess access, WorkspaceDocuments documents, MaterialUploads uploads, IStringLocalizer<WorkspacesText> w,
    IStringLocalizer<MaterialsText> m) : WorkspacePage(access)
{
    [BindProperty] public string? Title { get; set; }
    public List<DocumentRow> Documents { get; private set; } = [];
    public long MaxFileBytes => uploads.MaxFileBytes;

    public async Task<IActionResult> OnGetAsync(bool toolarge, CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is { } closed) return closed;
        // The upload filter turned back a request bigger than the limit before reading it.
        if (toolarge) ModelState.AddModelError("file", uploads.Message(UploadRefusal.TooLarge, m));
        Documents = await documents.ListAsync(Workspace.Id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is { } closed) return closed;
        if (!Viewer.CanContribute) return Forbid();
        var title = Title?.Trim();
        if (string.IsNullOrEmpty(title)) title = file is null ? null : Path.GetFileNameWithoutExtension(file.FileName).Trim();
        if (string.IsNullOrEmpty(title)) ModelState.AddModelError(nameof(Title), w["DocumentTitleRequired"]);
        else if (title.Length > WorkspaceLimits.Title) ModelState.AddModelError(nameof(Title), w["TooLong", w["DocumentTitle"], WorkspaceLimits.Title]);
        if (ModelState.IsValid)
        {
            var (outcome, refusal, id) = await documents.AddAsync(Viewer, title!, file, cancellationToken);
            if (outcome == DocumentOutcome.Done)
            {
                TempData["Notice"] = w["DocumentAdded"].Value;
                return Redirect($"/workspaces/{Workspace.Slug}/documents/{id}");
            }
            ModelState.AddModelError("file", uploads.Message(refusal!.Value, m));
        }
        Documents = await documents.ListAsync(Workspace.Id, cancellationToken);
        return Refused();
    }
}
