using System.Globalization;
using System.Text.RegularExpressions;
using Yhdessa.Features.Materials.Data;

namespace Yhdessa.Features.Materials.Podcast;

/// <summary>An episode's length as people write it ("24:30", "1:05:00") and as it is stored (seconds).</summary>
public static partial class EpisodeDuration
{
    // Minutes and seconds, or hours, minutes and seconds. A Finn writes times of day with a full stop ("12.30"), so
    // that separator is read too. ASCII digits only: \d would let other scripts' digits through to int.Parse.
    [GeneratedRegex(@"^(?:(?<h>[0-9]{1,2})[:.](?<m>[0-5]?[0-9])|(?<m>[0-9]{1,4}))[:.](?<s>[0-5][0-9])$", RegexOptions.CultureInvariant)]
    private static partial Regex Written();

    /// <summary>The seconds in <paramref name="text"/>, or null when it is not a length of one second to a day.</summary>
    public static int? Parse(string? text)
    {
        var match = Written().Match(text?.Trim() ?? "");
        if (!match.Success) return null;
        int Part(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].ValueSpan, CultureInfo.InvariantCulture) : 0;
        var seconds = Part("h") * 3600 + Part("m") * 60 + Part("s");
        return seconds is > 0 and <= MaterialLimits.MaxDurationSeconds ? seconds : null;
    }

    /// <summary>"24:30" or "1:05:00", as the form shows it and the page writes it.</summary>
    public static string Text(int seconds)
    {
        var length = TimeSpan.FromSeconds(seconds);
        return length.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)length.TotalHours}:{length.Minutes:00}:{length.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{length.Minutes}:{length.Seconds:00}");
    }

    /// <summary>The ISO 8601 duration for <c>&lt;time datetime&gt;</c>: "PT24M30S".</summary>
    public static string Iso(int seconds) => System.Xml.XmlConvert.ToString(TimeSpan.FromSeconds(seconds));
}
