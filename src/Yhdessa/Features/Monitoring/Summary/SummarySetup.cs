using Yhdessa.Platform.Jobs;

namespace Yhdessa.Features.Monitoring.Summary;

public static class SummarySetup
{
    public static IServiceCollection AddDashboardSummary(this IServiceCollection services)
    {
        services.AddSingleton<SummaryFreshness>();
        services.AddScoped<SummaryBuilder>();
        services.AddScoped<SummaryMaintenance>();
        services.AddRecurringJob<SummaryJob>();
        return services;
    }
}
