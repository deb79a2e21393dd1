using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Communication.Items.Data;
using Yhdessa.Features.Communication.News;
using Yhdessa.Features.Communication.News.Data;
using Yhdessa.Features.Network.Data;
using Yhdessa.Features.Network.Organisations;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Communication.Items;

/// <summary>A member writes an item for the newsletter or the news (<c>/newsletter/items/new</c>), and edits it while it
/// waits or after it was returned to her (<c>/newsletter/items/{id}/edit</c>), which submits it again. New.cshtml and
/// Edit.cshtml share this model and _ItemForm.cshtml.</summary>
[Authorize(Policy = Policies.SignedIn)]
[RequestSizeLimit(NewsLimits.ImageBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = NewsLimits.ImageBytes + 1024 * 1024)]
public class ItemFormModel(NewsletterItems items, OrganisationDirectory directory, IStringLocalizer<CommunicationText> c) : PageModel
{
    [BindProperty] public ItemInput Input { get; set; } = new();
    public NewsletterItem? Existing { get; private set; }
    public List<Organisation> Organisations { get; private set; } = [];

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is { } itemId)
        {
            // Another person's item is not found: its id tells nothing.
            if ((Existing = await items.FindAsync(itemId, cancellationToken)) is null || Existing.AuthorId != UserId) return NotFound();
            Input = new ItemInput
            {
                Language = Existing.Language, Title = Existing.Title, Text = Existing.Text, Link = Existing.Link, ImageAlt = Existing.ImageAlt,
                OrganisationId = Existing.OrganisationId, Revision = Existing.Revision,
            };
        }
        else Input.Language = Languages.Current;
        Organisations = await directory.ChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, IFormFile? image, CancellationToken cancellationToken)
    {
        if (id is { } itemId && ((Existing = await items.FindAsync(itemId, cancellationToken)) is null || Existing.AuthorId != UserId)) return NotFound();
        Organisations = await directory.ChoicesAsync(cancellationToken);
        var upload = image is { Length: > 0 } ? new UploadedImage(image.FileName, image.Length, image.OpenReadStream) : null;
        var (saved, problems) = await items.SaveAsync(UserId, Existing, Input, upload, cancellationToken);
        if (saved is null)
        {
            foreach (var (field, message) in problems) ModelState.AddModelError(field, message);
            return Page();
        }
        TempData["Notice"] = (string)c["ItemSubmitted"];
        return Redirect("/newsletter/items");
    }
}
