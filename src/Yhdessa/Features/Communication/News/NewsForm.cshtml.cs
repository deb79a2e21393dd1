using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Communication.News.Data;
using Yhdessa.Features.Events;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Network.Data;
using Yhdessa.Features.Network.Organisations;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Web;

namespace Yhdessa.Features.Communication.News;

/// <summary>Coordinators write news: <c>/news/new</c> and <c>/news/{slug}/edit</c> (New.cshtml and Edit.cshtml share this
/// model and _NewsForm.cshtml). A post is saved as a draft or published; a published one can be withdrawn.</summary>
[Authorize(Policy = Policies.Coordinator)]
[RequestSizeLimit(NewsLimits.ImageBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = NewsLimits.ImageBytes + 1024 * 1024)]
public class NewsFormModel(NewsCatalogue news, NewsEditor editor, NewsLinks links, EventCatalogue events, OrganisationDirectory directory,
    IStringLocalizer<CommunicationText> c) : PageModel
{
    [BindProperty] public NewsDraft Input { get; set; } = new();
    public NewsPost? Existing { get; private set; }
    public List<EventTheme> Themes { get; private set; } = [];
    public List<Organisation> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken)
    {
        if (slug is not null)
        {
            if ((Existing = await news.FindAsync(slug, coordinator: true, cancellationToken)) is null) return NotFound();
            Input = NewsDraft.From(Existing, (await links.FindAsync(Existing.Links, cancellationToken)).Select(l => l.Url));
        }
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? slug, IFormFile? image, string? action, CancellationToken cancellationToken)
    {
        if (slug is not null && (Existing = await news.FindAsync(slug, coordinator: true, cancellationToken)) is null) return NotFound();
        await LoadChoicesAsync(cancellationToken);
        var chosen = action switch
        {
            "publish" => NewsAction.Publish,
            "withdraw" when Existing?.State == NewsState.Published => NewsAction.Withdraw,
            _ when Existing is null || Existing.State != NewsState.Published => NewsAction.SaveDraft,
            _ => NewsAction.Save,
        };
        var upload = image is { Length: > 0 } ? new UploadedImage(image.FileName, image.Length, image.OpenReadStream) : null;
        var result = await editor.SaveAsync(Existing, Input, upload, chosen, cancellationToken);
        if (!result.Saved)
        {
            foreach (var (field, message) in result.Problems) ModelState.AddModelError(field, message);
            return Page();
        }
        TempData["Notice"] = (string)c["NewsSaved_" + chosen];
        return Redirect("/news/" + result.Post!.Slug);
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Themes = await events.ThemesAsync(cancellationToken);
        Organisations = await directory.ChoicesAsync(cancellationToken);
    }
}
