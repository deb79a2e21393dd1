using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Monitoring.Import;

/// <summary>A stay the import adds, as its row in the table.</summary>
public sealed record NewStayRow(int UnitId, int ServiceId, string ResidentCode, DateOnly MoveIn, SituationBefore SituationBefore,
    DateOnly? End, Destination? Destination, int RoundId);

/// <summary>
/// Writes an import's new stays in bulk, inside the transaction the caller has begun on the context's connection,
/// so that the stays, the status change and the audit entry land together or not at all. EF Core's batches cost
/// most of a large import (tracking, SQL generation and key propagation for 100,000 entities nobody reads back);
/// each engine has a faster way to write rows it already knows to be valid: PostgreSQL a binary COPY, SQLite one
/// prepared INSERT executed per row. The rows were checked by the same rules as the forms, and the table's check
/// constraints and unique index still hold, so a bug here fails the transaction rather than storing a broken stay.
/// </summary>
public interface IStayBulkWriter
{
    Task WriteAsync(IEnumerable<NewStayRow> stays, DateTimeOffset updatedAt, CancellationToken cancellationToken);
}

public static class StayBulkWriter
{
    /// <summary>The writer for the context's engine.</summary>
    public static IStayBulkWriter For(YhdessaDb db) => db switch
    {
        PostgresYhdessaDb => new PostgresStayWriter(db),
        SqliteYhdessaDb => new SqliteStayWriter(db),
        _ => throw new NotSupportedException($"No bulk stay writer for {db.GetType().Name}."),
    };

    /// <summary>The columns written, in this order; the names come from the model, so a renamed column fails here, not silently.</summary>
    internal static string Columns(YhdessaDb db)
    {
        var entity = db.Model.FindEntityType(typeof(Stay))!;
        return string.Join(", ", new[]
            {
                nameof(Stay.UnitId), nameof(Stay.ServiceId), nameof(Stay.ResidentCode), nameof(Stay.MoveIn), nameof(Stay.SituationBefore),
                nameof(Stay.End), nameof(Stay.Destination), nameof(Stay.RoundId), nameof(Stay.UpdatedAt),
            }
            .Select(p => $"\"{entity.FindProperty(p)!.GetColumnName()}\""));
    }

    internal static string Table(YhdessaDb db) => $"\"{db.Model.FindEntityType(typeof(Stay))!.GetTableName()}\"";

    internal static DbTransaction Transaction(YhdessaDb db) =>
        db.Database.CurrentTransaction?.GetDbTransaction()
        ?? throw new InvalidOperationException("The bulk writer runs inside the import's transaction.");
}

internal sealed class PostgresStayWriter(YhdessaDb db) : IStayBulkWriter
{
    public async Task WriteAsync(IEnumerable<NewStayRow> stays, DateTimeOffset updatedAt, CancellationToken cancellationToken)
    {
        StayBulkWriter.Transaction(db);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY {StayBulkWriter.Table(db)} ({StayBulkWriter.Columns(db)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var s in stays)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(s.UnitId, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(s.ServiceId, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(s.ResidentCode, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(s.MoveIn, NpgsqlDbType.Date, cancellationToken);
            await copy.WriteAsync(s.SituationBefore.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            if (s.End is { } end) await copy.WriteAsync(end, NpgsqlDbType.Date, cancellationToken);
            else await copy.WriteNullAsync(cancellationToken);
            if (s.Destination is { } destination) await copy.WriteAsync(destination.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            else await copy.WriteNullAsync(cancellationToken);
            await copy.WriteAsync(s.RoundId, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(updatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
        }
        await copy.CompleteAsync(cancellationToken);
    }
}

/// <summary>SQLite stores dates as ISO text, enums by name and moments as UTC ticks (<see cref="DateTimeOffsetToUtcTicks"/>),
/// as EF Core writes them for this model.</summary>
internal sealed class SqliteStayWriter(YhdessaDb db) : IStayBulkWriter
{
    public async Task WriteAsync(IEnumerable<NewStayRow> stays, DateTimeOffset updatedAt, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var insert = connection.CreateCommand();
        insert.Transaction = (SqliteTransaction)StayBulkWriter.Transaction(db);
        insert.CommandText = $"INSERT INTO {StayBulkWriter.Table(db)} ({StayBulkWriter.Columns(db)}) VALUES ($u, $s, $c, $m, $b, $e, $d, $r, $t)";
        var unit = insert.Parameters.Add("$u", SqliteType.Integer);
        var service = insert.Parameters.Add("$s", SqliteType.Integer);
        var resident = insert.Parameters.Add("$c", SqliteType.Text);
        var moveIn = insert.Parameters.Add("$m", SqliteType.Text);
        var situation = insert.Parameters.Add("$b", SqliteType.Text);
        var end = insert.Parameters.Add("$e", SqliteType.Text);
        var destination = insert.Parameters.Add("$d", SqliteType.Text);
        var round = insert.Parameters.Add("$r", SqliteType.Integer);
        var at = insert.Parameters.Add("$t", SqliteType.Integer);
        at.Value = updatedAt.UtcTicks;
        insert.Prepare();
        foreach (var s in stays)
        {
            unit.Value = s.UnitId;
            service.Value = s.ServiceId;
            resident.Value = s.ResidentCode;
            moveIn.Value = Iso(s.MoveIn);
            situation.Value = s.SituationBefore.ToString();
            end.Value = s.End is { } e ? Iso(e) : DBNull.Value;
            destination.Value = s.Destination?.ToString() ?? (object)DBNull.Value;
            round.Value = s.RoundId;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
