namespace Yhdessa.Features.Monitoring.Import;

/// <summary>Marker for the import's texts (ImportText.fi/sv/en.resx).</summary>
public sealed class ImportText;
