using Yhdessa.Features.Monitoring.Protection;
using Yhdessa.Features.Monitoring.Statistics.Context;

namespace Yhdessa.Features.Monitoring.Statistics;

/// <summary>Small-number protection and the open statistics.</summary>
public static class StatisticsSetup
{
    public static IServiceCollection AddMonitoringStatistics(this IServiceCollection services)
    {
        services.AddOptions<ProtectionOptions>().BindConfiguration(ProtectionOptions.Section);
        services.AddSingleton<SmallNumberProtection>();
        services.AddSingleton<ContextSeries>();
        services.AddScoped<OpenTables>();
        services.AddScoped<ProgrammeTables>();
        return services;
    }

    public static IEndpointRouteBuilder MapMonitoringStatistics(this IEndpointRouteBuilder app) => app.MapStatisticsApi();
}
