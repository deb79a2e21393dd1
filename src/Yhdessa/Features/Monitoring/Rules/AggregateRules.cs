using System.Globalization;
using Yhdessa.Features.Monitoring.Data;

namespace Yhdessa.Features.Monitoring.Rules;

/// <summary>The rules of a unit's counts (aggregate reports), DHIS2-style: each value a whole number within
/// limits, and the stock-and-flow balance of a service type must hold.</summary>
public static class AggregateRules
{
    public const string BalanceCode = "Rule_Balance";

    /// <summary>The form's (and the import's) key of one cell: type, measure and category.</summary>
    public static string Key(ServiceType type, Measure measure, string category) => $"{type}_{measure}_{category}";

    /// <summary>A count as typed: empty is "not reported" (null); anything but a whole number 0–100,000 is an error.</summary>
    public static int? ReadCount(string field, string? text, ICollection<RuleError> errors)
    {
        var value = text?.Trim().Replace(" ", "").Replace("\u00A0", "");
        if (string.IsNullOrEmpty(value)) return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= MonitoringLimits.MaxCount)
            return count;
        errors.Add(new RuleError(field, RuleCodes.CountRange, MonitoringLimits.MaxCount));
        return null;
    }

    /// <summary>
    /// Ongoing at the end = ongoing at the start + moves in − stays ended, for one service type in one period
    /// (a stay that began before the period and is still on at its start counts as ongoing at the start; one
    /// that began within it as a move in). Checked only when all four are given. Returns the expected end count
    /// when the figures do not add up, otherwise null.
    /// </summary>
    public static int? BalanceMismatch(int? ongoingAtStart, int? movesIn, int? ended, int? ongoingAtEnd)
    {
        if (ongoingAtStart is not { } start || movesIn is not { } moves || ended is not { } out_ || ongoingAtEnd is not { } end) return null;
        var expected = start + moves - out_;
        return expected == end ? null : expected;
    }
}
