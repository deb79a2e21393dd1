using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Monitoring.Access;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Monitoring.Rules;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Monitoring.Reporting;

/// <summary>
/// One unit's report in one round, as every reporting page (and the import) needs it: the round, the unit and
/// its status, the unit's services, and whether the data may change. Loaded only through
/// <see cref="MonitoringAccess"/>, so a unit outside the reader's scope gives null — the page answers 404.
/// <see cref="RoundUnit"/> is tracked, so a status change saves with the data it came with.
/// </summary>
public sealed class ReportContext
{
    public required CollectionRound Round { get; init; }
    public required ReportingUnit Unit { get; init; }
    public required RoundUnit RoundUnit { get; init; }
    public required IReadOnlyList<HousingService> Services { get; init; }
    /// <summary>The unit's settled reports in other rounds: a change to a stay must leave their figures as they are.</summary>
    public required IReadOnlyList<SettledReport> Settled { get; init; }

    /// <summary>The unit's services by their code, case-insensitively, as the stay rules look them up.</summary>
    public IReadOnlyDictionary<string, HousingService> ServicesByCode =>
        Services.ToDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase);

    public bool Editable => RoundFlow.IsEditable(Round, RoundUnit);

    public string Path => $"/monitoring/report/{Round.Id}/{Unit.Id}";

    public static async Task<ReportContext?> LoadAsync(YhdessaDb db, MonitoringAccess access, int roundId, int unitId,
        CancellationToken cancellationToken)
    {
        var roundUnit = await access.RoundUnits.SingleOrDefaultAsync(r => r.RoundId == roundId && r.UnitId == unitId, cancellationToken);
        if (roundUnit is null) return null;
        var round = await db.CollectionRounds.AsNoTracking().SingleAsync(r => r.Id == roundId, cancellationToken);
        var unit = await db.ReportingUnits.AsNoTracking().SingleAsync(u => u.Id == unitId, cancellationToken);
        var services = await db.HousingServices.AsNoTracking().Where(s => s.UnitId == unitId).OrderBy(s => s.Code)
            .ToListAsync(cancellationToken);
        var settled = await SettledReportsAsync(db, unitId, roundId, cancellationToken);
        return new ReportContext { Round = round, Unit = unit, RoundUnit = roundUnit, Services = services, Settled = settled };
    }

    /// <summary>A stay of this report's unit, read through the access filter, with its lock and the settled report
    /// that holds it (if any); null when there is no such stay for the reader (the page answers 404 as for any unit
    /// outside their scope).</summary>
    public async Task<(Stay Stay, StayLock Lock, SettledReport? HeldBy)?> FindStayAsync(YhdessaDb db, MonitoringAccess access, int stayId,
        CancellationToken cancellationToken)
    {
        var stay = await access.Stays.AsNoTracking().SingleOrDefaultAsync(s => s.Id == stayId && s.UnitId == Unit.Id, cancellationToken);
        if (stay is null) return null;
        var (lockOf, heldBy) = LockOf(stay);
        return (stay, lockOf, heldBy);
    }

    /// <summary>
    /// Whether a stay may be changed in this report, and how (<see cref="SettledReports"/>). A stay that counts in a
    /// settled report of another round keeps that report's figures: if it was ongoing at the end of that report's
    /// period it may still be ended (from the next day on), otherwise it stays as it is until the coordinator
    /// returns the report or reopens the round.
    /// </summary>
    public (StayLock Lock, SettledReport? HeldBy) LockOf(Stay stay)
    {
        if (!Editable) return (StayLock.Locked, null);
        var facts = StayFacts.Of(stay);
        if (SettledReports.Holding(facts, Settled) is not { } holding) return (StayLock.Open, null);
        return (SettledReports.MayEndAfter(facts, holding) ? StayLock.EndOnly : StayLock.Locked, holding);
    }

    /// <summary>Why a stay cannot be changed here: the round is closed, this report is with the coordinator, or the
    /// stay counts in another round's settled report (named, with who can lift the lock).</summary>
    public string LockMessage(IStringLocalizer<MonitoringText> text, SettledReport? heldBy) =>
        Round.Closed ? text["RoundIsClosed"]
        : !Editable || heldBy is null ? text["ReportLocked"]
        : text[SettledReports.MessageKey(heldBy), heldBy.RoundName];

    /// <summary>The unit's reports in rounds other than <paramref name="roundId"/> whose figures may no longer
    /// change (<see cref="RoundFlow.IsEditable"/> says no), for the stays the unit reports. A unit takes part in a
    /// few rounds a year, so they are read whole and judged by the same rule as the report itself.</summary>
    public static async Task<IReadOnlyList<SettledReport>> SettledReportsAsync(YhdessaDb db, int unitId, int roundId,
        CancellationToken cancellationToken)
    {
        var reports = await db.RoundUnits.AsNoTracking()
            .Where(ru => ru.UnitId == unitId && ru.RoundId != roundId && ru.Method == ReportingMethod.Stays)
            .Join(db.CollectionRounds.AsNoTracking(), ru => ru.RoundId, r => r.Id, (ru, r) => new { RoundUnit = ru, Round = r })
            .ToListAsync(cancellationToken);
        return [.. reports.Where(x => !RoundFlow.IsEditable(x.Round, x.RoundUnit))
            .Select(x => new SettledReport(x.Round.Id, x.Round.Name, x.Round.Start, x.Round.End, x.Round.Closed))];
    }
}

public enum StayLock { Open, EndOnly, Locked }
