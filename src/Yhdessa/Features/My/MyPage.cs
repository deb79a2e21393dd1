using System.Security.Claims;

namespace Yhdessa.Features.My;

/// <summary>Marker for the texts of a person's own page (MyText.fi/sv/en.resx).</summary>
public sealed class MyText;

/// <summary>
/// One part of a person's own page (<c>/my</c>), given by the feature that owns the things in it: the page knows no
/// feature, so a new feature adds its part by registering one more of these.
/// </summary>
public interface IMyPagePart
{
    /// <summary>Parts are shown in this order, smallest first: what waits for the person's action comes first.</summary>
    int Order { get; }

    /// <summary>The part for this person, or null when it has nothing for her (e.g. no feedback to give).</summary>
    Task<MyPagePart?> LoadAsync(ClaimsPrincipal person, CancellationToken cancellationToken);

    /// <summary>Whether the part is also shown on the front page to the person signed in, above the network's sections:
    /// only what she will attend or should act on soon (her next registrations, surveys waiting for her answer), since
    /// the front page is built for every signed-in visit. There it shows its first <see cref="Home.FrontPage.MyThings"/>
    /// things, and the page links to <c>/my</c> for the rest.</summary>
    bool OnFrontPage => false;
}

/// <param name="Heading">The part's heading, in the reader's language.</param>
/// <param name="Things">The person's things, newest or most urgent first; a few, with <paramref name="All"/> for the rest.</param>
/// <param name="Empty">Shown when there are no things, with what the person can do about it.</param>
/// <param name="Links">The feature's own page of all of them, and of what to do next.</param>
public sealed record MyPagePart(string Heading, IReadOnlyList<MyThing> Things, string? Empty = null, IReadOnlyList<MyLink>? Links = null)
{
    public IReadOnlyList<MyLink> Links { get; init; } = Links ?? [];
}

/// <param name="Text">What it is (a title, a name).</param>
/// <param name="Href">Where it is; with <paramref name="Post"/>, where a button sends it.</param>
/// <param name="Detail">Its state or time, in the reader's language.</param>
/// <param name="Language">The language of <paramref name="Text"/> when it is not the page's (a title not translated).</param>
/// <param name="Post">A button's text when the thing is opened by sending a form (e.g. a new answer link) rather than a link.</param>
public sealed record MyThing(string Text, string Href, string? Detail = null, string? Language = null, string? Post = null);

public sealed record MyLink(string Text, string Href);

/// <summary>One part as <c>_MyPart.cshtml</c> shows it, on the person's own page and on the front page; <paramref name="Id"/>
/// names its heading for the section's label.</summary>
public sealed record MyPartView(MyPagePart Part, string Id);

public static class MySetup
{
    public static IServiceCollection AddMyPagePart<TPart>(this IServiceCollection services) where TPart : class, IMyPagePart =>
        services.AddScoped<IMyPagePart, TPart>();
}
