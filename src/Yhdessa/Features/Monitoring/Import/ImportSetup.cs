namespace Yhdessa.Features.Monitoring.Import;

public static class ImportSetup
{
    public static IServiceCollection AddMonitoringImport(this IServiceCollection services) =>
        services.AddScoped<MonitoringImporter>().AddScoped<ImportReport>();
}
