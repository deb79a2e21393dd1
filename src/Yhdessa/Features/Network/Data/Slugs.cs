using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

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

    /// <summary>Whether the save failed on a unique index: a double submit that lost the race to its twin.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        _ => false,
    };
}
