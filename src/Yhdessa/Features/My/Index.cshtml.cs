using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.My;

/// <summary><c>/my</c>: the signed-in person's own things from every feature in one place (registrations, feedback to
/// give, certificates, groups, materials, work tools), each part linking to its feature's full page.</summary>
[Authorize(Policy = Policies.SignedIn)]
public class IndexModel(IEnumerable<IMyPagePart> parts) : PageModel
{
    public List<MyPagePart> Parts { get; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        foreach (var part in parts.OrderBy(p => p.Order))
            if (await part.LoadAsync(User, cancellationToken) is { } loaded) Parts.Add(loaded);
    }
}
