using Yhdessa.Features.Monitoring.Data;

namespace Yhdessa.Features.Monitoring.Rules;

/// <summary>The annual survey's plausibility rule: a large change from the year before needs a few words of
/// explanation, so that whoever reads the series later knows a jump is real.</summary>
public static class SurveyRules
{
    public const double LargeChangeShare = 0.5;
    public const int LargeChangeUnits = 20;

    /// <summary>A change of more than 50 % or more than 20 housing units, in total or in one housing type.</summary>
    public static bool IsLargeChange(AnnualSurvey? previous, AnnualSurvey current)
    {
        if (previous is null) return false;
        if (IsLarge(previous.AddedTotal, current.AddedTotal)) return true;
        return Enum.GetValues<ServiceType>().Any(t => Math.Abs(current.Added(t) - previous.Added(t)) > LargeChangeUnits);
    }

    private static bool IsLarge(int before, int now)
    {
        var change = Math.Abs(now - before);
        if (change > LargeChangeUnits) return true;
        // A share of a tiny base (1 → 2) is not news; the share counts only where there was something to compare.
        return before >= 4 && change > before * LargeChangeShare;
    }
}
