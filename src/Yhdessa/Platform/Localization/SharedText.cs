namespace Yhdessa.Platform.Localization;

/// <summary>Texts of the page frame and of messages every feature uses. Inject
/// <c>IStringLocalizer&lt;SharedText&gt;</c>; the translations are SharedText.fi/sv/en.resx beside this file.</summary>
public sealed class SharedText;
