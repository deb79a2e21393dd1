namespace Yhdessa.Platform.Identity;

/// <summary>
/// A feature that keeps personal data about a user implements this, so that "download my data" shows
/// all of it and "delete my account" erases it (or anonymises what others still need, such as a group's
/// history). Register implementations with <c>services.AddScoped&lt;IPersonalDataHolder, ...&gt;()</c>.
/// </summary>
public interface IPersonalDataHolder
{
    /// <summary>The name of the section in the downloaded JSON, e.g. "profile".</summary>
    string Section { get; }

    /// <summary>Everything this feature keeps about the user, as a JSON-serialisable object (null if nothing).</summary>
    Task<object?> ExportAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Erase the user's personal data; anonymise what others need. Called before the account is deleted,
    /// inside the same database transaction.</summary>
    Task EraseAsync(string userId, CancellationToken cancellationToken);
}
