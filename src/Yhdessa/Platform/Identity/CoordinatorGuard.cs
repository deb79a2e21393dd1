using System.Data;
using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Platform.Data;

namespace Yhdessa.Platform.Identity;

/// <summary>
/// The service always keeps at least one enabled coordinator: nobody else could grant the role again. A change
/// that could take the last one away (removing the role, disabling or deleting the account) checks first, for a
/// clear message, and again inside its transaction after the change, so that two coordinators demoting each other
/// at the same moment cannot both succeed.
/// </summary>
public sealed class CoordinatorGuard(YhdessaDb db, ILogger<CoordinatorGuard> logger)
{
    private const int Attempts = 3;

    /// <summary>Whether an enabled coordinator other than <paramref name="userId"/> exists.</summary>
    public Task<bool> OthersExistAsync(string userId, CancellationToken cancellationToken = default) =>
        ActiveCoordinators().AnyAsync(id => id != userId, cancellationToken);

    /// <summary>
    /// Runs <paramref name="change"/> in a serializable transaction and keeps it only if an enabled coordinator
    /// is left (when there was one before). Returns null when the change was undone for that reason. The change must load what it changes
    /// itself: after a conflict with a simultaneous change it runs again from the start.
    /// </summary>
    public async Task<IdentityResult?> ChangeAsync(Func<Task<IdentityResult>> change, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Serializable: on PostgreSQL, two such transactions that read and change the same role rows cannot
                // both commit; SQLite runs write transactions one at a time anyway.
                await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
                // A fresh install has no coordinator yet; only a change that takes away the last one is undone.
                var hadCoordinator = await ActiveCoordinators().AnyAsync(cancellationToken);
                var result = await change();
                if (!result.Succeeded)
                {
                    db.ChangeTracker.Clear();
                    return result;
                }
                if (hadCoordinator && !await ActiveCoordinators().AnyAsync(cancellationToken))
                {
                    // Undone: what the context tracks no longer matches the database.
                    await transaction.RollbackAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                    return null;
                }
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (Exception exception) when (attempt < Attempts && IsConflict(exception))
            {
                logger.LogInformation("A coordinator change met a simultaneous one; trying again");
                db.ChangeTracker.Clear();
            }
        }
    }

    private IQueryable<string> ActiveCoordinators() =>
        from user in db.Users
        join userRole in db.UserRoles on user.Id equals userRole.UserId
        join role in db.Roles on userRole.RoleId equals role.Id
        where role.Name == Roles.Coordinator && !user.IsDisabled
        select user.Id;

    /// <summary>A serialization failure or deadlock (SQLSTATE 40001 / 40P01), wherever EF wrapped it.</summary>
    private static bool IsConflict(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
            if (inner is DbException { SqlState: "40001" or "40P01" }) return true;
        return false;
    }
}
