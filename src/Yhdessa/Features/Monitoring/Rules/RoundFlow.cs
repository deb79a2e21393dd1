using Yhdessa.Features.Monitoring.Data;

namespace Yhdessa.Features.Monitoring.Rules;

/// <summary>
/// The status flow of a unit's data in a round: not started → in progress → submitted → accepted, or returned
/// with a comment → (in progress) → resubmitted → accepted. Reporters move their unit's data forward; coordinators
/// accept or return it. Whatever is not listed here is refused.
/// </summary>
public static class RoundFlow
{
    private static readonly Dictionary<(RoundStatus From, RoundStatus To), bool> Moves = new()
    {
        // value: whether the move is a coordinator's (true) or a reporter's (false)
        [(RoundStatus.NotStarted, RoundStatus.InProgress)] = false,
        [(RoundStatus.NotStarted, RoundStatus.Submitted)] = false,
        [(RoundStatus.InProgress, RoundStatus.Submitted)] = false,
        [(RoundStatus.Returned, RoundStatus.Resubmitted)] = false,
        [(RoundStatus.Submitted, RoundStatus.Accepted)] = true,
        [(RoundStatus.Submitted, RoundStatus.Returned)] = true,
        [(RoundStatus.Resubmitted, RoundStatus.Accepted)] = true,
        [(RoundStatus.Resubmitted, RoundStatus.Returned)] = true,
        // An accepted report found wrong later goes back to the unit for correction.
        [(RoundStatus.Accepted, RoundStatus.Returned)] = true,
    };

    public static bool CanReporterMove(RoundStatus from, RoundStatus to) => Moves.TryGetValue((from, to), out var byCoordinator) && !byCoordinator;

    public static bool CanCoordinatorMove(RoundStatus from, RoundStatus to) => Moves.TryGetValue((from, to), out var byCoordinator) && byCoordinator;

    /// <summary>Returning needs a comment: the unit must know what to fix.</summary>
    public static bool NeedsComment(RoundStatus to) => to == RoundStatus.Returned;

    /// <summary>The unit may change its data: the round is open and the data is not with the coordinator.</summary>
    public static bool IsEditable(CollectionRound round, RoundUnit roundUnit) =>
        !round.Closed && roundUnit.Status is RoundStatus.NotStarted or RoundStatus.InProgress or RoundStatus.Returned;

    /// <summary>Data counted as reported for the reporting rate.</summary>
    public static bool IsReported(RoundStatus status) =>
        status is RoundStatus.Submitted or RoundStatus.Resubmitted or RoundStatus.Accepted;

    /// <summary>Late: the round's deadline has passed (in Finland) and the report is not with the coordinator; the
    /// coordinator's completeness view and the unit's own pages say it alike.</summary>
    public static bool IsLate(CollectionRound round, RoundStatus status, DateOnly today) =>
        today > round.Deadline && !IsReported(status);

    /// <summary>What a unit's first save does to its status: not started becomes in progress; a returned report
    /// stays returned (its comment still applies) until resubmitted.</summary>
    public static RoundStatus AfterEdit(RoundStatus status) => status == RoundStatus.NotStarted ? RoundStatus.InProgress : status;

    /// <summary>The status a reporter's submission moves to.</summary>
    public static RoundStatus SubmitTarget(RoundStatus status) =>
        status == RoundStatus.Returned ? RoundStatus.Resubmitted : RoundStatus.Submitted;
}
