using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Communication.Items.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Communication.Items;

/// <summary>A member's newsletter items: "download my data" lists them; "delete my account" deletes those not accepted
/// and leaves the accepted ones (which the network may publish) without her.</summary>
public sealed class ItemsPersonalData(YhdessaDb db) : IPersonalDataHolder
{
    public string Section => "newsletterItems";

    public async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var items = await db.NewsletterItems.AsNoTracking().Where(i => i.AuthorId == userId).OrderBy(i => i.SubmittedAt)
            .Select(i => new { i.Title, i.Text, i.Link, i.Language, State = i.State.ToString(), i.SubmittedAt, i.EditorNote, i.SubmittedTitle, i.SubmittedText })
            .ToListAsync(cancellationToken);
        return items.Count == 0 ? null : items;
    }

    public async Task EraseAsync(string userId, CancellationToken cancellationToken) =>
        await db.NewsletterItems.Where(i => i.AuthorId == userId && i.State != ItemState.Accepted).ExecuteDeleteAsync(cancellationToken);
}
