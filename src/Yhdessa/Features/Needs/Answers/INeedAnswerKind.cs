namespace Yhdessa.Features.Needs;

/// <summary>A record that can answer a need, as the need's page shows it and a triager finds it.</summary>
public sealed record AnswerTarget(int Id, string Title, string Url, DateTimeOffset? When = null);

/// <summary>
/// A kind of record that answers needs: events, event series, materials, groups, and whatever a later feature adds
/// (news, workspaces) by registering its own kind with <see cref="NeedsSetup.AddNeedAnswerKind{T}"/>. The needs feature
/// stores only the kind's <see cref="Key"/> and the record's id, and asks the kind for the rest.
/// </summary>
public interface INeedAnswerKind
{
    /// <summary>Stored with each link; never changed once released.</summary>
    string Key { get; }

    /// <summary>The kind's name in the reader's language, e.g. "Tapahtuma".</summary>
    string Name { get; }

    /// <summary>The public records among <paramref name="ids"/>; one that is not (any longer) public is left out.</summary>
    Task<Dictionary<int, AnswerTarget>> FindAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken);

    /// <summary>Public records whose name matches <paramref name="words"/> (all, newest first, without words).</summary>
    Task<List<AnswerTarget>> SearchAsync(string? words, int count, CancellationToken cancellationToken);
}
