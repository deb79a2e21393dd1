using System.Globalization;
using Yhdessa.Features.Surveys.Data;

namespace Yhdessa.Features.Surveys;

/// <summary>Numbers as people type them in Finland: a decimal comma or point, spaces (also no-break) between thousands.</summary>
public static class SurveyNumbers
{
    public static decimal? Parse(string? text)
    {
        var plain = (text ?? "").Trim().Replace(" ", "").Replace("\u00a0", "").Replace("\u202f", "").Replace('\u2212', '-');
        // With both marks, the last is the decimal one ("1,234.50", "1.234,50"); commas alone group thousands when
        // there are several ("1,234,567") and mark decimals when there is one ("12,5").
        var comma = plain.LastIndexOf(',');
        var point = plain.LastIndexOf('.');
        if (comma >= 0 && point >= 0)
            plain = comma > point ? plain.Replace(".", "").Replace(',', '.') : plain.Replace(",", "");
        else if (plain.Count(c => c == ',') > 1) plain = plain.Replace(",", "");
        else plain = plain.Replace(',', '.');
        if (plain.Length == 0 || plain.Count(c => c == '.') > 1) return null;
        if (!decimal.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)) return null;
        if (Math.Abs(number) > SurveyLimits.MaxNumber || decimal.Round(number, 2) != number) return null;
        return number;
    }
}
