using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Needs;

/// <summary>A supporter's comment, shown without her name: supporting is not publishing oneself.</summary>
public sealed record SupportComment(string Text, DateTimeOffset At);

public enum SupportResult { Supported, AlreadySupported, Withdrawn, NotSupported, NotFound, Closed }

/// <summary>
/// A member supports a need once, and may take it back. The support row and the need's count change in one
/// transaction, the count by an increment in the database (never a value read before), and the row's key refuses a
/// second support: so the count stays exact however many arrive at once.
/// </summary>
public sealed class NeedSupports(YhdessaDb db, TimeProvider clock)
{
    /// <summary>The states in which a need still gathers support; an answered, declined or merged one does not.</summary>
    public static bool IsOpen(NeedState state) => state is NeedState.New or NeedState.UnderConsideration or NeedState.Planned or NeedState.InProgress;

    public Task<bool> HasSupportedAsync(int needId, string userId, CancellationToken cancellationToken) =>
        db.NeedSupports.AnyAsync(s => s.NeedId == needId && s.UserId == userId, cancellationToken);

    public Task<List<SupportComment>> CommentsAsync(int needId, int count, CancellationToken cancellationToken) =>
        db.NeedSupports.AsNoTracking().Where(s => s.NeedId == needId && s.Comment != null)
            .OrderByDescending(s => s.SupportedAt).Take(count)
            .Select(s => new SupportComment(s.Comment!, s.SupportedAt)).ToListAsync(cancellationToken);

    public async Task<SupportResult> SupportAsync(int needId, string userId, string? comment, CancellationToken cancellationToken)
    {
        var need = await db.Needs.AsNoTracking().Where(n => n.Id == needId && n.ConfirmedAt != null)
            .Select(n => new { n.State }).SingleOrDefaultAsync(cancellationToken);
        if (need is null) return SupportResult.NotFound;
        if (!IsOpen(need.State)) return SupportResult.Closed;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.NeedSupports.Add(new NeedSupport { NeedId = needId, UserId = userId, Comment = comment, SupportedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return SupportResult.AlreadySupported;
        }
        await db.Needs.Where(n => n.Id == needId)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.SupportCount, x => x.SupportCount + 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return SupportResult.Supported;
    }

    public async Task<SupportResult> WithdrawAsync(int needId, string userId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await db.NeedSupports.Where(s => s.NeedId == needId && s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0) return SupportResult.NotSupported;
        await db.Needs.Where(n => n.Id == needId)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.SupportCount, x => x.SupportCount - 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return SupportResult.Withdrawn;
    }
}
