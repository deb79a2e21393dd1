using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Network.Organisations;
using Yhdessa.Platform.Data;

namespace Yhdessa.Tests.Network;

/// <summary>The directory's name search (LIKE '%text%') on PostgreSQL is served by a trigram GIN index.</summary>
public sealed class SearchIndexOnPostgres(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task The_directory_search_uses_the_trigram_index()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<YhdessaDb>();
        var search = scope.ServiceProvider.GetRequiredService<OrganisationDirectory>()
            .Matching(new DirectoryQuery("Säätiö", null, null, 1, 20)).ToQueryString();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();

        var definition = await ScalarAsync(connection,
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'Organisations' AND indexname = 'IX_Organisations_SearchText'");
        Assert.Contains("USING gin", definition);
        Assert.Contains("gin_trgm_ops", definition);

        // The query exactly as EF sends it, its parameters given back from ToQueryString's "-- @name='value'" lines.
        // With a handful of rows a table scan is cheaper, so it is ruled out, for this transaction only, to see
        // whether the index can serve.
        await using var transaction = await connection.BeginTransactionAsync();
        await ScalarAsync(connection, "SET LOCAL enable_seqscan = off");
        await using var explain = connection.CreateCommand();
        var lines = search.Split('\n');
        foreach (Match p in lines.Select(l => Regex.Match(l, "^-- @(\\w+)='(.*)'")).Where(m => m.Success))
        {
            var parameter = explain.CreateParameter();
            parameter.ParameterName = p.Groups[1].Value;
            parameter.Value = p.Groups[2].Value;
            explain.Parameters.Add(parameter);
        }
        Assert.NotEmpty(explain.Parameters);
        explain.CommandText = "EXPLAIN " + string.Join('\n', lines.Where(l => !l.StartsWith("--")));
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
        Assert.Contains(plan, row => row.Contains("Bitmap Index Scan on \"IX_Organisations_SearchText\""));
    }

    private static async Task<string?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}

/// <summary>SQLite has no index that could serve LIKE '%text%', so it keeps none on the search text to update for nothing.</summary>
public sealed class SearchIndexOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task No_index_is_kept_on_the_search_text()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<YhdessaDb>();
        var indexes = await db.Database.SqlQueryRaw<string>(
            "SELECT name AS Value FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Organisations' AND sql LIKE '%SearchText%'")
            .ToListAsync();
        Assert.Empty(indexes);
    }
}
