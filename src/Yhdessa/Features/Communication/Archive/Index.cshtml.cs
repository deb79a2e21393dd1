using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Yhdessa.Features.Communication.Issues;
using Yhdessa.Features.Communication.Issues.Data;
using Yhdessa.Platform.Web;

namespace Yhdessa.Features.Communication.Archive;

/// <summary><c>/newsletter/archive</c>: every issue sent, newest first, each in the reader's language when it has it.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPages.Policy)]
public class IndexModel(NewsletterIssues issues) : PageModel
{
    public List<NewsletterIssue> Issues { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Issues = await issues.ArchiveAsync(cancellationToken);
}
