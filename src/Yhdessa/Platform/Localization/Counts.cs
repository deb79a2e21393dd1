using Microsoft.Extensions.Localization;

namespace Yhdessa.Platform.Localization;

/// <summary>
/// A count in words: "1 osallistuja", "2 osallistujaa". Finnish, Swedish and English each have one form for exactly
/// one and another for every other number, so a text that names what it counts has a second resource, "<c>key_One</c>",
/// used when the count is 1; a text without one (e.g. "enintään {0} merkkiä") reads right for every number.
/// </summary>
public static class Counts
{
    public static LocalizedString Count(this IStringLocalizer text, string key, int count)
    {
        if (count == 1 && text[key + "_One", count] is { ResourceNotFound: false } one) return one;
        return text[key, count];
    }
}
