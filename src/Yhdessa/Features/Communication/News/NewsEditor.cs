using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Communication.News.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Communication.News;

/// <summary>A post as the editor's form sends it: a text per language (an empty language is not written), and the rest.</summary>
public sealed class NewsDraft
{
    public sealed class Text
    {
        public string? Title { get; set; }
        public string? Lead { get; set; }
        public string? Body { get; set; }
        public string? ImageAlt { get; set; }

        public bool IsEmpty => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Lead) && string.IsNullOrWhiteSpace(Body)
            && string.IsNullOrWhiteSpace(ImageAlt);
    }

    public Text Fi { get; set; } = new();
    public Text Sv { get; set; } = new();
    public Text En { get; set; } = new();
    public List<int> ThemeIds { get; set; } = [];
    public int? OrganisationId { get; set; }
    /// <summary>Addresses of events, materials and needs on this site, one per line.</summary>
    public string? Links { get; set; }
    public bool RemoveImage { get; set; }
    /// <summary>The revision the form was opened at.</summary>
    public int Revision { get; set; }

    public Text In(string language) => language switch { Languages.Swedish => Sv, Languages.English => En, _ => Fi };

    public static NewsDraft From(NewsPost post, IEnumerable<string> linkAddresses)
    {
        var draft = new NewsDraft
        {
            ThemeIds = [.. post.Themes.Select(t => t.ThemeId)], OrganisationId = post.OrganisationId, Revision = post.Revision,
            Links = string.Join('\n', linkAddresses),
        };
        foreach (var text in post.Texts)
            (draft.In(text.Language).Title, draft.In(text.Language).Lead, draft.In(text.Language).Body, draft.In(text.Language).ImageAlt) =
                (text.Title, text.Lead, text.Body, text.ImageAlt);
        return draft;
    }
}

/// <summary>An uploaded image, read into memory (it is at most <see cref="NewsLimits.ImageBytes"/>).</summary>
public sealed record UploadedImage(string FileName, long Length, Func<Stream> Open);

public enum NewsAction { SaveDraft, Publish, Save, Withdraw }

/// <summary>The result of a save: the post, or the problems by form field (nothing was saved then).</summary>
public sealed record NewsSaveResult(NewsPost? Post, Dictionary<string, string> Problems)
{
    public bool Saved => Post is not null;
}

