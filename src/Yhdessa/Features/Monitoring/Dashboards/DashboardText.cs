namespace Yhdessa.Features.Monitoring.Dashboards;

/// <summary>Marker for the texts of the monitoring dashboards (DashboardText.*.resx).</summary>
public sealed class DashboardText;
