using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Platform;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Materials.Podcast;

/// <summary>
/// <c>/podcast/feed</c>: the network's podcast as RSS 2.0 with the elements podcast apps read (the <c>itunes:</c>
/// namespace, which is what they all read, and <c>content:encoded</c> for the show notes). An episode is in it once it
/// is published and has its recording: an item without an enclosure is nothing to a podcast app. The channel's texts
/// are Finnish unless <c>?culture=sv</c> or <c>en</c> asks otherwise; the browser's language does not change a feed
/// that an app reads for years.
/// </summary>
public static partial class PodcastFeed
{
    public const string Path = "/podcast/feed";
    public const string ContentType = "application/rss+xml; charset=utf-8";
    /// <summary>Square, 1400 px: the size podcast apps ask for.</summary>
    public const string CoverPath = "/img/podcast-cover.png";
    private const string Itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    private const string Content = "http://purl.org/rss/1.0/modules/content/";
    private const string Atom = "http://www.w3.org/2005/Atom";
    /// <summary>Apps read the whole feed to list a podcast's back catalogue; this is years of a network's episodes.</summary>
    private const int MaxEpisodes = 1000;

    private sealed record Episode(int MaterialId, string Slug, string Title, string Summary, DateOnly PublicationDate, int Number,
        int? Season, int DurationSeconds, string ShowNotes, bool Explicit, int AudioId, string AudioName, string AudioType, long AudioSize);

