using Microsoft.EntityFrameworkCore;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Needs;

/// <summary>
/// The needs a person raised, supported and follows, and the triage notes she wrote. "Download my data" lists them;
/// "delete my account" takes back her supports (each need's count with them) and her follows, and leaves her needs to
/// the network without her: the link to her account goes, and a need that showed her name now says only where it came
/// from. Her triage notes stay with the needs without her name (the database unlinks them with the account).
/// </summary>
public sealed class NeedsPersonalData(YhdessaDb db) : IPersonalDataHolder
{
    public string Section => "needs";

    public async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var raised = await db.Needs.AsNoTracking().Where(n => n.RaisedById == userId).OrderBy(n => n.RaisedAt)
            .Select(n => new { n.Id, n.Title, n.Description, Kind = n.Kind.ToString(), State = n.State.ToString(), n.RaisedAt, NameShown = n.RaiserNameShown })
            .ToListAsync(cancellationToken);
        var supported = await db.NeedSupports.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.SupportedAt)
            .Select(s => new { s.NeedId, s.SupportedAt, s.Comment })
            .ToListAsync(cancellationToken);
        var followed = await db.NeedFollowers.AsNoTracking().Where(f => f.UserId == userId).OrderBy(f => f.FollowedAt)
            .Select(f => new { f.NeedId, f.FollowedAt }).ToListAsync(cancellationToken);
        var notes = await db.NeedTriageNotes.AsNoTracking().Where(t => t.AuthorId == userId).OrderBy(t => t.At)
            .Select(t => new { t.NeedId, t.At, t.Text }).ToListAsync(cancellationToken);
        return raised.Count == 0 && supported.Count == 0 && followed.Count == 0 && notes.Count == 0
            ? null : new { Raised = raised, Supported = supported, Followed = followed, TriageNotes = notes };
    }

    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        var supported = await db.NeedSupports.Where(s => s.UserId == userId).Select(s => s.NeedId).ToListAsync(cancellationToken);
        if (supported.Count > 0)
        {
            await db.Needs.Where(n => supported.Contains(n.Id))
                .ExecuteUpdateAsync(n => n.SetProperty(x => x.SupportCount, x => x.SupportCount - 1), cancellationToken);
            await db.NeedSupports.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        }
        await db.NeedFollowers.Where(f => f.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Needs.Where(n => n.RaisedById == userId)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.RaisedById, (string?)null).SetProperty(x => x.RaiserNameShown, false), cancellationToken);
    }
}
