using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Communication.Issues.Data;
using Yhdessa.Features.Communication.Newsletter.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Communication.Issues;

/// <summary><c>/newsletter/issues</c>: the coordinators' list of issues (drafts, scheduled, being sent, sent), a new issue,
/// and the addresses the sender has stopped trying.</summary>
[Authorize(Policy = Policies.Coordinator)]
public class IndexModel(NewsletterIssues issues, IStringLocalizer<CommunicationText> c) : PageModel
{
    public List<NewsletterIssue> Issues { get; private set; } = [];
    public List<Subscription> Undeliverable { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Issues = await issues.AllAsync(cancellationToken);
        Undeliverable = await issues.UndeliverableAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var issue = await issues.CreateAsync(cancellationToken);
        TempData["Notice"] = c["IssueCreated"].Value;
        return Redirect($"/newsletter/issues/{issue.Id}");
    }

    public async Task<IActionResult> OnPostRetryAsync(long subscriptionId, CancellationToken cancellationToken)
    {
        await issues.RetryAddressAsync(subscriptionId, cancellationToken);
        TempData["Notice"] = c["AddressWillBeTried"].Value;
        return Redirect("/newsletter/issues#undeliverable-heading");
    }
}
