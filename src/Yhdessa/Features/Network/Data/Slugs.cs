using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Network.Data;

/// <summary>Organisations and groups alike are addressed by id ("12") or by a unique slug made of the Finnish name.</summary>
public interface IHasSlug
{
    int Id { get; }
    string Slug { get; }
}

public static class Slugs
{
    /// <summary>By id ("12") or by slug ("y-saatio"); <see cref="Search.Slug"/> never makes a slug of digits only.</summary>
    public static Task<T?> FindByKeyAsync<T>(this IQueryable<T> set, string key, CancellationToken cancellationToken)
        where T : class, IHasSlug =>
        int.TryParse(key, out var id)
            ? set.FirstOrDefaultAsync(x => x.Id == id, cancellationToken)
            : set.FirstOrDefaultAsync(x => x.Slug == key, cancellationToken);

    /// <summary>
    /// Saves a new or edited organisation or group. A new one whose slug (made of its name) is taken is not saved
    /// and the answer is false: the same organisation or group is there already, most often because the form was sent
    /// twice, its twin saving first or at the same moment (then the unique index on the slug refuses the second).
    /// The refused entity stays unsaved in this request's context, which the caller does not save again.
    /// </summary>
    public static async Task<bool> SaveUnlessSlugTakenAsync<T>(this YhdessaDb db, T entity, bool isNew,
        CancellationToken cancellationToken) where T : class, IHasSlug
    {
        var slug = entity.Slug;
        if (isNew && await db.Set<T>().AnyAsync(x => x.Slug == slug, cancellationToken)) return false;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (isNew && IsUniqueViolation(e))
        {
            return false;
        }
    }

    /// <summary>Whether the save failed on a unique index: a double submit that lost the race to its twin.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        _ => false,
    };
}
