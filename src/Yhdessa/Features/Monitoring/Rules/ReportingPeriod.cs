using System.Globalization;
using System.Text.RegularExpressions;

namespace Yhdessa.Features.Monitoring.Rules;

/// <summary>A reporting period: a calendar year ("2026") or a half-year ("2026H1" = January–June,
/// "2026H2" = July–December), as DHIS2's yearly and six-monthly periods.</summary>
public sealed partial record ReportingPeriod(string Code, DateOnly Start, DateOnly End)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>Reads "2026", "2026H1", "2026 h2" and the like; null when the text is not a period.</summary>
    public static ReportingPeriod? Parse(string? text)
    {
        var match = Pattern().Match((text ?? "").Replace(" ", "").ToUpperInvariant());
        if (!match.Success) return null;
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < MinYear or > MaxYear) return null;
        return match.Groups["half"].Value switch
        {
            "1" => new($"{year}H1", new DateOnly(year, 1, 1), new DateOnly(year, 6, 30)),
            "2" => new($"{year}H2", new DateOnly(year, 7, 1), new DateOnly(year, 12, 31)),
            _ => new($"{year}", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)),
        };
    }

    public int Year => Start.Year;

    [GeneratedRegex(@"^(?<year>[0-9]{4})(H(?<half>[12]))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
