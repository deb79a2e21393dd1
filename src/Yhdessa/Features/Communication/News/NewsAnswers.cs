using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Communication.News.Data;
using Yhdessa.Features.Needs;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Communication.News;

/// <summary>A published news post answers a need: the network tells what it did about it.</summary>
internal sealed class NewsAnswers(NewsCatalogue news, IStringLocalizer<CommunicationText> c) : INeedAnswerKind
{
    public const string Kind = "news";
    public string Key => Kind;
    public string Name => c["AnswerKind_news"];

    public async Task<Dictionary<int, AnswerTarget>> FindAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        (await news.Published().Include(p => p.Texts).Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken))
            .ToDictionary(p => p.Id, ToTarget);

    public async Task<List<AnswerTarget>> SearchAsync(string? words, int count, CancellationToken cancellationToken)
    {
        var found = news.Published();
        if (words?.Trim().ToLowerInvariant() is { Length: > 0 } w) found = found.Where(p => p.Texts.Any(t => t.Title.ToLower().Contains(w)));
        return [.. (await found.Include(p => p.Texts).OrderByDescending(p => p.PublishedAt).Take(count).ToListAsync(cancellationToken)).Select(ToTarget)];
    }

    private static AnswerTarget ToTarget(NewsPost post) =>
        new(post.Id, post.TextIn(Languages.Current).Title, "/news/" + post.Slug, post.PublishedAt);
}
