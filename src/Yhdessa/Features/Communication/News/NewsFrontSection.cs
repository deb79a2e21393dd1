using Microsoft.Extensions.Localization;
using Yhdessa.Features.Home;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Communication.News;

/// <summary>The latest news on the front page: each post in the reader's language when it has it, else in the one it has,
/// marked so. A save of a post clears every public page, the front page with them.</summary>
internal sealed class NewsFrontSection(NewsCatalogue news, IStringLocalizer<CommunicationText> c) : IFrontPageSection
{
    public int Order => 20;

    public async Task<FrontPageSection?> LoadAsync(CancellationToken cancellationToken)
    {
        var latest = await news.LatestAsync(3, null, null, cancellationToken);
        if (latest.Count == 0) return null;
        var language = Languages.Current;
        return new FrontPageSection(c["NewsTitle"], [.. latest.Select(post =>
        {
            var text = post.TextIn(language);
            var meta = HelsinkiTime.Date(post.PublishedAt ?? post.UpdatedAt);
            if (c.WrittenOnlyIn(post) is { } only) meta += " · " + only;
            return new FrontPageItem(text.Title, "/news/" + post.Slug, meta, text.Lead, text.Language == language ? null : text.Language);
        })], new FrontPageLink(c["AllNews"], "/news"));
    }
}
