using System.Globalization;
using System.ServiceModel.Syndication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Yhdessa.Features.Communication.News.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Web;

namespace Yhdessa.Features.Communication.News.Api;

/// <summary>A post in one language, in the API.</summary>
public sealed record ApiNewsText(string Language, string Title, string Lead, string? ImageAlt);

/// <summary>A news post as the API lists it: its texts in every language it is written in.</summary>
public sealed record ApiNews(string Slug, DateTimeOffset PublishedAt, IReadOnlyList<ApiNewsText> Texts, IReadOnlyList<int> Themes,
    string? ImageUrl, string Url);

/// <summary>What a post links to: the kind (event, material, need), the record's name and address.</summary>
public sealed record ApiNewsLink(string Kind, string Title, string Url);

/// <summary>One post with its Markdown bodies by language and its links.</summary>
public sealed record ApiNewsDetail(ApiNews News, IReadOnlyDictionary<string, string> Bodies, IReadOnlyList<ApiNewsLink> Links);

public sealed record ApiNewsList(int Total, int Page, int PageSize, IReadOnlyList<ApiNews> Items);

/// <summary>The public JSON of news, the Atom feeds (per language and theme) and the posts' images.</summary>
public static class NewsApi
{
    public static IEndpointRouteBuilder MapNewsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/news", async Task<Results<Ok<ApiNewsList>, ValidationProblem>> (NewsCatalogue news, CancellationToken cancellationToken,
                string? theme, string? language, string? page, string? pageSize) =>
            {
                var query = new ApiQuery();
                var themeId = query.Number("theme", theme);
                var (pageNumber, size) = query.Paging(page, pageSize);
                if (language is not null && !Languages.All.Contains(language)) query.Refuse("language", "language is fi, sv or en.");
                if (!query.IsValid) return TypedResults.ValidationProblem(query.Errors);
                var found = await news.SearchAsync(new NewsQuery(themeId, language, pageNumber, size), cancellationToken);
                return TypedResults.Ok(new ApiNewsList(found.Total, found.Page, found.PageSize, [.. found.Items.Select(ToApi)]));
            })
            .AllowAnonymous()
            .WithTags("News")
            .WithName("ListNews")
            .WithSummary("Published news of the network, newest first, each with its texts in the languages it is written in. " +
                "Filters: theme id; language (fi, sv, en: only posts written in it); page (1–1000), pageSize (1–100, default 20).");

        app.MapGet("/api/v1/news/{slug}", async Task<Results<Ok<ApiNewsDetail>, NotFound>> (string slug, NewsCatalogue news, NewsLinks links,
                CancellationToken cancellationToken) =>
            {
                if (await news.FindAsync(slug, coordinator: false, cancellationToken) is not { } post) return TypedResults.NotFound();
                var linked = await links.FindAsync(post.Links, cancellationToken);
                return TypedResults.Ok(new ApiNewsDetail(ToApi(post), post.Texts.ToDictionary(t => t.Language, t => t.Body),
                    [.. linked.Select(l => new ApiNewsLink(l.Kind, l.Title, l.Url))]));
            })
            .AllowAnonymous()
            .WithTags("News")
            .WithName("GetNews")
            .WithSummary("One published post with its bodies (Markdown) by language and what it links to (events, materials, needs).");

        // One feed per language (?culture=sv) and per theme (&theme=3): a feed holds the posts written in its language,
        // so that a reader gets news she can read.
        app.MapGet("/news/feed", async (NewsCatalogue news, IStringLocalizer<CommunicationText> c, IOptions<PlatformOptions> options,
                string? theme, CancellationToken cancellationToken) =>
            {
                var baseUrl = options.Value.BaseUrl.TrimEnd('/');
                var language = Languages.Current;
                int? themeId = int.TryParse(theme, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;
                var query = string.Join('&', new[] { language == Languages.Finnish ? null : "culture=" + language, themeId is null ? null : "theme=" + themeId }
                    .OfType<string>());
                var suffix = query.Length > 0 ? "?" + query : "";
                var latest = await news.LatestAsync(50, themeId, language, cancellationToken);
                var feed = new SyndicationFeed(c["NewsFeedTitle"], c["NewsFeedSubtitle"], new Uri(baseUrl + "/news" + suffix), baseUrl + "/news/feed" + suffix,
                    latest.Count > 0 ? latest.Max(p => p.UpdatedAt) : DateTimeOffset.UnixEpoch)
                {
                    Language = language,
                    Items = [.. latest.Select(post =>
                    {
                        var text = post.TextIn(language);
                        return new SyndicationItem(text.Title, text.Lead, new Uri($"{baseUrl}/news/{post.Slug}?language={language}"),
                            $"{baseUrl}/news/{post.Slug}", post.UpdatedAt) { PublishDate = post.PublishedAt ?? post.UpdatedAt };
                    })],
                };
                return await AtomFeeds.AnswerAsync(feed, baseUrl);
            })
            .AllowAnonymous()
            .CacheOutput(PublicPages.Policy)
            .ExcludeFromDescription();

        // An image's content never changes (a new upload is a new image), so browsers keep it for a day; a draft's image is the
        // coordinators' only.
        app.MapGet("/news/images/{id:int}", async Task<Results<FileContentHttpResult, NotFound>> (int id, HttpContext http, NewsCatalogue news,
                YhdessaDb db, CancellationToken cancellationToken) =>
            {
                if (!http.User.IsInRole(Roles.Coordinator) && !await news.ImageIsPublicAsync(id, cancellationToken)) return TypedResults.NotFound();
                if (await db.NewsImages.FindAsync([id], cancellationToken) is not { } image) return TypedResults.NotFound();
                http.Response.Headers.CacheControl = http.User.IsInRole(Roles.Coordinator) ? "private, max-age=3600" : "public, max-age=86400";
                http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
                return TypedResults.File(image.Content, image.ContentType);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    private static ApiNews ToApi(NewsPost post) => new(
        post.Slug, post.PublishedAt ?? post.UpdatedAt,
        [.. Languages.All.Select(l => post.Texts.FirstOrDefault(t => t.Language == l)).OfType<NewsText>()
            .Select(t => new ApiNewsText(t.Language, t.Title, t.Lead, post.ImageId is null ? null : t.ImageAlt))],
        [.. post.Themes.Select(t => t.ThemeId)], post.ImageId is { } image ? $"/news/images/{image}" : null, $"/news/{post.Slug}");
}
