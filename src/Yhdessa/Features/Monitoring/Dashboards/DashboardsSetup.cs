using Yhdessa.Features.Monitoring.Demo;
using Yhdessa.Features.Monitoring.Summary;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Monitoring.Dashboards;

public static class DashboardsSetup
{
    public static IServiceCollection AddMonitoringDashboards(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<DashboardCache>();
        services.AddDashboardSummary();
        services.AddScoped<DashboardQuery>();
        services.AddScoped<DashboardTables>();
        services.AddScoped<PublicationQuery>();
        services.AddScoped<DashboardAccess>();
        services.AddScoped<IDemoData, MonitoringDemoData>();
        return services;
    }
}
