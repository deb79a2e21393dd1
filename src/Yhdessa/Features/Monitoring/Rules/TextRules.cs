using System.Text;
using System.Text.RegularExpressions;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Monitoring.Rules;

/// <summary>The checks every free or coded text of monitoring data gets: the identifier guard, a length limit
/// and no invisible characters (they would let two codes that look the same differ).</summary>
public static partial class TextRules
{
    /// <summary>Checks an optional text; the value as it will be stored is trimmed and NFC-normalised.</summary>
    public static void Check(string field, string? value, int maxLength, ICollection<RuleError> errors)
    {
        if (string.IsNullOrEmpty(value)) return;
        if (value.Length > maxLength) errors.Add(new RuleError(field, RuleCodes.TooLong, maxLength));
        else if (HasInvisible(value)) errors.Add(new RuleError(field, RuleCodes.InvisibleCharacters));
        else if (IdentifierGuard.Find(value) is { } kind) errors.Add(new RuleError(field, RuleCodes.Of(kind)));
    }

    /// <summary>Line breaks and tabs are fine in a comment; other control and direction characters are not.</summary>
    private static bool HasInvisible(string value) =>
        InputRules.HasInvisibleControl(value.Replace("\r", "").Replace("\n", "").Replace("\t", ""));

    public static string Clean(string? value) => (value ?? "").Trim().Normalize(NormalizationForm.FormC);

    /// <summary>
    /// A resident code: the unit's own pseudonym, 1–40 of A–Z, a–z, 0–9, '-' and '_', that holds no identifier
    /// even with its separators left out (<see cref="IdentifierGuard.FindInCode"/>). The identifier is looked for
    /// first, so that a code written with full-width digits or a look-alike letter is refused for what it holds.
    /// </summary>
    public static void CheckResidentCode(string field, string? code, ICollection<RuleError> errors) =>
        CheckCode(field, code, MonitoringLimits.ResidentCode, RuleCodes.ResidentCodeFormat, errors);

    /// <summary>A service's short code: 1–20 of the same characters as a resident code, under the same guard.</summary>
    public static void CheckServiceCode(string field, string? code, ICollection<RuleError> errors) =>
        CheckCode(field, code, MonitoringLimits.ServiceCode, RuleCodes.ServiceCodeFormat, errors);

    private static void CheckCode(string field, string? code, int maxLength, string formatRule, ICollection<RuleError> errors)
    {
        if (string.IsNullOrWhiteSpace(code)) errors.Add(new RuleError(field, RuleCodes.Required));
        else if (code.Length > maxLength) errors.Add(new RuleError(field, RuleCodes.TooLong, maxLength));
        else if (IdentifierGuard.FindInCode(code) is { } kind) errors.Add(new RuleError(field, RuleCodes.Of(kind)));
        else if (!CodePattern().IsMatch(code)) errors.Add(new RuleError(field, formatRule));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