    public static IEndpointRouteBuilder MapPodcastFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, async (YhdessaDb db, IStringLocalizer<MaterialsText> m, IOptions<PlatformOptions> options, string? culture,
                CancellationToken cancellationToken) =>
            {
                using var language = Languages.Use(culture);
                var baseUrl = options.Value.BaseUrl.TrimEnd('/');
                var episodes = await PublishedAsync(db, cancellationToken);
                var feed = Channel(m, baseUrl, culture is null ? "" : "?culture=" + Languages.Current);
                feed.Items = [.. episodes.Select(episode => Item(episode, baseUrl))];
                if (episodes.Count > 0) feed.LastUpdatedTime = episodes.Max(e => Day(e.PublicationDate));
                return Results.Bytes(Write(feed), ContentType);
            })
            .AllowAnonymous()
            .CacheOutput(PublicPages.SameForEveryonePolicy)
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>Published episodes with their current recording, newest first, without their transcripts.</summary>
    private static Task<List<Episode>> PublishedAsync(YhdessaDb db, CancellationToken cancellationToken) =>
        db.MaterialFiles.AsNoTracking()
            .Where(f => f.IsEpisodeAudio && f.RemovedAt == null)
            .Join(db.Materials.Where(m => m.Status == MaterialStatus.Published && m.Type == MaterialType.PodcastEpisode && m.Episode != null),
                f => f.MaterialId, m => m.Id, (audio, material) => new { audio, material })
            .OrderByDescending(x => x.material.PublicationDate).ThenByDescending(x => x.material.Episode!.Number)
            .Take(MaxEpisodes)
            .Select(x => new Episode(x.material.Id, x.material.Slug, x.material.Title, x.material.Summary, x.material.PublicationDate,
                x.material.Episode!.Number, x.material.Episode.Season, x.material.Episode.DurationSeconds, x.material.Episode.ShowNotes,
                x.material.Episode.Explicit, x.audio.Id, x.audio.FileName, x.audio.ContentType, x.audio.Size))
            .ToListAsync(cancellationToken);

    private static SyndicationFeed Channel(IStringLocalizer<MaterialsText> m, string baseUrl, string query)
    {
        var feed = new SyndicationFeed(m["PodcastFeedTitle"], m["PodcastFeedDescription"], new Uri(baseUrl + "/materials?type=PodcastEpisode"))
        {
            Language = Languages.Current,
            ImageUrl = new Uri(baseUrl + CoverPath),
        };
        feed.AttributeExtensions.Add(new XmlQualifiedName("itunes", XNamespace.Xmlns.NamespaceName), Itunes);
        feed.AttributeExtensions.Add(new XmlQualifiedName("content", XNamespace.Xmlns.NamespaceName), Content);
        feed.AttributeExtensions.Add(new XmlQualifiedName("atom", XNamespace.Xmlns.NamespaceName), Atom);
        XNamespace itunes = Itunes;
        feed.ElementExtensions.Add(new XElement(XName.Get("link", Atom), new XAttribute("href", baseUrl + Path + query),
            new XAttribute("rel", "self"), new XAttribute("type", "application/rss+xml")));
        feed.ElementExtensions.Add(new XElement(itunes + "image", new XAttribute("href", baseUrl + CoverPath)));
        feed.ElementExtensions.Add(new XElement(itunes + "author", "Yhdessä"));
        feed.ElementExtensions.Add(new XElement(itunes + "category", new XAttribute("text", "Society & Culture")));
        // The channel as a whole is a professional one; an episode says for itself when it is not.
        feed.ElementExtensions.Add(new XElement(itunes + "explicit", "false"));
        feed.ElementExtensions.Add(new XElement(itunes + "type", "episodic"));
        return feed;
    }

    private static SyndicationItem Item(Episode episode, string baseUrl)
    {
        var page = new Uri(baseUrl + "/materials/" + episode.Slug);
        // The id of the material, not its address: a podcast app knows an episode by its guid, which must survive a move
        // of the site to another address.
        var item = new SyndicationItem(episode.Title, episode.Summary, page, $"yhdessa-material-{episode.MaterialId}", default)
        {
            // The day the episode came out, as its maker gave it: a later correction must not bring it up as new.
            PublishDate = Day(episode.PublicationDate),
        };
        var audio = new Uri($"{baseUrl}/materials/files/{episode.AudioId}/{Uri.EscapeDataString(episode.AudioName)}");
        item.Links.Add(SyndicationLink.CreateMediaEnclosureLink(audio, episode.AudioType, episode.AudioSize));
        XNamespace itunes = Itunes;
        item.ElementExtensions.Add(new XElement(itunes + "duration", episode.DurationSeconds.ToString(CultureInfo.InvariantCulture)));
        item.ElementExtensions.Add(new XElement(itunes + "episode", episode.Number.ToString(CultureInfo.InvariantCulture)));
        if (episode.Season is { } season) item.ElementExtensions.Add(new XElement(itunes + "season", season.ToString(CultureInfo.InvariantCulture)));
        item.ElementExtensions.Add(new XElement(itunes + "episodeType", "full"));
        item.ElementExtensions.Add(new XElement(itunes + "explicit", episode.Explicit ? "true" : "false"));
        if (episode.ShowNotes.Length > 0)
            item.ElementExtensions.Add(new XElement(XName.Get("encoded", Content), new XCData(Absolute(SafeMarkdown.ToHtml(episode.ShowNotes), baseUrl))));
        return item;
    }

    /// <summary>The start of the day in Helsinki, written with Helsinki's offset (RSS dates are RFC 822: "+0200", not "Z").</summary>
    private static DateTimeOffset Day(DateOnly day) => HelsinkiTime.ToHelsinki(HelsinkiTime.StartOfDay(day));

    /// <summary>An app shows the show notes away from the site: a link to one of the site's pages gets the site's address.</summary>
    private static string Absolute(string html, string baseUrl) => SitePath().Replace(html, $"href=\"{baseUrl}/");

    [GeneratedRegex("href=\"/(?!/)")]
    private static partial Regex SitePath();

    /// <summary>RSS 2.0 in UTF-8 without a byte-order mark. Only RSS's own elements and the extensions above: no Atom
    /// copies of what RSS already says.</summary>
    private static byte[] Write(SyndicationFeed feed)
    {
        var document = new XDocument();
        using (var writer = document.CreateWriter()) new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: false).WriteTo(writer);
        // The formatter declares the extensions' namespaces on <channel>; podcast directories look for them on <rss>.
        var channel = document.Root!.Element("channel")!;
        foreach (var declaration in channel.Attributes().Where(a => a.IsNamespaceDeclaration).ToList())
        {
            declaration.Remove();
            document.Root.Add(declaration);
        }
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) })) document.Save(writer);
        return buffer.ToArray();
    }
}