/// <summary>
/// Writes news posts: checks the form (every language written has a title and a lead; with an image, every language
/// has its alternative text; links are public records of this site), saves the post with its texts, themes, links and
/// image in one transaction, and clears the public pages that show news. A form opened before someone else's save is
/// refused with what was typed kept.
/// </summary>
public sealed class NewsEditor(YhdessaDb db, NewsLinks links, AuditLog audit, IOutputCacheStore cache, TimeProvider clock,
    IStringLocalizer<CommunicationText> c)
{
    public async Task<NewsSaveResult> SaveAsync(NewsPost? existing, NewsDraft draft, UploadedImage? image, NewsAction action,
        CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string>();
        void Problem(string field, string message) => problems.TryAdd(field, message);

        if (existing is not null && existing.Revision != draft.Revision) Problem("", c["NewsChangedMeanwhile"]);

        var texts = new List<NewsText>();
        foreach (var language in Languages.All)
        {
            var input = draft.In(language);
            if (input.IsEmpty) continue;
            var field = "Input." + char.ToUpperInvariant(language[0]) + language[1];
            var text = new NewsText
            {
                Language = language, Title = input.Title?.Trim() ?? "", Lead = input.Lead?.Trim() ?? "", Body = input.Body?.Trim() ?? "",
                ImageAlt = TextInput.TrimToNull(input.ImageAlt),
            };
            var languageName = c["Language_" + language];
            if (text.Title.Length == 0) Problem(field + ".Title", c["NewsTitleRequired", languageName]);
            else if (text.Title.Length > NewsLimits.Title) Problem(field + ".Title", c["NewsTitleTooLong", languageName, NewsLimits.Title]);
            if (text.Lead.Length == 0) Problem(field + ".Lead", c["NewsLeadRequired", languageName]);
            else if (text.Lead.Length > NewsLimits.Lead) Problem(field + ".Lead", c["NewsLeadTooLong", languageName, NewsLimits.Lead]);
            if (text.Body.Length > NewsLimits.Body) Problem(field + ".Body", c["NewsBodyTooLong", languageName, NewsLimits.Body]);
            if (text.ImageAlt?.Length > NewsLimits.ImageAlt) Problem(field + ".ImageAlt", c["NewsImageAltTooLong", languageName, NewsLimits.ImageAlt]);
            foreach (var (name, value) in new[] { ("Title", text.Title), ("Lead", text.Lead), ("Body", text.Body), ("ImageAlt", text.ImageAlt ?? "") })
                // Line breaks and tabs are text in a lead and a body; other control characters never are.
                if (InputRules.HasInvisibleControl(value.Replace('\r', ' ').Replace('\n', ' ').Replace('\t', ' ')))
                    Problem($"{field}.{name}", c["NewsInvisibleCharacters", languageName]);
            texts.Add(text);
        }
        if (texts.Count == 0) Problem("Input.Fi.Title", c["NewsNeedsOneLanguage"]);

        var themeIds = draft.ThemeIds.Distinct().ToList();
        if (themeIds.Count > NewsLimits.MaxThemes || await db.EventThemes.CountAsync(t => themeIds.Contains(t.Id), cancellationToken) != themeIds.Count)
            Problem("Input.ThemeIds", c["NewsUnknownTheme"]);
        if (draft.OrganisationId is { } organisationId && !await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
            Problem("Input.OrganisationId", c["NewsUnknownOrganisation"]);

        var linked = new List<LinkedRecord>();
        var addresses = (draft.Links ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (addresses.Length > NewsLimits.MaxLinks) Problem("Input.Links", c["NewsTooManyLinks", NewsLimits.MaxLinks]);
        else
            foreach (var address in addresses)
            {
                if (await links.FromAddressAsync(address, cancellationToken) is not { } record)
                {
                    Problem("Input.Links", c["NewsUnknownLink", address.Length > 100 ? address[..100] + "…" : address]);
                    break;
                }
                if (!linked.Any(l => l.Kind == record.Kind && l.Id == record.Id)) linked.Add(record);
            }

        NewsImage? newImage = null;
        if (image is not null)
        {
            var (read, problem) = await NewsImages.ReadAsync(image, clock.GetUtcNow(), cancellationToken);
            if (problem is not null) Problem("Image", c[problem, FileSizes.Text(NewsLimits.ImageBytes, System.Globalization.CultureInfo.CurrentCulture)]);
            newImage = read;
        }
        var hasImage = newImage is not null || (existing?.ImageId is not null && !draft.RemoveImage);
        if (hasImage)
            foreach (var text in texts.Where(t => t.ImageAlt is null))
                Problem($"Input.{char.ToUpperInvariant(text.Language[0])}{text.Language[1]}.ImageAlt", c["NewsImageAltRequired", c["Language_" + text.Language]]);

        if (problems.Count > 0) return new NewsSaveResult(null, problems);

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var post = existing is null ? new NewsPost { CreatedAt = now, State = NewsState.Draft }
            : await db.NewsPosts.Include(p => p.Texts).Include(p => p.Themes).Include(p => p.Links).AsSplitQuery()
                .SingleAsync(p => p.Id == existing.Id, cancellationToken);
        if (post.Revision != draft.Revision) return new NewsSaveResult(null, new() { [""] = c["NewsChangedMeanwhile"] });
        if (existing is null)
        {
            post.Slug = await UniqueSlugAsync(texts[0].Title, cancellationToken);
            db.NewsPosts.Add(post);
        }
        post.OrganisationId = draft.OrganisationId;
        post.UpdatedAt = now;
        post.Revision++;
        post.Texts.Clear();
        post.Texts.AddRange(texts);
        post.Themes.Clear();
        post.Themes.AddRange(themeIds.Select(id => new NewsThemeLink { ThemeId = id }));
        post.Links.Clear();
        post.Links.AddRange(linked.Select((l, i) => new NewsLink { Kind = l.Kind, TargetId = l.Id, Position = i }));
        var oldImage = post.ImageId;
        if (newImage is not null)
        {
            db.NewsImages.Add(newImage);
            await db.SaveChangesAsync(cancellationToken);
            post.ImageId = newImage.Id;
        }
        else if (draft.RemoveImage) post.ImageId = null;
        switch (action)
        {
            case NewsAction.Publish:
                post.State = NewsState.Published;
                post.PublishedAt ??= now;
                break;
            case NewsAction.Withdraw:
                post.State = NewsState.Withdrawn;
                break;
        }
        audit.Record("news." + action.ToString().ToLowerInvariant(), "news", post.Slug);
        await db.SaveChangesAsync(cancellationToken);
        // An image no post uses any longer is not kept: the next save of its post replaced or removed it.
        if (oldImage is { } unused && unused != post.ImageId)
            await db.NewsImages.Where(i => i.Id == unused && !db.NewsPosts.Any(p => p.ImageId == unused)).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // The front page, the news list and the feeds show news.
        await cache.EvictByTagAsync(PublicPages.Tag, cancellationToken);
        return new NewsSaveResult(post, []);
    }

    /// <summary>The address part from the first title: "news" and "feed" are the list's own addresses.</summary>
    private async Task<string> UniqueSlugAsync(string title, CancellationToken cancellationToken)
    {
        var root = Slugs.FromName(title);
        if (root is "new" or "feed" or "images") root += "-news";
        var slug = root;
        for (var n = 2; await db.NewsPosts.AnyAsync(p => p.Slug == slug, cancellationToken); n++) slug = $"{root}-{n}";
        return slug;
    }
}
