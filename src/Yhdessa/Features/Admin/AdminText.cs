namespace Yhdessa.Features.Admin;

/// <summary>Texts of the coordinators' pages (AdminText.fi/sv/en.resx).</summary>
public sealed class AdminText;
