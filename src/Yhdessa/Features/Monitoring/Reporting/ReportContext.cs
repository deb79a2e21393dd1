using Microsoft.EntityFrameworkCore;
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
        return new ReportContext { Round = round, Unit = unit, RoundUnit = roundUnit, Services = services };
    }

    /// <summary>A stay of this report's unit, read through the access filter, with its lock; null when there is no
    /// such stay for the reader (the page answers 404 as for any unit outside their scope).</summary>
    public async Task<(Stay Stay, StayLock Lock)?> FindStayAsync(YhdessaDb db, MonitoringAccess access, int stayId,
        CancellationToken cancellationToken)
    {
        var stay = await access.Stays.AsNoTracking().SingleOrDefaultAsync(s => s.Id == stayId && s.UnitId == Unit.Id, cancellationToken);
        if (stay is null) return null;
        return (stay, await LockOfAsync(db, stay, cancellationToken));
    }

    /// <summary>
    /// Whether a stay may be changed in this report, and how. A stay last reported in a closed round is settled:
    /// its figures are in that round's results, so only an ongoing one may be ended (within this round's period or
    /// later); anything else needs the old round reopened.
    /// </summary>
    public async Task<StayLock> LockOfAsync(YhdessaDb db, Stay stay, CancellationToken cancellationToken)
    {
        if (!Editable) return StayLock.Locked;
        if (stay.RoundId is null || stay.RoundId == Round.Id) return StayLock.Open;
        var settled = await db.CollectionRounds.AnyAsync(r => r.Id == stay.RoundId && r.Closed, cancellationToken);
        if (!settled) return StayLock.Open;
        return stay.End is null ? StayLock.EndOnly : StayLock.Locked;
    }
}

public enum StayLock { Open, EndOnly, Locked }
