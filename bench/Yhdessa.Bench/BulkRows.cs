using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;
using Yhdessa.Platform.Data;

namespace Yhdessa.Bench;

/// <summary>
/// Writes generated rows of an entity straight into its table, past EF Core's change tracker: binary COPY on PostgreSQL,
/// one prepared INSERT in large transactions on SQLite (as bench/monitoring does). The columns, their names and value
/// conversions (enums as text, times as UTC ticks on SQLite) come from the app's own model, so the rows are what the app
/// itself would have written. Keys are written as given: the caller numbers identity keys, and on PostgreSQL
/// <see cref="WriteAsync{T}"/> moves the key's sequence past them afterwards.
/// </summary>
public static class BulkRows
{
    public static async Task<int> WriteAsync<T>(YhdessaDb db, IEnumerable<T> rows, CancellationToken cancellationToken) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Select(p => (Info: p.PropertyInfo ?? throw new InvalidOperationException($"{p.Name} is a shadow property."),
                Name: p.GetColumnName(table)!, Converter: p.GetTypeMapping().Converter))
            .ToList();
        object? Value((System.Reflection.PropertyInfo Info, string Name, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter) column, T row)
        {
            var value = column.Info.GetValue(row);
            return value is null ? null : column.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(cancellationToken);
        var count = 0;
        if (connection is NpgsqlConnection pg)
        {
            await using (var copy = await pg.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                foreach (var row in rows)
                {
                    await copy.StartRowAsync(cancellationToken);
                    foreach (var column in columns)
                        await WriteAsync(copy, Value(column, row), cancellationToken);
                    count++;
                }
                await copy.CompleteAsync(cancellationToken);
            }
            var key = entity.FindPrimaryKey()!.Properties;
            if (key is [{ ValueGenerated: ValueGenerated.OnAdd } id] && id.ClrType == typeof(int))
            {
                await using var sequence = new NpgsqlCommand($"SELECT setval(pg_get_serial_sequence('\"{table.Name}\"', '{id.GetColumnName(table)}'), " +
                    $"(SELECT COALESCE(MAX(\"{id.GetColumnName(table)}\"), 0) + 1 FROM \"{table.Name}\"), false)", pg);
                await sequence.ExecuteScalarAsync(cancellationToken);
            }
        }
        else
        {
            var sqlite = (SqliteConnection)connection;
            var transaction = sqlite.BeginTransaction();
            await using var insert = sqlite.CreateCommand();
            insert.CommandText = $"INSERT INTO \"{table.Name}\" ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            var parameters = columns.Select((_, i) => insert.Parameters.Add("$p" + i, SqliteType.Text)).ToArray();
            foreach (var row in rows)
            {
                insert.Transaction = transaction;
                for (var i = 0; i < columns.Count; i++)
                {
                    var value = Value(columns[i], row);
                    // As EF Core's SQLite mappings bind them: GUIDs as upper-case text, the rest by their own type.
                    parameters[i].SqliteType = value switch
                    {
                        null or string or Guid => SqliteType.Text,
                        int or long or bool or short or byte => SqliteType.Integer,
                        double or float => SqliteType.Real,
                        _ => SqliteType.Text,
                    };
                    parameters[i].Value = value ?? DBNull.Value;
                }
                await insert.ExecuteNonQueryAsync(cancellationToken);
                if (++count % 100_000 == 0)
                {
                    await transaction.CommitAsync(cancellationToken);
                    transaction = sqlite.BeginTransaction();
                }
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return count;
    }

    private static Task WriteAsync(NpgsqlBinaryImporter copy, object? value, CancellationToken cancellationToken) => value switch
    {
        null => copy.WriteNullAsync(cancellationToken),
        string s => copy.WriteAsync(s, NpgsqlDbType.Text, cancellationToken),
        int i => copy.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken),
        long l => copy.WriteAsync(l, NpgsqlDbType.Bigint, cancellationToken),
        bool b => copy.WriteAsync(b, NpgsqlDbType.Boolean, cancellationToken),
        Guid g => copy.WriteAsync(g, NpgsqlDbType.Uuid, cancellationToken),
        DateTimeOffset t => copy.WriteAsync(t.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken),
        DateOnly d => copy.WriteAsync(d, NpgsqlDbType.Date, cancellationToken),
        double d => copy.WriteAsync(d, NpgsqlDbType.Double, cancellationToken),
        _ => throw new NotSupportedException($"No COPY type for {value.GetType().Name}."),
    };
}
