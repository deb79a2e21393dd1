using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Monitoring.Dashboards;

/// <summary>
/// Who may have a dashboard's figures unprotected: someone who passes the micro-data policy (a coordinator or a
/// reporter, signed in with two-step sign-in), and then a coordinator for any scope, a reporter only for a unit they
/// report for. Everyone else, and a reporter looking at anything wider than their own unit, gets protected figures.
/// </summary>
public sealed class DashboardAccess(YhdessaDb db, IAuthorizationService authorization)
{
    public async Task<bool> MaySeeMicroDataAsync(ClaimsPrincipal user, DashboardScope scope, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(user, MonitoringPolicies.MicroData)).Succeeded) return false;
        if (user.IsInRole(Roles.Coordinator)) return true;
        if (scope.Kind != ScopeKind.Unit) return false;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return await db.ReportingUnitReporters.AnyAsync(r => r.UnitId == scope.UnitId && r.UserId == userId, cancellationToken);
    }
}
