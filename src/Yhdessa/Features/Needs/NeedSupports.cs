using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Needs;

/// <summary>A supporter's comment, shown without her name: supporting is not publishing oneself.</summary>
public sealed record SupportComment(string Text, DateTimeOffset At);

public enum SupportResult { Supported, AlreadySupported, Withdrawn, NotSupported, NotFound, Closed }

/// <summary>
/// A member supports a need once, and may take it back. The need's count changes first, by an increment in the
/// database on a need that is still open, and the support row in the same transaction; the row's key refuses a second
/// support and takes the increment back with it. So the count stays exact however many arrive at once, and a support
/// that meets a merge or an answer on its way is refused whole (the count's update waits for the merge's lock and then
/// finds the need closed).
/// </summary>
public sealed class NeedSupports(YhdessaDb db, IOutputCacheStore cache, TimeProvider clock)
{
    /// <summary>The states in which a need still gathers support; an answered, declined or merged one does not.</summary>
    public static readonly NeedState[] OpenStates = [NeedState.New, NeedState.UnderConsideration, NeedState.Planned, NeedState.InProgress];

    public static bool IsOpen(NeedState state) => OpenStates.Contains(state);

    public Task<bool> HasSupportedAsync(int needId, string userId, CancellationToken cancellationToken) =>
        db.NeedSupports.AnyAsync(s => s.NeedId == needId && s.UserId == userId, cancellationToken);

    public Task<List<SupportComment>> CommentsAsync(int needId, int count, CancellationToken cancellationToken) =>
        db.NeedSupports.AsNoTracking().Where(s => s.NeedId == needId && s.Comment != null)
            .OrderByDescending(s => s.SupportedAt).Take(count)
            .Select(s => new SupportComment(s.Comment!, s.SupportedAt)).ToListAsync(cancellationToken);

    public async Task<SupportResult> SupportAsync(int needId, string userId, string? comment, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var counted = await db.Needs.Where(n => n.Id == needId && n.ConfirmedAt != null && OpenStates.Contains(n.State))
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.SupportCount, x => x.SupportCount + 1), cancellationToken);
        if (counted == 0)
            return await db.Needs.AnyAsync(n => n.Id == needId && n.ConfirmedAt != null, cancellationToken) ? SupportResult.Closed : SupportResult.NotFound;
        var now = clock.GetUtcNow();
        db.NeedSupports.Add(new NeedSupport { NeedId = needId, UserId = userId, Comment = comment, SupportedAt = now });
        // A supporter hears what becomes of the need, until she says otherwise.
        if (!await db.NeedFollowers.AnyAsync(f => f.NeedId == needId && f.UserId == userId, cancellationToken))
            db.NeedFollowers.Add(NeedFollowers.New(needId, userId, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return SupportResult.AlreadySupported;
        }
        await transaction.CommitAsync(cancellationToken);
        await cache.EvictByTagAsync(NeedPageCache.Tag, cancellationToken);
        return SupportResult.Supported;
    }

    public async Task<SupportResult> WithdrawAsync(int needId, string userId, CancellationToken cancellationToken)
    {
        // The need first, then the support, in the order a support and a merge take them: never a deadlock between them.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var counted = await db.Needs.Where(n => n.Id == needId && db.NeedSupports.Any(s => s.NeedId == needId && s.UserId == userId))
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.SupportCount, x => x.SupportCount - 1), cancellationToken);
        if (counted == 0) return SupportResult.NotSupported;
        await db.NeedSupports.Where(s => s.NeedId == needId && s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await cache.EvictByTagAsync(NeedPageCache.Tag, cancellationToken);
        return SupportResult.Withdrawn;
    }
}
