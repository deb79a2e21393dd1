using Yhdessa.Features.Monitoring.Dashboards;
using Yhdessa.Features.Monitoring.Statistics;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Monitoring;

/// <summary>The policies of monitoring. Pages and endpoints name these; which rows a user sees is decided in one
/// place, <c>Access/MonitoringAccess</c>, never per page.</summary>
public static class MonitoringPolicies
{
    /// <summary>Pseudonymous micro-data (stays, a unit's reports): coordinators, and reporters for their own units.</summary>
    public const string MicroData = "Monitoring.MicroData";
}

/// <summary>The monitoring feature: reporting units, services, stays, collection rounds, reports. The import,
/// statistics and dashboards parts add their own registrations here.</summary>
public static class MonitoringSetup
{
    public static IServiceCollection AddMonitoring(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(MonitoringPolicies.MicroData, p => p.RequireRole(Roles.Coordinator, Roles.Reporter));
        services.AddMonitoringStatistics();
        services.AddMonitoringDashboards();
        return services;
    }

    public static IEndpointRouteBuilder MapMonitoring(this IEndpointRouteBuilder app) => app.MapMonitoringStatistics();
}
