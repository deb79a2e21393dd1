using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Monitoring.Access;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Monitoring.Rules;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Monitoring.Rounds;

/// <summary>
/// Status changes of collection rounds, each with its history row, its audit entry and, where the unit should
/// know, its email — saved together. The rules of which move is whose are in <see cref="RoundFlow"/>; this class
/// only carries them out, and refuses (returns false) whatever they do not allow.
/// </summary>
public sealed class RoundWorkflow(YhdessaDb db, MonitoringAccess access, AuditLog audit, RoundMail mail, TimeProvider clock)
{
    public async Task<CollectionRound> OpenAsync(string name, ReportingPeriod period, DateOnly deadline,
        IReadOnlyDictionary<int, ReportingMethod> units, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var round = new CollectionRound
        {
            Name = name, Period = period.Code, Start = period.Start, End = period.End, Deadline = deadline, CreatedAt = now,
        };
        db.CollectionRounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (unitId, method) in units)
        {
            db.RoundUnits.Add(new RoundUnit { RoundId = round.Id, UnitId = unitId, Method = method, Status = RoundStatus.NotStarted, UpdatedAt = now });
            db.RoundUnitEvents.Add(new RoundUnitEvent { RoundId = round.Id, UnitId = unitId, ActorId = access.UserId, At = now, Status = RoundStatus.NotStarted });
        }
        var unitRows = await db.ReportingUnits.Where(u => units.Keys.Contains(u.Id)).ToListAsync(cancellationToken);
        foreach (var unit in unitRows) await mail.OpenedAsync(round, unit, cancellationToken);
        audit.Record("monitoring.round-opened", $"monitoring-round:{round.Id}", $"{period.Code}, {units.Count} units");
        await db.SaveChangesAsync(cancellationToken);
        return round;
    }

    /// <summary>A reporter's (or a coordinator's, on the unit's behalf) first change: not started → in progress.</summary>
    public void Edited(RoundUnit roundUnit)
    {
        var next = RoundFlow.AfterEdit(roundUnit.Status);
        if (next != roundUnit.Status) Move(roundUnit, next, null);
        roundUnit.UpdatedAt = clock.GetUtcNow();
    }

    /// <summary>A note in the report's history, and in the settled report's, that stays the settled report of
    /// another round holds were ended (or their end changed) in this round, after that report's period: its
    /// figures stay as they were sent, and both reports say why the stays now show a later end.</summary>
    public void StaysContinued(RoundUnit roundUnit, SettledReport settled, int stays) =>
        db.RoundUnitEvents.Add(new RoundUnitEvent
        {
            RoundId = roundUnit.RoundId, UnitId = roundUnit.UnitId, ActorId = access.UserId, At = clock.GetUtcNow(),
            Status = roundUnit.Status, SettledRoundId = settled.RoundId, StayCount = stays,
        });

    public bool Submit(CollectionRound round, RoundUnit roundUnit)
    {
        var target = RoundFlow.SubmitTarget(roundUnit.Status);
        if (round.Closed || !RoundFlow.CanReporterMove(roundUnit.Status, target)) return false;
        Move(roundUnit, target, null);
        audit.Record("monitoring.report-submitted", $"monitoring-round:{round.Id}", $"monitoring-unit:{roundUnit.UnitId}");
        return true;
    }

    public async Task<bool> DecideAsync(CollectionRound round, RoundUnit roundUnit, ReportingUnit unit, RoundStatus to, string? comment,
        CancellationToken cancellationToken)
    {
        if (round.Closed || !access.IsCoordinator || !RoundFlow.CanCoordinatorMove(roundUnit.Status, to)) return false;
        if (RoundFlow.NeedsComment(to) && string.IsNullOrWhiteSpace(comment)) return false;
        Move(roundUnit, to, comment);
        audit.Record(to == RoundStatus.Accepted ? "monitoring.report-accepted" : "monitoring.report-returned",
            $"monitoring-round:{round.Id}", $"monitoring-unit:{unit.Id}");
        if (to == RoundStatus.Returned) await mail.ReturnedAsync(round, unit, comment!, cancellationToken);
        return true;
    }

    /// <summary>Closing locks every unit's data of the round, whatever its status.</summary>
    public void Close(CollectionRound round)
    {
        round.Closed = true;
        audit.Record("monitoring.round-closed", $"monitoring-round:{round.Id}");
    }

    /// <summary>Reopening lets corrections in again; the reason goes to the audit log, since figures already
    /// published from the round may change.</summary>
    public void Reopen(CollectionRound round, string reason)
    {
        round.Closed = false;
        audit.Record("monitoring.round-reopened", $"monitoring-round:{round.Id}", reason);
    }

    private void Move(RoundUnit roundUnit, RoundStatus to, string? comment)
    {
        var now = clock.GetUtcNow();
        roundUnit.Status = to;
        roundUnit.UpdatedAt = now;
        if (comment is not null) roundUnit.LastComment = comment;
        db.RoundUnitEvents.Add(new RoundUnitEvent
        {
            RoundId = roundUnit.RoundId, UnitId = roundUnit.UnitId, ActorId = access.UserId, At = now, Status = to, Comment = comment,
        });
    }
}
