using Yhdessa.Features.Monitoring.Data;

namespace Yhdessa.Features.Monitoring.Rules;

/// <summary>
/// Reads the coded values of monitoring data by their names (e.g. "LongTermHomeless"), case-insensitively.
/// Numbers are refused although <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> would take them:
/// "3" in a file is a mistake, not a code, and an undefined number would be stored as is.
/// </summary>
public static class Codes
{
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || !trimmed.All(char.IsAsciiLetter)) return false;
        return Enum.TryParse(trimmed, ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    /// <summary>The categories an aggregate measure is broken down by: the codes, or only "" for none.</summary>
    public static IReadOnlyList<string> CategoriesOf(Measure measure) => measure switch
    {
        Measure.MovesIn => Enum.GetNames<SituationBefore>(),
        Measure.StaysEnded => Enum.GetNames<Destination>(),
        _ => [""],
    };
}
