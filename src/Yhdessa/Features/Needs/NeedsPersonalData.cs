using Microsoft.EntityFrameworkCore;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Needs;

/// <summary>
/// The needs a person raised and the needs she supported. "Download my data" lists both; "delete my account" takes
/// back her supports (each need's count with them) and leaves her needs to the network without her: the link to her
/// account goes, and a need that showed her name now says only where it came from.
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
        return raised.Count == 0 && supported.Count == 0 ? null : new { Raised = raised, Supported = supported };
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
        await db.Needs.Where(n => n.RaisedById == userId)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.RaisedById, (string?)null).SetProperty(x => x.RaiserNameShown, false), cancellationToken);
    }
}
