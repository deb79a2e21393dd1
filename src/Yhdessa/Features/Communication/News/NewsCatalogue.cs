using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Communication.News.Data;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Communication.News;

public sealed record NewsQuery(int? Theme, string? Language, int Page, int PageSize);

public sealed record NewsListPage(int Total, int Page, int PageSize, IReadOnlyList<NewsPost> Items)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The published news, newest first. A list is one count, one page query and one query each for the page's
/// texts and themes.</summary>
public sealed class NewsCatalogue(YhdessaDb db)
{
    public IQueryable<NewsPost> Published() => db.NewsPosts.AsNoTracking().Where(p => p.State == NewsState.Published);

    /// <param name="query">Language: only posts written in it (the feed of one language); null for all.</param>
    public async Task<NewsListPage> SearchAsync(NewsQuery query, CancellationToken cancellationToken)
    {
        var posts = Published();
        if (query.Theme is { } theme) posts = posts.Where(p => p.Themes.Any(t => t.ThemeId == theme));
        if (query.Language is { } language) posts = posts.Where(p => p.Texts.Any(t => t.Language == language));
        var total = await posts.CountAsync(cancellationToken);
        var items = await WithParts(posts.OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)).ToListAsync(cancellationToken);
        return new NewsListPage(total, query.Page, query.PageSize, items);
    }

    /// <summary>The newest published posts (of a theme, written in a language), for the front page and the feeds: one page
    /// without the count a list needs.</summary>
    public Task<List<NewsPost>> LatestAsync(int count, int? theme, string? language, CancellationToken cancellationToken)
    {
        var posts = Published();
        if (theme is { } id) posts = posts.Where(p => p.Themes.Any(t => t.ThemeId == id));
        if (language is not null) posts = posts.Where(p => p.Texts.Any(t => t.Language == language));
        return WithParts(posts.OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id).Take(count)).ToListAsync(cancellationToken);
    }

    /// <summary>Drafts and withdrawn posts, for the coordinators' part of the list.</summary>
    public Task<List<NewsPost>> UnpublishedAsync(CancellationToken cancellationToken) =>
        WithParts(db.NewsPosts.AsNoTracking().Where(p => p.State != NewsState.Published).OrderByDescending(p => p.UpdatedAt)).ToListAsync(cancellationToken);

    /// <summary>A published post; a coordinator also finds drafts and withdrawn posts.</summary>
    public Task<NewsPost?> FindAsync(string slug, bool coordinator, CancellationToken cancellationToken) =>
        WithParts(db.NewsPosts.AsNoTracking().Where(p => p.Slug == slug && (coordinator || p.State == NewsState.Published)))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Whether the image belongs to a published post (anyone may load it) or only to drafts (coordinators only).</summary>
    /// <summary>An image of a published post, or of an entry of a newsletter issue that has gone out (its email shows the
    /// image from here from the moment it is sent).</summary>
    public async Task<bool> ImageIsPublicAsync(int imageId, CancellationToken cancellationToken) =>
        await Published().AnyAsync(p => p.ImageId == imageId, cancellationToken)
        || await db.IssueEntries.AnyAsync(e => e.ImageId == imageId && db.NewsletterIssues.Any(i => i.Id == e.IssueId
            && (i.State == Issues.Data.IssueState.Sending || i.State == Issues.Data.IssueState.Sent)), cancellationToken);

    private static IQueryable<NewsPost> WithParts(IQueryable<NewsPost> posts) => posts
        .Include(p => p.Texts)
        .Include(p => p.Themes).ThenInclude(t => t.Theme)
        .Include(p => p.Links)
        .AsSplitQuery();
}
