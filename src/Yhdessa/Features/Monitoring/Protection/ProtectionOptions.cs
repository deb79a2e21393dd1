namespace Yhdessa.Features.Monitoring.Protection;

/// <summary>
/// Thresholds of small-number protection, from configuration section <c>Yhdessa:Monitoring:Protection</c>.
/// The defaults are the safe ones; configuration may only make them stricter (see <see cref="Safe"/>).
/// </summary>
public sealed class ProtectionOptions
{
    public const string Section = "Yhdessa:Monitoring:Protection";

    /// <summary>Counts from 1 up to this minus one are hidden and written "&lt;5".</summary>
    public int MinimumCount { get; set; } = 5;

    /// <summary>A rate or share is not shown when its base (denominator) is smaller than this.</summary>
    public int MinimumRateBase { get; set; } = 20;

    /// <summary>The options with any value below the defaults raised to the default: a typo in configuration
    /// must never weaken the protection of special-category personal data.</summary>
    public ProtectionOptions Safe() => new()
    {
        MinimumCount = Math.Max(MinimumCount, 5),
        MinimumRateBase = Math.Max(MinimumRateBase, 20),
    };
}
