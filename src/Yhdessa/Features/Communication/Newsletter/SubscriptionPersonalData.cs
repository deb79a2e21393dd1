using Microsoft.EntityFrameworkCore;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Communication.Newsletter;

/// <summary>
/// A member's newsletter subscription: the one made from her account, or one for her account's address. "Download my
/// data" shows it with every consent (what she agreed to, when, in which language) and the issues sent to it; "delete my
/// account" deletes it (and those records with it), as the address goes with the account.
/// </summary>
public sealed class SubscriptionPersonalData(YhdessaDb db) : IPersonalDataHolder
{
    public string Section => "newsletter";

    public async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var key = await EmailKeyAsync(userId, cancellationToken);
        var subscriptions = await db.Subscriptions.AsNoTracking().Where(s => s.UserId == userId || s.EmailKey == key)
            .Include(s => s.Topics).ThenInclude(t => t.Theme).Include(s => s.Consents).AsSplitQuery()
            .ToListAsync(cancellationToken);
        var ids = subscriptions.Select(s => s.Id).ToList();
        // The issues sent to her address: which, when, in which language, and a refusal's answer if her server gave one.
        var deliveries = (await db.NewsletterDeliveries.AsNoTracking().Where(d => ids.Contains(d.SubscriptionId))
            .Select(d => new
            {
                d.SubscriptionId, Number = db.NewsletterIssues.Where(i => i.Id == d.IssueId).Select(i => i.Number).FirstOrDefault(),
                Subject = db.IssueTexts.Where(t => t.IssueId == d.IssueId && t.Language == d.Language).Select(t => t.Subject).FirstOrDefault(),
                d.Language, d.State, d.SentAt, d.LastError,
            })
            .ToListAsync(cancellationToken)).ToLookup(d => d.SubscriptionId);
        return subscriptions.Count == 0 ? null : subscriptions.Select(s => new
        {
            s.Email, s.Language, State = s.State.ToString(), s.CreatedAt, s.ConfirmedAt, s.UnsubscribedAt, s.Refusals,
            Topics = s.Topics.Select(t => t.Theme!.NameFi),
            Consents = s.Consents.OrderBy(x => x.At).Select(x => new { Action = x.Action.ToString(), x.At, x.Language, x.Text }),
            Issues = deliveries[s.Id].OrderBy(d => d.Number)
                .Select(d => new { Issue = d.Number, d.Subject, d.Language, State = d.State.ToString(), d.SentAt, d.LastError }),
        }).ToList();
    }

    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        var key = await EmailKeyAsync(userId, cancellationToken);
        await db.Subscriptions.Where(s => s.UserId == userId || s.EmailKey == key).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<string?> EmailKeyAsync(string userId, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken) is { } email
            ? Subscriptions.KeyOf(email) : null;
}
