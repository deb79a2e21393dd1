using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Account;

/// <summary>"Download my data" and "delete my account": the account's own fields plus what every feature
/// keeps about the person (<see cref="IPersonalDataHolder"/>).</summary>
public sealed class PersonalDataService(
    YhdessaDb db, UserManager<User> users, IEnumerable<IPersonalDataHolder> holders, AuditLog audit, TimeProvider clock,
    IOutputCacheStore cache, CoordinatorGuard guard)
{
    public async Task<Dictionary<string, object?>> ExportAsync(User user, CancellationToken cancellationToken)
    {
        var data = new Dictionary<string, object?>
        {
            ["exportedAt"] = clock.GetUtcNow(),
            ["account"] = new
            {
                user.DisplayName,
                user.Email,
                user.EmailConfirmed,
                user.PreferredLanguage,
                user.CreatedAt,
                TwoFactorEnabled = await users.GetTwoFactorEnabledAsync(user),
                Roles = await users.GetRolesAsync(user),
            },
        };
        foreach (var holder in holders)
            data[holder.Section] = await holder.ExportAsync(user.Id, cancellationToken);
        return data;
    }

    /// <summary>
    /// Erases everything in one transaction: either every feature's data and the account go, or nothing does.
    /// Returns null, changing nothing, when the account is the last enabled coordinator.
    /// </summary>
    public async Task<IdentityResult?> DeleteAsync(User user, CancellationToken cancellationToken)
    {
        var result = await guard.ChangeAsync(async () =>
        {
            foreach (var holder in holders)
                await holder.EraseAsync(user.Id, cancellationToken);
            // The outbox keeps copies of mail to the person (links, name), also to addresses the account had before
            // or was about to have: they go with the account.
            await db.Set<OutgoingEmail>().Where(m => m.UserId == user.Id || m.To == user.Email).ExecuteDeleteAsync(cancellationToken);
            // The entry names the deleted account's id only; no name or address outlives the account.
            audit.Record("account.deleted", $"user:{user.Id}", actorId: user.Id);
            return await users.DeleteAsync(user);
        }, cancellationToken);
        // Cached public pages (profile, organisation and group pages) may show the name: they are built anew.
        if (result is { Succeeded: true }) await cache.EvictByTagAsync(PublicPages.Tag, cancellationToken);
        return result;
    }
}
