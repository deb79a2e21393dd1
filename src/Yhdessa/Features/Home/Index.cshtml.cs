using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Yhdessa.Features.My;

namespace Yhdessa.Features.Home;

/// <summary><c>/</c>, the network's front door: what the network is, then the sections the features give (the next events,
/// the newest materials, the needs answered …, see <see cref="IFrontPageSection"/>) and the way into the network. A person
/// signed in also sees her own next things from the parts of her own page that say <see cref="IMyPagePart.OnFrontPage"/>;
/// her page is built for her each time, as the output cache serves only visitors.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPages.Policy)]
public class IndexModel(IEnumerable<IFrontPageSection> sections) : PageModel
{
    public List<MyPagePart> Mine { get; } = [];
    public List<FrontPageSection> Sections { get; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            // Asked for only here: a visitor's page (most of them) need not make every feature's part.
            var myParts = HttpContext.RequestServices.GetServices<IMyPagePart>();
            foreach (var part in myParts.Where(p => p.OnFrontPage).OrderBy(p => p.Order))
                if (await part.LoadAsync(User, cancellationToken) is { } loaded)
                    Mine.Add(loaded with { Things = [.. loaded.Things.Take(FrontPage.MyThings)] });
        }
        foreach (var section in sections.OrderBy(s => s.Order))
        {
            if (await section.LoadAsync(cancellationToken) is not { } loaded) continue;
            Sections.Add(loaded);
            PublicPages.AlsoTag(HttpContext, loaded.CacheTags);
        }
    }
}
