using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Communication.Issues.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Communication.Issues;

/// <summary><c>/newsletter/issues/{id}/progress</c>: how the sending of an issue goes: sent, waiting, failed, skipped and the
/// estimated time left. A script asks for the figures every few seconds (<c>?handler=Figures</c>) and a screen reader hears
/// them politely; without the script the page has a link that loads it again.</summary>
[Authorize(Policy = Policies.Coordinator)]
public class ProgressModel(NewsletterIssues issues, YhdessaDb db, IOptionsMonitor<SmtpOptions> smtp, IStringLocalizer<CommunicationText> c) : PageModel
{
    public NewsletterIssue Issue { get; private set; } = null!;
    public IssueProgress Progress { get; private set; } = null!;
    public List<(string Email, string? Error)> Failed { get; private set; } = [];
    public bool MailServerMissing => string.IsNullOrWhiteSpace(smtp.CurrentValue.Host);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await issues.FindAsync(id, cancellationToken) is not { } issue) return NotFound();
        if (issue.State is IssueState.Draft or IssueState.Scheduled) return Redirect($"/newsletter/issues/{id}");
        Issue = issue;
        Progress = await issues.ProgressAsync(issue, cancellationToken);
        Failed = [.. (await db.NewsletterDeliveries.AsNoTracking().Where(d => d.IssueId == id && d.State == DeliveryState.Failed)
            .Join(db.Subscriptions, d => d.SubscriptionId, s => s.Id, (d, s) => new { s.Email, d.LastError })
            .OrderBy(x => x.Email).Take(200).ToListAsync(cancellationToken)).Select(x => (x.Email, x.LastError))];
        return Page();
    }

    /// <summary>The figures for the script, already in words, so that the page reads the same with and without it.</summary>
    public async Task<IActionResult> OnGetFiguresAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.NewsletterIssues.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken) is not { } issue) return NotFound();
        var progress = await issues.ProgressAsync(issue, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(new
        {
            sent = progress.Sent, waiting = progress.Waiting, failed = progress.Failed, skipped = progress.Skipped,
            left = TimeLeft(progress), done = issue.State == IssueState.Sent, summary = Summary(issue, progress),
        });
    }

    public string TimeLeft(IssueProgress progress) => progress.Waiting == 0 ? c["ProgressNothingLeft"]
        : progress.Left.TotalMinutes < 1 ? c["ProgressUnderMinute"]
        : progress.Left.TotalHours < 1 ? c.Count("ProgressMinutes", (int)Math.Ceiling(progress.Left.TotalMinutes))
        : c["ProgressHours", (int)progress.Left.TotalHours, progress.Left.Minutes];

    public string Summary(NewsletterIssue issue, IssueProgress progress) => issue.State == IssueState.Sent
        ? c["ProgressSummaryDone", progress.Sent, progress.Total]
        : c["ProgressSummary", progress.Sent, progress.Total];
}
