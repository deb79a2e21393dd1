using System.Security.Claims;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Monitoring.Access;

/// <summary>
/// The one door to monitoring micro-data. Every page reads units, services, stays, round statuses, aggregate
/// values and annual surveys through these queries: coordinators see all units, reporters only the units they
/// are linked to. A page cannot forget the filter because it never starts from the raw tables; a unit outside
/// the reader's scope is simply not found (404), so its existence does not leak either.
/// </summary>
public sealed class MonitoringAccess(YhdessaDb db, IHttpContextAccessor http, AuditLog audit)
{
    private ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();

    public string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    public bool IsCoordinator => User.IsInRole(Roles.Coordinator);

    /// <summary>The ids of the units the reader may see.</summary>
    public IQueryable<int> UnitIds
    {
        get
        {
            if (IsCoordinator) return db.ReportingUnits.Select(u => u.Id);
            var userId = UserId;
            // Somebody who is neither a coordinator nor a reporter sees nothing, whatever reached this far.
            if (userId is null || !User.IsInRole(Roles.Reporter)) return db.ReportingUnits.Where(_ => false).Select(u => u.Id);
            return db.ReportingUnitReporters.Where(r => r.UserId == userId).Select(r => r.UnitId);
        }
    }

    public IQueryable<ReportingUnit> Units => db.ReportingUnits.Where(u => UnitIds.Contains(u.Id));
    public IQueryable<HousingService> Services => db.HousingServices.Where(s => UnitIds.Contains(s.UnitId));
    public IQueryable<Stay> Stays => db.Stays.Where(s => UnitIds.Contains(s.UnitId));
    public IQueryable<RoundUnit> RoundUnits => db.RoundUnits.Where(r => UnitIds.Contains(r.UnitId));
    public IQueryable<RoundUnitEvent> RoundUnitEvents => db.RoundUnitEvents.Where(r => UnitIds.Contains(r.UnitId));
    public IQueryable<AggregateValue> AggregateValues => db.AggregateValues.Where(v => UnitIds.Contains(v.UnitId));

    /// <summary>Rounds in which the reader has a unit (coordinators: all rounds).</summary>
    public IQueryable<CollectionRound> Rounds => IsCoordinator
        ? db.CollectionRounds
        : db.CollectionRounds.Where(r => RoundUnits.Any(u => u.RoundId == r.Id));

    /// <summary>The annual surveys of the municipalities of the reader's municipality units.</summary>
    public IQueryable<AnnualSurvey> AnnualSurveys => IsCoordinator
        ? db.AnnualSurveys
        : db.AnnualSurveys.Where(s => Units.Any(u => u.Kind == UnitKind.Municipality && u.MunicipalityCode == s.MunicipalityCode));

    /// <summary>Records that the reader saw micro-data (who and when come from the audit log itself). Saved at once:
    /// a view changes nothing else.</summary>
    public Task ViewedAsync(string what, string subject, CancellationToken cancellationToken) =>
        audit.RecordNowAsync("monitoring.viewed", subject, what, cancellationToken: cancellationToken);
}
