namespace Yhdessa.Features.Monitoring;

/// <summary>Marker for the monitoring core's texts (MonitoringText.{fi,sv,en}.resx): rule messages, codes, pages.</summary>
public sealed class MonitoringText;
