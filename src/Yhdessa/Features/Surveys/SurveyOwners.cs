using Microsoft.Extensions.Localization;

namespace Yhdessa.Features.Surveys;

/// <summary>One thing a survey can belong to (e.g. an event), named as people know it.</summary>
/// <param name="Key">"kind:id", e.g. "event:6"; what the new-survey form sends.</param>
public sealed record SurveyOwner(string Key, string Name, string? Link = null);

/// <summary>
/// A kind of thing that surveys belong to, given by the feature that owns such things: the survey engine stores only
/// the kind and the id, and asks the kind for names (the survey list) and choices (the new-survey form), so nobody
/// reads or types an internal code.
/// </summary>
public interface ISurveyOwnerKind
{
    /// <summary>The stored kind, e.g. "event".</summary>
    string Kind { get; }

    /// <summary>The kind's name in the reader's language, as a heading of its choices, e.g. "Tapahtumat".</summary>
    string Name { get; }

    /// <summary>What a new survey may belong to now, the most likely first (e.g. recent and coming events).</summary>
    Task<IReadOnlyList<SurveyOwner>> ChoicesAsync(CancellationToken cancellationToken);

    /// <summary>The names of the owners with these ids (those that no longer exist are left out).</summary>
    Task<IReadOnlyDictionary<string, SurveyOwner>> NamesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);
}

/// <summary>The network's own surveys, which belong to no event or other record (e.g. the annual network survey).</summary>
internal sealed class NetworkSurveys(IStringLocalizer<SurveyText> s) : ISurveyOwnerKind
{
    public const string Key = "network";
    public string Kind => Key;
    public string Name => s["OwnerNetwork"];

    public Task<IReadOnlyList<SurveyOwner>> ChoicesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SurveyOwner>>([new SurveyOwner(Key + ":", s["OwnerNetwork"])]);

    public Task<IReadOnlyDictionary<string, SurveyOwner>> NamesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, SurveyOwner>>(ids.ToDictionary(id => id, id => new SurveyOwner(Key + ":" + id, s["OwnerNetwork"])));
}

/// <summary>Names the owners of surveys through the registered <see cref="ISurveyOwnerKind"/>s.</summary>
public sealed class SurveyOwners(IEnumerable<ISurveyOwnerKind> kinds, IStringLocalizer<SurveyText> s)
{
    public IReadOnlyList<ISurveyOwnerKind> Kinds { get; } = [.. kinds];

    /// <summary>Each survey's owner by its (kind, id); an owner of no registered kind, or one that is gone, is "other".</summary>
    public async Task<Func<string, string, SurveyOwner>> NamesAsync(IEnumerable<(string Kind, string Id)> owners, CancellationToken cancellationToken)
    {
        var names = new Dictionary<(string, string), SurveyOwner>();
        foreach (var group in owners.Distinct().GroupBy(o => o.Kind))
            if (Kinds.FirstOrDefault(k => k.Kind == group.Key) is { } kind)
                foreach (var (id, owner) in await kind.NamesAsync([.. group.Select(o => o.Id)], cancellationToken))
                    names[(group.Key, id)] = owner;
        return (kind, id) => names.GetValueOrDefault((kind, id)) ?? new SurveyOwner($"{kind}:{id}", s["OwnerGone"]);
    }

    /// <summary>The owner a form chose ("kind:id"), when its kind is known and the record exists.</summary>
    public async Task<(string Kind, string Id)?> ChosenAsync(string? key, CancellationToken cancellationToken)
    {
        if (key?.Split(':', 2) is not [var kindKey, var id]) return null;
        if (Kinds.FirstOrDefault(k => k.Kind == kindKey) is not { } kind) return null;
        return (await kind.NamesAsync([id], cancellationToken)).ContainsKey(id) ? (kindKey, id) : null;
    }
}
