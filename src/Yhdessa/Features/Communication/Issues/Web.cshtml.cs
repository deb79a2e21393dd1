using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Communication.Issues;

/// <summary><c>/newsletter/issues/{id}/web/{language}</c>: a draft as it will read in the archive.</summary>
[Authorize(Policy = Policies.Coordinator)]
public class WebModel(NewsletterIssues issues) : PageModel
{
    public IssueView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, string language, CancellationToken cancellationToken)
    {
        if (await issues.FindAsync(id, cancellationToken) is not { } issue || issue.Texts.All(t => t.Language != language)) return NotFound();
        View = new IssueView(issue, await issues.OrganisationsAsync(issue, cancellationToken), language);
        return Page();
    }
}
