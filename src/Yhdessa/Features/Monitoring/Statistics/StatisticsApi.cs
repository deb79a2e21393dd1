using Microsoft.AspNetCore.Http.HttpResults;
using Yhdessa.Features.Monitoring.Exports;

namespace Yhdessa.Features.Monitoring.Statistics;

public sealed record ApiTableLink(string Id, string Title, string Description, string Url, string Page, string Csv);

public sealed record ApiStatisticsIndex(IReadOnlyList<ApiTableLink> Tables);

/// <summary>
/// The open statistics as JSON (in the OpenAPI document) and each table as CSV. Answers alike to everyone:
/// only published context figures and protected aggregates are in these tables. The language follows
/// <c>?culture=fi|sv|en</c>.
/// </summary>
public static class StatisticsApi
{
    public static IEndpointRouteBuilder MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/statistics", (OpenTables tables) => TypedResults.Ok(new ApiStatisticsIndex(
                [.. tables.Index().Select(t => new ApiTableLink(t.Id, t.Title, t.Description,
                    "/api/v1/statistics/" + t.Id, "/statistics/" + t.Id, "/statistics/" + t.Id + ".csv"))])))
            .AllowAnonymous()
            .CacheOutput(PublicPages.Policy)
            .WithTags("Statistics")
            .WithName("ListStatisticsTables")
            .WithSummary("The open statistics tables: context series and small-number-protected programme aggregates.");

        app.MapGet("/api/v1/statistics/{table}", async Task<Results<Ok<OpenTable>, NotFound>> (
                string table, OpenTables tables, CancellationToken cancellationToken) =>
                await tables.FindAsync(table, cancellationToken) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound())
            .AllowAnonymous()
            .CacheOutput(PublicPages.Policy)
            .WithTags("Statistics")
            .WithName("GetStatisticsTable")
            .WithSummary("One open table: columns, rows (text as shown, number when shown; '<5' and 'x' are protected figures) and notes.");

        app.MapGet("/statistics/{table}.csv", async (string table, OpenTables tables, CancellationToken cancellationToken) =>
                await tables.FindAsync(table, cancellationToken) is { } found
                    ? Results.File(TableFiles.Csv(found), TableFiles.CsvType, found.Id + ".csv")
                    : Results.NotFound())
            .AllowAnonymous()
            .CacheOutput(PublicPages.Policy)
            .ExcludeFromDescription();
        return app;
    }
}
