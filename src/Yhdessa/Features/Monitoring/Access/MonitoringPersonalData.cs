using Microsoft.EntityFrameworkCore;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Monitoring.Access;

/// <summary>What monitoring keeps about a staff account: the units it reports for and the status changes it made.
/// Residents are never accounts here, so nothing of theirs is in this export.</summary>
public sealed class MonitoringPersonalData(YhdessaDb db) : IPersonalDataHolder
{
    public string Section => "monitoring";

    public async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var units = await (from r in db.ReportingUnitReporters
                           join u in db.ReportingUnits on r.UnitId equals u.Id
                           where r.UserId == userId
                           select new { Unit = u.Name, r.Since }).ToListAsync(cancellationToken);
        var changes = await (from e in db.RoundUnitEvents
                             join u in db.ReportingUnits on e.UnitId equals u.Id
                             join round in db.CollectionRounds on e.RoundId equals round.Id
                             where e.ActorId == userId
                             orderby e.Id
                             select new { Round = round.Name, Unit = u.Name, Status = e.Status.ToString(), e.At, e.Comment })
            .ToListAsync(cancellationToken);
        return units.Count == 0 && changes.Count == 0 ? null : new { ReportsFor = units, StatusChanges = changes };
    }

    /// <summary>Unlinks the account from its units; the rounds' history keeps the changes without saying whose.</summary>
    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        await db.ReportingUnitReporters.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.RoundUnitEvents.Where(e => e.ActorId == userId)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.ActorId, (string?)null), cancellationToken);
    }
}
