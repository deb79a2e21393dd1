using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Materials;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Features.Materials.Files;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Workspaces;

/// <summary><c>/workspaces/{slug}/documents/{id}</c>: a document's versions (each one downloadable, newest first), a new
/// version, and the lead's offer of it to the material bank.</summary>
[Authorize(Policy = Policies.SignedIn)]
[UploadLimit]
public class DocumentModel(WorkspaceAccess access, WorkspaceDocuments documents, MaterialUploads uploads, WorkspacePeople people,
    IStringLocalizer<WorkspacesText> w, IStringLocalizer<MaterialsText> m) : WorkspacePage(access)
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? MaterialTitle { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? Language { get; set; } = Languages.Finnish;
    [BindProperty] public MaterialType Type { get; set; } = MaterialType.ModelOrGuide;

    public WorkspaceDocument Document { get; private set; } = null!;
    public Dictionary<string, string> Names { get; private set; } = [];
    public long MaxFileBytes => uploads.MaxFileBytes;

    public async Task<IActionResult> OnGetAsync(bool toolarge, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        // The upload filter turned back a request bigger than the limit before reading it.
        if (toolarge) ModelState.AddModelError("file", uploads.Message(UploadRefusal.TooLarge, m));
        MaterialTitle = Document.Title;
        return Page();
    }

    /// <summary>A version's file, to participants only, found through its workspace and document.</summary>
    public async Task<IActionResult> OnGetFileAsync(int number, CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is { } closed) return closed;
        if (await documents.OpenAsync(Workspace.Id, Id, number, cancellationToken) is not { } found) return NotFound();
        var inline = found.Version.ContentType is "application/pdf" || found.Version.ContentType.StartsWith("image/", StringComparison.Ordinal);
        Response.Headers.ContentDisposition = MaterialFiles.ContentDisposition(found.Version.FileName, inline);
        // Private files: never kept by a shared cache.
        Response.Headers.CacheControl = "private, no-store";
        return new FileStreamResult(found.Content, found.Version.ContentType) { EnableRangeProcessing = true };
    }

    public async Task<IActionResult> OnPostVersionAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        if (!Viewer.CanContribute) return Forbid();
        if (Note?.Trim().Length > WorkspaceLimits.DocumentNote) ModelState.AddModelError(nameof(Note), w["TooLong", w["VersionNote"], WorkspaceLimits.DocumentNote]);
        if (!ModelState.IsValid) return Refused();
        var (outcome, refusal) = await documents.AddVersionAsync(Viewer, Id, file, Platform.Text.TextInput.TrimToNull(Note), cancellationToken);
        if (outcome == DocumentOutcome.Done)
        {
            TempData["Notice"] = w["VersionAdded"].Value;
            return Redirect($"/workspaces/{Workspace.Slug}/documents/{Id}");
        }
        ModelState.AddModelError("file", outcome == DocumentOutcome.TooManyVersions ? w["TooManyVersions", WorkspaceLimits.DocumentVersions] : uploads.Message(refusal!.Value, m));
        return Refused();
    }

    public async Task<IActionResult> OnPostOfferAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        if (!Viewer.CanLead) return Forbid();
        if (string.IsNullOrWhiteSpace(MaterialTitle)) ModelState.AddModelError(nameof(MaterialTitle), w["MaterialTitleRequired"]);
        else if (MaterialTitle.Trim().Length > MaterialLimits.Title) ModelState.AddModelError(nameof(MaterialTitle), w["TooLong", w["MaterialTitle"], MaterialLimits.Title]);
        if (string.IsNullOrWhiteSpace(Summary)) ModelState.AddModelError(nameof(Summary), w["SummaryRequired"]);
        else if (Summary.Trim().Length > MaterialLimits.Summary) ModelState.AddModelError(nameof(Summary), w["TooLong", w["Summary"], MaterialLimits.Summary]);
        if (Language is null || !Languages.All.Contains(Language)) ModelState.AddModelError(nameof(Language), w["ChooseLanguage"]);
        if (ModelState[nameof(Type)]?.Errors.Count > 0 || !Enum.IsDefined(Type) || Type == MaterialType.PodcastEpisode)
        {
            ModelState[nameof(Type)]?.Errors.Clear();
            ModelState.AddModelError(nameof(Type), w["ChooseMaterialType"]);
        }
        if (!ModelState.IsValid) return Refused();
        var (outcome, material) = await documents.OfferAsync(Viewer, User, Id, MaterialTitle!.Trim(), Summary!.Trim(), Language!, Type, cancellationToken);
        if (outcome == DocumentOutcome.AlreadyOffered)
        {
            ModelState.AddModelError("", w["AlreadyOffered"]);
            return Refused();
        }
        TempData["Notice"] = (material!.Status == MaterialStatus.Published ? w["OfferedPublished"] : w["OfferedForReview"]).Value;
        return Redirect($"/workspaces/{Workspace.Slug}/documents/{Id}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is { } closed) return closed;
        if (await documents.FindAsync(Workspace.Id, Id, cancellationToken) is not { } document) return NotFound();
        Document = document;
        Names = (await people.ParticipantsAsync(Workspace.Id, cancellationToken)).ToDictionary(p => p.UserId, p => p.Name);
        return null;
    }
}
