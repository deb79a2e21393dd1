using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Yhdessa.Platform.Data;

/// <summary>What a failed write means, told the same way on SQLite and on PostgreSQL. (A database that cannot take
/// a request at all is <see cref="DatabaseBusy"/>.)</summary>
public static class DatabaseErrors
{
    /// <summary>Whether the save failed on a unique index: most often a double submit that lost the race to its twin.</summary>
    /// <remarks>A bulk update (ExecuteUpdate) throws the engine's own exception, not a DbUpdateException: both are read.</remarks>
    public static bool IsUniqueViolation(Exception exception) => (exception is DbUpdateException ? exception.InnerException : exception) switch
    {
        SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        _ => false,
    };

    /// <summary>Whether a transaction lost to a concurrent one (a serialization failure or deadlock on PostgreSQL, a
    /// busy or locked database on SQLite): it was rolled back and is worth running again.</summary>
    public static bool IsWriteConflict(Exception exception) => (exception is DbUpdateException ? exception.InnerException : exception) switch
    {
        PostgresException pg => pg.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6, // SQLITE_BUSY, SQLITE_LOCKED
        _ => false,
    };
}
