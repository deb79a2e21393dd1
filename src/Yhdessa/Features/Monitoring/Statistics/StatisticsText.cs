namespace Yhdessa.Features.Monitoring.Statistics;

/// <summary>Marker for the texts of the open statistics (StatisticsText.*.resx).</summary>
public sealed class StatisticsText;
