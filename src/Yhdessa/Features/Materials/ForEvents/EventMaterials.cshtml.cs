using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Events;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Features.Materials.Files;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Materials.ForEvents;

/// <summary>
/// <c>/events/{key}/materials</c>: the material bank's published materials related to the event, and a form that
/// publishes a file (slides, a handout) straight into the bank, related to this event, so a coordinator need not
/// go through the bank's full material form. The page belongs to the material bank, under the event's address. Only for public events: a bank material is public, and a file of a
/// members' or a group's event must not become public on the way. Files are checked by the bank's own rules.
/// </summary>
[Authorize(Policy = Policies.Coordinator)]
[UploadLimit]
public class EventMaterialsModel(EventCatalogue catalogue, MaterialsForEvents materials, MaterialUploads uploads,
    IStringLocalizer<EventsText> e, IStringLocalizer<MaterialsText> m) : PageModel
{
    public sealed class FileInput
    {
        [Required(ErrorMessage = "Required"), StringLength(MaterialLimits.Title, ErrorMessage = "TooLong"), Display(Name = "Events_FileTitle")]
        public string Title { get; set; } = "";
        public string? Language { get; set; }
    }

    [BindProperty] public FileInput Input { get; set; } = new();
    public Event Event { get; private set; } = null!;
    public List<RelatedMaterial> Related { get; private set; } = [];
    public long MaxFileBytes => uploads.MaxFileBytes;
    public bool MayAttach => Event.Visibility == EventVisibility.Public;

    public async Task<IActionResult> OnGetAsync(string key, bool toolarge, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(key, cancellationToken)) return NotFound();
        Input.Language = Languages.Current;
        // The upload filter turned back a request bigger than the limit before reading it.
        if (toolarge) ModelState.AddModelError("upload", uploads.Message(UploadRefusal.TooLarge, m));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, IFormFile? upload, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(key, cancellationToken)) return NotFound();
        if (!MayAttach) return BadRequest();
        if (!Languages.All.Contains(Input.Language)) ModelState.AddModelError("Input.Language", m["ChooseLanguage"]);
        if (!ModelState.IsValid) return Page();

        var (published, refusal) = await materials.PublishFileAsync(Event.Id, Input.Title.Trim(), Input.Language!, upload,
            User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
        if (refusal is { } refused)
        {
            ModelState.AddModelError("upload", uploads.Message(refused, m));
            return Page();
        }
        TempData["Notice"] = (string)e["FilePublished", published!.Title];
        return Redirect($"/events/{Event.Slug}/materials");
    }

    private async Task<bool> LoadAsync(string key, CancellationToken cancellationToken)
    {
        if (await catalogue.FindAsync(Viewer.From(User), key, cancellationToken) is not { } found) return false;
        Event = found;
        Related = await materials.PublishedForEventAsync(found.Id, cancellationToken);
        return true;
    }
}
