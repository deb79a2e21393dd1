namespace Yhdessa.Features.Account;

/// <summary>Marker for the texts of the account pages and email (AccountText.fi/sv/en.resx).</summary>
public sealed class AccountText;
