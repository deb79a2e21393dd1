using Yhdessa.Features.Monitoring.Data;

namespace Yhdessa.Features.Monitoring.Rules;

/// <summary>
/// A unit's report in a round whose figures may no longer change: the round is closed, or the report is with the
/// coordinator (submitted, resubmitted or accepted — <see cref="RoundFlow.IsEditable"/> says no). Only a report of
/// stays counts: a unit that reports counts in a round has no stays in that round's figures.
/// </summary>
public sealed record SettledReport(int RoundId, string RoundName, DateOnly Start, DateOnly End, bool Closed);

/// <summary>A stay as the figures see it: what is stored, without the row's bookkeeping.</summary>
public sealed record StayFacts(int ServiceId, string ResidentCode, DateOnly MoveIn, SituationBefore SituationBefore,
    DateOnly? End, Destination? Destination)
{
    public static StayFacts Of(Stay stay) =>
        new(stay.ServiceId, stay.ResidentCode, stay.MoveIn, stay.SituationBefore, stay.End, stay.Destination);

    public static StayFacts Of(CheckedStay stay) =>
        new(stay.Service.Id, stay.ResidentCode, stay.MoveIn, stay.SituationBefore, stay.End, stay.Destination);
}

/// <summary>
/// The one rule that keeps settled reports as they were sent, for every path that writes stays (the stay form, the
/// deletion, the import). A stay counts in every round whose period it overlaps — the report lists it, and its
/// move-in, end and destination are that period's figures — whichever round it was entered in. A change (an
/// addition, an edit, a deletion) is refused when it would change what a settled report of another round shows;
/// an end after a settled period leaves that period's figures as they were (the stay was ongoing at its end), so
/// a stay that continued through a settled report can still be ended in a later round.
/// </summary>
public static class SettledReports
{
    /// <summary>What a period's report shows of a stay: nothing when the stay falls outside the period; an end after
    /// the period is not seen (the stay was ongoing at the period's end).</summary>
    private static StayFacts? SeenIn(StayFacts? stay, SettledReport report)
    {
        if (stay is null || stay.MoveIn > report.End || stay.End < report.Start) return null;
        return stay.End > report.End ? stay with { End = null, Destination = null } : stay;
    }

    /// <summary>The settled report whose figures the change from <paramref name="before"/> (null: a new stay) to
    /// <paramref name="after"/> (null: deleted) would change, or null when it changes none.</summary>
    public static SettledReport? ChangedBy(StayFacts? before, StayFacts? after, IEnumerable<SettledReport> settled) =>
        settled.OrderByDescending(r => r.End).FirstOrDefault(r => SeenIn(before, r) != SeenIn(after, r));

    /// <summary>The latest-ending settled report the stay counts in, or null when it counts in none.</summary>
    public static SettledReport? Holding(StayFacts stay, IEnumerable<SettledReport> settled) =>
        settled.OrderByDescending(r => r.End).FirstOrDefault(r => SeenIn(stay, r) is not null);

    /// <summary>Whether the stay's end (and destination) may still change: it was ongoing at the end of the
    /// settled report holding it, so any end from the next day on leaves that report as it is.</summary>
    public static bool MayEndAfter(StayFacts stay, SettledReport holding) => stay.End is null || stay.End > holding.End;

    /// <summary>The settled reports that show a stay whose change they allowed (its end after their periods): their
    /// figures are as they were, but the stay they list now ends differently, which both histories note.</summary>
    public static IEnumerable<SettledReport> Continued(StayFacts? before, StayFacts after, IEnumerable<SettledReport> settled) =>
        before is null || before == after ? [] : settled.Where(r => SeenIn(before, r) is not null);

    /// <summary>The refusal of a change <see cref="ChangedBy"/> found, on the end when only the end changed and on
    /// the move-in otherwise. The message names the round and says who can lift the lock: a coordinator returns the
    /// report, or reopens a closed round.</summary>
    public static RuleError Refusal(SettledReport report, StayFacts? before, StayFacts? after)
    {
        var onlyTheEnd = before is not null && after is not null
            && before with { End = null, Destination = null } == after with { End = null, Destination = null };
        return new(onlyTheEnd ? nameof(StayDraft.End) : nameof(StayDraft.MoveIn), MessageKey(report), report.RoundName);
    }

    /// <summary>The message saying that the stay counts in the report, with the round's name as its argument.</summary>
    public static string MessageKey(SettledReport report) => report.Closed ? RuleCodes.InClosedRound : RuleCodes.InSettledReport;
}
