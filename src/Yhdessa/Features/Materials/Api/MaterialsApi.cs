using System.ServiceModel.Syndication;
using System.Xml;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Features.Materials.Files;
using Yhdessa.Features.Materials.Search;
using Yhdessa.Platform;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Materials.Api;

public sealed record ApiMaterial(int Id, string Slug, string Title, string Summary, string Type, string Language,
    DateOnly PublicationDate, string Url, string Snippet);

public sealed record ApiMaterialList(int Total, int Page, int PageSize, IReadOnlyList<ApiMaterial> Items);

/// <summary>The public JSON search, the Atom feed, file downloads and the search health.</summary>
public static class MaterialsApi
{
    public static IEndpointRouteBuilder MapMaterialsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/materials", async Task<Results<Ok<ApiMaterialList>, ValidationProblem>> (
                MaterialIndex index, CancellationToken cancellationToken, string? q, string? type, int? theme, string? language,
                int? year, int? organisation, string? sort, int page = 1, int pageSize = 20) =>
            {
                var errors = new Dictionary<string, string[]>();
                if (!string.IsNullOrWhiteSpace(type) && !Enum.TryParse<MaterialType>(type, ignoreCase: false, out _))
                    errors["type"] = ["Unknown type. Use one of: " + string.Join(", ", Enum.GetNames<MaterialType>())];
                if (!string.IsNullOrWhiteSpace(language) && !MaterialAnalyzers.LanguageCodes.Contains(language))
                    errors["language"] = ["language is fi, sv or en."];
                if (sort is not null && sort is not ("relevance" or "newest")) errors["sort"] = ["sort is relevance or newest."];
                if (pageSize is < 1 or > 100) errors["pageSize"] = ["pageSize must be between 1 and 100."];
                if (page is < 1 or > 500) errors["page"] = ["page must be between 1 and 500."];
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

                var hits = await index.SearchAsync(new MaterialSearch(q, NullIfBlank(type), theme, NullIfBlank(language), year, organisation,
                    sort == "newest" ? MaterialSort.Newest : MaterialSort.Relevance, page, pageSize), cancellationToken);
                var items = hits.Items.Select(h => new ApiMaterial(h.Id, h.Slug, h.Title, h.Summary, h.Type, h.Language,
                    h.PublicationDate, "/materials/" + h.Slug, h.SnippetHtml)).ToList();
                return TypedResults.Ok(new ApiMaterialList(hits.Total, hits.Page, hits.PageSize, items));
            })
            .AllowAnonymous()
            .WithTags("Materials")
            .WithName("SearchMaterials")
            .WithSummary("Published materials. q is searched with Finnish base forms and compound parts, Swedish and English stems; " +
                "filters: type, theme id, language (fi/sv/en), year, organisation id; sort relevance (default) or newest. " +
                "snippet is HTML: encoded text with the matched words in <mark>.");

        app.MapGet("/materials/feed", async (YhdessaDb db, IOptions<PlatformOptions> options, CancellationToken cancellationToken) =>
            {
                var baseUrl = options.Value.BaseUrl.TrimEnd('/');
                var newest = await db.Materials.AsNoTracking().Where(m => m.Status == MaterialStatus.Published)
                    .OrderByDescending(m => m.PublishedAt).Take(50).ToListAsync(cancellationToken);
                var feed = new SyndicationFeed("Yhdessä – aineistopankki", "Uudet aineistot", new Uri(baseUrl + "/materials"),
                    baseUrl + "/materials/feed", newest.Count > 0 ? newest.Max(m => m.PublishedAt ?? m.UpdatedAt) : DateTimeOffset.UnixEpoch)
                {
                    Items = newest.Select(m => new SyndicationItem(m.Title, m.Summary, new Uri(baseUrl + "/materials/" + m.Slug),
                        baseUrl + "/materials/" + m.Slug, m.PublishedAt ?? m.UpdatedAt)
                    {
                        PublishDate = m.PublishedAt ?? m.UpdatedAt,
                    }).ToList(),
                };
                using var buffer = new MemoryStream();
                await using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Async = true, Encoding = new System.Text.UTF8Encoding(false) }))
                {
                    new Atom10FeedFormatter(feed).WriteTo(writer);
                }
                return Results.Bytes(buffer.ToArray(), "application/atom+xml; charset=utf-8");
            })
            .AllowAnonymous()
            .CacheOutput(PublicPages.Policy)
            .ExcludeFromDescription();

        // A file follows its material: public once published, otherwise only for those who may see the draft.
        app.MapGet("/materials/files/{id:int}/{name?}", async (int id, HttpContext http, YhdessaDb db, IFileStore store,
                CancellationToken cancellationToken) =>
            {
                var file = await db.MaterialFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
                if (file is null) return Results.NotFound();
                var material = await db.Materials.AsNoTracking().FirstAsync(m => m.Id == file.MaterialId, cancellationToken);
                if (!MaterialCatalogue.MaySee(http.User, material)) return Results.NotFound();
                var content = store.OpenRead(file.StoredName);
                if (content is null) return Results.NotFound();
                // PDFs, images and audio open in the browser; Office files are saved.
                var inline = file.ContentType is "application/pdf" || file.ContentType.StartsWith("image/", StringComparison.Ordinal)
                    || file.ContentType.StartsWith("audio/", StringComparison.Ordinal);
                http.Response.Headers.ContentDisposition = MaterialFiles.ContentDisposition(file.FileName, inline);
                return Results.Stream(content, file.ContentType, enableRangeProcessing: true);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

        app.MapGet("/health/search", async (FinnishMorphology finnish, MaterialIndex index, CancellationToken cancellationToken) =>
                Results.Json(new
                {
                    finnish = finnish.UsesVoikko ? "voikko" : "stemmer",
                    note = finnish.UsesVoikko ? null : "libvoikko1 and voikko-fi are not installed: Finnish words are stemmed, so inflected and compound forms are found less well.",
                    materials = await index.CountAsync(cancellationToken),
                }))
            .AllowAnonymous()
            .ExcludeFromDescription();

        return app;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
