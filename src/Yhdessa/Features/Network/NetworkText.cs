namespace Yhdessa.Features.Network;

/// <summary>Marker for the network directory's texts (NetworkText.fi/sv/en.resx).</summary>
public sealed class NetworkText;
