using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Communication.News.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Communication.News;

/// <summary><c>/news/{slug}</c>: one post in the reader's language, or in the one it has, with links to its other
/// languages, its image, the organisation credited, and the events, materials and needs it links to.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPages.Policy)]
public class DetailsModel(NewsCatalogue news, NewsLinks links, YhdessaDb db) : PageModel
{
    public NewsPost Post { get; private set; } = null!;
    public NewsText Text { get; private set; } = null!;
    public List<LinkedRecord> Linked { get; private set; } = [];
    public string? OrganisationName { get; private set; }
    public string? OrganisationSlug { get; private set; }
    public bool IsCoordinator => User.IsInRole(Roles.Coordinator);

    /// <param name="language">A language the post is written in, chosen from its language links; else the page's.</param>
    public async Task<IActionResult> OnGetAsync(string slug, string? language, CancellationToken cancellationToken)
    {
        if (await news.FindAsync(slug, IsCoordinator, cancellationToken) is not { } post) return NotFound();
        Post = post;
        Text = post.TextIn(Languages.All.Contains(language) ? language! : Languages.Current);
        Linked = await links.FindAsync(post.Links, cancellationToken);
        if (post.OrganisationId is { } organisationId
            && await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, cancellationToken) is { } organisation)
            (OrganisationName, OrganisationSlug) = (organisation.Name, organisation.Slug);
        return Page();
    }
}
