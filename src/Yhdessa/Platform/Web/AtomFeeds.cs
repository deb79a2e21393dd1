using System.ServiceModel.Syndication;
using System.Xml;

namespace Yhdessa.Platform.Web;

/// <summary>An Atom feed as an answer: the site named as the feed's author (RFC 4287 4.1.1 requires an author for a
/// feed whose entries name none), UTF-8 without a byte-order mark.</summary>
public static class AtomFeeds
{
    public static async Task<IResult> AnswerAsync(SyndicationFeed feed, string baseUrl)
    {
        feed.Authors.Add(new SyndicationPerson { Name = "Yhdessä", Uri = baseUrl });
        using var buffer = new MemoryStream();
        await using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Async = true, Encoding = new System.Text.UTF8Encoding(false) }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }
        return Results.Bytes(buffer.ToArray(), "application/atom+xml; charset=utf-8");
    }
}
