using Yhdessa.Features.Events.Data;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Communication.News.Data;

/// <summary>A news post is a draft until a coordinator publishes it; a withdrawn post leaves the site but is kept.</summary>
public enum NewsState { Draft, Published, Withdrawn }

/// <summary>
/// A news post of the network. It is written in one, two or all three languages (<see cref="Texts"/>): the list says
/// which, and a reader whose language is missing reads the post in the first language it has (Finnish, Swedish, English).
/// </summary>
public class NewsPost
{
    public int Id { get; set; }
    /// <summary>The address part, from the first title; kept when the title changes, so that links stay.</summary>
    public string Slug { get; set; } = "";
    public NewsState State { get; set; }
    /// <summary>The organisation credited for the news, e.g. the member organisation that told it.</summary>
    public int? OrganisationId { get; set; }
    /// <summary>The image, stored in the database so that every instance serves it; its alternative text is per language.</summary>
    public int? ImageId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>When the post was first published; the lists and feeds sort by it.</summary>
    public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>Grows with every save, so that a form sent after someone else's save is refused, not applied.</summary>
    public int Revision { get; set; }

    public List<NewsText> Texts { get; set; } = [];
    public List<NewsThemeLink> Themes { get; set; } = [];
    public List<NewsLink> Links { get; set; } = [];

    /// <summary>The text in <paramref name="language"/>, else in the first language the post has.</summary>
    public NewsText TextIn(string language) =>
        Texts.FirstOrDefault(t => t.Language == language)
        ?? Languages.All.Select(l => Texts.FirstOrDefault(t => t.Language == l)).First(t => t is not null)!;

    public IEnumerable<string> LanguagesWritten => Languages.All.Where(l => Texts.Any(t => t.Language == l));
}

/// <summary>A post in one language.</summary>
public class NewsText
{
    public int PostId { get; set; }
    /// <summary>fi, sv or en.</summary>
    public string Language { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>One or two sentences shown in lists, feeds and the front page.</summary>
    public string Lead { get; set; } = "";
    /// <summary>Markdown; rendered through <see cref="Yhdessa.Platform.Text.SafeMarkdown"/>, which sanitises it.</summary>
    public string Body { get; set; } = "";
    /// <summary>What the image shows, required when the post has an image.</summary>
    public string? ImageAlt { get; set; }
}

/// <summary>News share the network's themes with events, materials and needs.</summary>
public class NewsThemeLink
{
    public int PostId { get; set; }
    public int ThemeId { get; set; }
    public EventTheme? Theme { get; set; }
}

/// <summary>What a post links to: an event, a material or a need, by the record's id; shown only while it is public.</summary>
public class NewsLink
{
    public int PostId { get; set; }
    /// <summary>The kind's key: <c>event</c>, <c>material</c> or <c>need</c>.</summary>
    public string Kind { get; set; } = "";
    public int TargetId { get; set; }
    /// <summary>The order the editor gave the links.</summary>
    public int Position { get; set; }
}

/// <summary>An image of a post: checked to be a PNG, JPEG, GIF or WebP by its content when uploaded.</summary>
public class NewsImage
{
    public int Id { get; set; }
    public string ContentType { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}
