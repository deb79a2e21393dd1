using Microsoft.Extensions.Localization;
using Yhdessa.Features.Communication.News.Data;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Communication;

/// <summary>Marker for the communication feature's texts (CommunicationText.fi/sv/en.resx).</summary>
public sealed class CommunicationText;

public static class NewsDisplay
{
    /// <summary>The feed of news written in the page's language (a feed reader sends no language of its own), of one theme or all.</summary>
    public static string FeedUrl(int? theme = null)
    {
        var query = new List<string>();
        if (Languages.Current != Languages.Finnish) query.Add("culture=" + Languages.Current);
        if (theme is { } id) query.Add("theme=" + id);
        return "/news/feed" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }

    /// <summary>"Only in Finnish", "Only in Finnish and in Swedish"; null for a post written in all three languages.</summary>
    public static string? WrittenOnlyIn(this IStringLocalizer<CommunicationText> c, NewsPost post)
    {
        var written = post.LanguagesWritten.ToList();
        if (written.Count == Languages.All.Length) return null;
        var names = written.Select(l => c["Language_In_" + l].Value).ToList();
        var joined = names.Count == 1 ? names[0] : string.Join(", ", names[..^1]) + " " + c["And"] + " " + names[^1];
        return c["NewsOnlyIn", joined];
    }
}
