using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Events;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Features.Materials.Files;
using Yhdessa.Features.Materials.Search;
using Yhdessa.Features.Network.People;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Materials;

/// <summary><c>/materials/{slug}</c>: the whole material, its files, versions and related materials; for its
/// author and coordinators also the steps draft → proposed → published. A material the viewer may not see is not found.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPages.Policy)]
public partial class DetailsModel(YhdessaDb db, MaterialCatalogue catalogue, MaterialIndex index, PublicPeople people, AuditLog audit,
    MaterialMail mail, IFileStore store, IAnsweredNeeds needs, TimeProvider clock, IStringLocalizer<MaterialsText> m) : PageModel
{
    /// <summary>The needs of the field this material answers.</summary>
    public List<AnsweredNeed> AnsweredNeeds { get; private set; } = [];

    public Material Material { get; private set; } = null!;
    public string BodyHtml { get; private set; } = "";
    /// <summary>A podcast episode's show notes (sanitised Markdown) and its transcript in paragraphs, as written.</summary>
    public string ShowNotesHtml { get; private set; } = "";
    public List<string> Transcript { get; private set; } = [];
    /// <summary>A transcript up to this many characters is shown open; a longer one opens with a press.</summary>
    public const int ShortTranscript = 3000;
    public List<Material> Translations { get; private set; } = [];
    public IReadOnlyList<MaterialHit> Related { get; private set; } = [];
    /// <summary>The authors in order, each an organisation, a person with a public profile or a name; an author whose
    /// profile is no longer public is left out.</summary>
    public List<(string Name, string? Url)> Authors { get; private set; } = [];
    public bool MayEdit { get; private set; }
    /// <summary>For a coordinator reviewing an unpublished material: the display name of the account that created it.</summary>
    public string? ProposedBy { get; private set; }
    public bool IsCoordinator { get; private set; }
    /// <summary>A draft that was never public may be deleted by whoever may edit it: a false start, a duplicate.</summary>
    public bool MayDelete => MayEdit && Material.Status != MaterialStatus.Published && Material.PublishedAt is null;
    /// <summary>The delete button was pressed once: the page asks to confirm.</summary>
    public bool ConfirmingDelete { get; private set; }

    /// <summary>What the coordinator wrote to the author when returning a proposal (kept when the form has an error).</summary>
    public string? Note { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken)) return NotFound();
        await ShowAsync(cancellationToken);
        return Page();
    }

    /// <summary>Reads what the page shows besides the material itself.</summary>
    private async Task ShowAsync(CancellationToken cancellationToken)
    {
        BodyHtml = SafeMarkdown.ToHtml(Material.Body);
        if (Material is { Type: MaterialType.PodcastEpisode, Episode: { } episode })
        {
            ShowNotesHtml = SafeMarkdown.ToHtml(episode.ShowNotes);
            Transcript = [.. ParagraphBreak().Split(episode.Transcript).Select(p => p.Trim()).Where(p => p.Length > 0)];
        }
        if (Material.Status == MaterialStatus.Published) AnsweredNeeds = await needs.AnsweredByAsync("material", Material.Id, cancellationToken);
        var authors = Material.Authors.OrderBy(a => a.Position).ToList();
        var profiles = await people.FindAsync(authors.Where(a => a.ProfileId is not null).Select(a => a.ProfileId!.Value), cancellationToken);
        foreach (var author in authors)
        {
            if (author.Organisation is { } organisation) Authors.Add((organisation.Name, "/network/organisations/" + organisation.Slug));
            else if (author.ProfileId is { } profile && profiles.TryGetValue(profile, out var person)) Authors.Add((person.Name, person.Url));
            else if (author.ProfileId is null && author.Name.Length > 0) Authors.Add((author.Name, null));
        }
        Translations = await catalogue.TranslationsAsync(User, Material, cancellationToken);
        if (IsCoordinator && Material.Status != MaterialStatus.Published && Material.CreatedById is { } creator)
            ProposedBy = await db.Users.AsNoTracking().Where(u => u.Id == creator).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        if (Material.Status == MaterialStatus.Published)
            Related = await index.RelatedAsync(Material.Id, Material.Title, Material.Themes.Select(t => t.ThemeId), 5, cancellationToken);
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await catalogue.FindAsync(slug, cancellationToken) is not { } found || !MaterialCatalogue.MaySee(User, found)) return false;
        Material = found;
        MayEdit = MaterialCatalogue.MayEdit(User, found);
        IsCoordinator = MaterialCatalogue.IsCoordinator(User);
        return true;
    }

    /// <summary>The author (or a coordinator) sends a draft for review.</summary>
    public Task<IActionResult> OnPostProposeAsync(string slug, CancellationToken cancellationToken) =>
        ChangeStatusAsync(slug, MaterialStatus.Draft, MaterialStatus.Proposed, coordinatorOnly: false, "material.proposed", "Proposed", cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(string slug, CancellationToken cancellationToken) =>
        ChangeStatusAsync(slug, null, MaterialStatus.Published, coordinatorOnly: true, "material.published", "PublishedNotice", cancellationToken);

    /// <summary>Deletes a draft that was never public, with its files, after a confirmation step (the first press
    /// only asks). A published or once-published material is withdrawn instead, so that its history stays.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(string slug, bool confirmed, CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        if (!await LoadAsync(slug, cancellationToken)) return NotFound();
        if (!MayEdit) return Forbid();
        if (!MayDelete)
        {
            TempData["Notice"] = m["StatusUnchanged"].Value;
            return Redirect("/materials/" + Material.Slug);
        }
        if (!confirmed)
        {
            ConfirmingDelete = true;
            await ShowAsync(cancellationToken);
            return Page();
        }
        var stored = Material.Files.Select(f => f.StoredName).ToList();
        db.Materials.Remove(Material);
        audit.Record("material.deleted", "material:" + Material.Id, Material.Slug);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var name in stored) await store.DeleteAsync(name, cancellationToken);
        TempData["Notice"] = m["DraftDeleted", Material.Title].Value;
        return Redirect("/materials/drafts");
    }

    /// <summary>A coordinator sends a proposal back to its author with a note on what to change (required, mailed to
    /// the author), or takes a published material off the public pages.</summary>
    public Task<IActionResult> OnPostReturnAsync(string slug, string? note, CancellationToken cancellationToken) =>
        ChangeStatusAsync(slug, null, MaterialStatus.Draft, coordinatorOnly: true, "material.returned", "ReturnedNotice", cancellationToken, note);

    private async Task<IActionResult> ChangeStatusAsync(string slug, MaterialStatus? from, MaterialStatus to, bool coordinatorOnly,
        string action, string notice, CancellationToken cancellationToken, string? note = null)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        if (coordinatorOnly && !MaterialCatalogue.IsCoordinator(User)) return Forbid();
        if (!await LoadAsync(slug, cancellationToken)) return NotFound();
        if (!MayEdit) return Forbid();
        if ((from is not null && Material.Status != from) || Material.Status == to)
        {
            TempData["Notice"] = m["StatusUnchanged"].Value;
            return Redirect("/materials/" + Material.Slug);
        }
        // Those who cannot hear the recording read it (WCAG 1.2.1): an episode with audio is published with its transcript.
        if (to == MaterialStatus.Published && Material.EpisodeAudio is not null && string.IsNullOrEmpty(Material.Episode?.Transcript))
        {
            ModelState.AddModelError("", m["PublishNeedsTranscript"]);
            await ShowAsync(cancellationToken);
            return Page();
        }
        var returning = Material.Status == MaterialStatus.Proposed && to == MaterialStatus.Draft;
        if (returning)
        {
            Note = note?.Trim();
            if (string.IsNullOrEmpty(Note)) ModelState.AddModelError("note", m["ReturnNeedsNote"]);
            else if (Note.Length > MaterialLimits.ReviewNote) ModelState.AddModelError("note", m["ReturnNoteTooLong"]);
            if (!ModelState.IsValid)
            {
                await ShowAsync(cancellationToken);
                return Page();
            }
        }
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var now = clock.GetUtcNow();
        if (to == MaterialStatus.Published)
        {
            Material.PublishedAt = now;
            Material.ReviewNote = "";
            await mail.PublishedAsync(Material, userId, cancellationToken);
        }
        else if (to == MaterialStatus.Proposed)
        {
            Material.ProposedAt = now;
            Material.ReviewNote = "";
            await mail.ProposedAsync(Material, userId, cancellationToken);
        }
        else if (returning)
        {
            Material.ReviewNote = Note!;
            await mail.ReturnedAsync(Material, userId, cancellationToken);
            if (Material.CreatedById is not null && Material.CreatedById != userId) notice = "ReturnedToAuthorNotice";
        }
        Material.Status = to;
        Material.UpdatedAt = now;
        audit.Record(action, "material:" + Material.Id, Material.Slug);
        await db.SaveChangesAsync(cancellationToken);
        await catalogue.SyncAsync(Material, cancellationToken);
        TempData["Notice"] = m[notice].Value;
        return Redirect("/materials/" + Material.Slug);
    }

    [GeneratedRegex(@"\r?\n\s*\r?\n")]
    private static partial Regex ParagraphBreak();
}
