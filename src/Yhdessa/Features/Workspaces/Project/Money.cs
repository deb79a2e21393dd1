using System.Globalization;
using Yhdessa.Features.Surveys;
using Yhdessa.Features.Workspaces.Data;

namespace Yhdessa.Features.Workspaces.Project;

/// <summary>Euros as decimals, written as each language writes them (Finnish and Swedish "1 234,50 €", English
/// "€1,234.50") and read as people type them (a comma or a point, spaces between thousands).</summary>
public static class Money
{
    public static string Format(decimal amount, string language) => language == "en"
        ? (amount < 0 ? "-" : "") + "€" + Math.Abs(amount).ToString("N2", CultureInfo.GetCultureInfo("en-GB"))
        : amount.ToString("N2", CultureInfo.GetCultureInfo(language == "sv" ? "sv-FI" : "fi-FI")) + "\u00a0€";

    /// <summary>A number as the reader's language writes it, with at most two decimals.</summary>
    public static string Number(decimal value, string language) =>
        value.ToString("#,##0.##", CultureInfo.GetCultureInfo(language switch { "en" => "en-GB", "sv" => "sv-FI", _ => "fi-FI" }));

    /// <summary>A number for a form's field: no thousands separators, the reader's decimal mark.</summary>
    public static string Plain(decimal value, string language) =>
        value.ToString("0.##", CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "fi-FI"));

    /// <summary>An amount of euros: at most two decimals, not negative, at most <see cref="ProjectLimits.MaxAmount"/>;
    /// a trailing € is allowed. Null for anything else.</summary>
    public static decimal? ParseAmount(string? text)
    {
        var plain = (text ?? "").Trim().TrimEnd('€').Trim();
        if (plain.StartsWith('€')) plain = plain[1..];
        return SurveyNumbers.Parse(plain) is { } amount && amount >= 0 && amount <= ProjectLimits.MaxAmount ? amount : null;
    }

    /// <summary>A measured or target value: any sign, at most two decimals.</summary>
    public static decimal? ParseValue(string? text) => SurveyNumbers.Parse(text);
}
