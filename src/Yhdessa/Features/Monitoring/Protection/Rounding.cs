namespace Yhdessa.Features.Monitoring.Protection;

/// <summary>
/// Rounding of protected dashboard counts. Suppression protects one table against its own totals, but a member can
/// open any area, service type and year window, and a consistent suppression over all of those views is not
/// tractable; a count rounded to the nearest five is the same in every view, so subtracting views gives an interval
/// rather than the hidden count. Applied after suppression, which is decided on the exact counts.
/// </summary>
public static class Rounding
{
    public const int Step = 5;

    /// <summary>A shown count of <see cref="Step"/> or more to the nearest multiple of <see cref="Step"/> (halves up,
    /// never below <see cref="Step"/>). A shown 0 stays 0, and "&lt;5" and "x" stay as they are.</summary>
    public static ProtectedCell Round(ProtectedCell cell) =>
        cell is { State: CellState.Shown, Value: int v } ? cell with { Value = Round(v) } : cell;

    /// <summary>A count to the nearest multiple of <see cref="Step"/> (halves up, never below <see cref="Step"/>); 0 stays 0.</summary>
    public static int Round(int count) => count > 0 ? Math.Max(Step, (2 * count + Step) / (2 * Step) * Step) : count;

    /// <summary>A share of a rounded dashboard: from the rounded counts, because a share of the exact counts next to
    /// a rounded base gives the base back (20 printed beside 33 % can only be 7 of 21). Null when the exact share is
    /// not shown.</summary>
    public static double? Share(double? exactShare, int numerator, int denominator) =>
        exactShare is null ? null : (double)Round(numerator) / Round(denominator);
}
