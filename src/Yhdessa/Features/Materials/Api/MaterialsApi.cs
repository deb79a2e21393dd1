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
using Yhdessa.Platform.Text;
using Yhdessa.Platform.Web;

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
                MaterialIndex index, CancellationToken cancellationToken, string? q, string? type, string? theme, string? language,
                string? year, string? organisation, string? sort, string? page, string? pageSize) =>
            {
                var query = new ApiQuery();
                var themeId = query.Number("theme", theme);
                var yearNumber = query.Number("year", year);
                var organisationId = query.Number("organisation", organisation);
                var (pageNumber, size) = query.Paging(page, pageSize, lastPage: 500);
                if (!string.IsNullOrWhiteSpace(type) && !Enum.TryParse<MaterialType>(type, ignoreCase: false, out _))
                    query.Refuse("type", "Unknown type. Use one of: " + string.Join(", ", Enum.GetNames<MaterialType>()));
                if (!string.IsNullOrWhiteSpace(language) && !MaterialAnalyzers.LanguageCodes.Contains(language))
                    query.Refuse("language", "language is fi, sv or en.");
                if (sort is not null && sort is not ("relevance" or "newest")) query.Refuse("sort", "sort is relevance or newest.");
                if (!query.IsValid) return TypedResults.ValidationProblem(query.Errors);

                var hits = await index.SearchAsync(new MaterialSearch(q, TextInput.TrimToNull(type), themeId, TextInput.TrimToNull(language), yearNumber, organisationId,
                    sort == "newest" ? MaterialSort.Newest : MaterialSort.Relevance, pageNumber, size), cancellationToken);
                var items = hits.Items.Select(h => new ApiMaterial(h.Id, h.Slug, h.Title, h.Summary, h.Type, h.Language,
                    h.PublicationDate, "/materials/" + h.Slug, h.SnippetHtml)).ToList();
                return TypedResults.Ok(new ApiMaterialList(hits.Total, hits.Page, hits.PageSize, items));
            })
            .AllowAnonymous()
            .WithTags("Materials")
            .WithName("SearchMaterials")
            .WithSummary("Published materials. q is searched with Finnish base forms and compound parts, Swedish and English stems; " +
                "filters: type, theme id, language (fi/sv/en), year, organisation id (ids and year are whole numbers); sort relevance (default) " +
                "or newest; page (1–500, default 1), pageSize (1–100, default 20). " +
                "snippet is HTML: encoded text with the matched words in <mark>.");

        app.MapGet("/materials/feed", async (YhdessaDb db, IOptions<PlatformOptions> options, CancellationToken cancellationToken) =>
            {
                var baseUrl = options.Value.BaseUrl.TrimEnd('/');
                var newest = await db.Materials.AsNoTracking().Where(m => m.Status == MaterialStatus.Published)
                    .OrderByDescending(m => m.PublishedAt).Take(50).ToListAsync(cancellationToken);
                var feed = new SyndicationFeed("Yhdessä – aineistopankki", "Uudet aineistot", new Uri(baseUrl + "/materials"),
                    baseUrl + "/materials/feed", newest.Count > 0 ? newest.Max(m => m.PublishedAt ?? m.UpdatedAt) : DateTimeOffset.UnixEpoch)
                {
                    Language = "fi",
                    Items = newest.Select(m =>
                    {
                        var item = new SyndicationItem(m.Title, m.Summary, new Uri(baseUrl + "/materials/" + m.Slug),
                            baseUrl + "/materials/" + m.Slug, m.PublishedAt ?? m.UpdatedAt)
                        { PublishDate = m.PublishedAt ?? m.UpdatedAt };
                        // A Swedish or English material is marked as such, for readers and screen readers.
                        item.AttributeExtensions.Add(new XmlQualifiedName("lang", "http://www.w3.org/XML/1998/namespace"), m.Language);
                        return item;
                    }).ToList(),
                };
                return await AtomFeeds.AnswerAsync(feed, baseUrl);
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
}
