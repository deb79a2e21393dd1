using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Yhdessa.Features.Communication.Issues;
using Yhdessa.Platform.Web;

namespace Yhdessa.Features.Communication.Archive;

/// <summary><c>/newsletter/archive/{number}/{language}</c>: a sent issue in one of its languages, the address the email's
/// "read on the web" link opens. A language the issue was not written in leads to the first one it was.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPages.Policy)]
public class IssueModel(NewsletterIssues issues) : PageModel
{
    public IssueView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int number, string language, CancellationToken cancellationToken)
    {
        if (await issues.SentAsync(number, cancellationToken) is not { } issue) return NotFound();
        if (issue.Texts.All(t => t.Language != language)) return Redirect($"/newsletter/archive/{number}/{issue.TextIn(language)!.Language}");
        View = new IssueView(issue, await issues.OrganisationsAsync(issue, cancellationToken), language);
        return Page();
    }
}
