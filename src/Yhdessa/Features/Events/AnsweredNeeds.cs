namespace Yhdessa.Features.Events;

/// <summary>A need of the field that an event, a material or another record answers, as that record's page lists it.</summary>
public sealed record AnsweredNeed(string Title, string Url);

/// <summary>
/// The needs a record answers. The needs feature links needs to what answered them and provides this service, so an
/// event's page (and the material bank's, which uses Events) lists them without knowing the needs' tables or types.
/// </summary>
public interface IAnsweredNeeds
{
    /// <summary>The public needs that the record of <paramref name="kind"/> ("event", "material") answers.</summary>
    Task<List<AnsweredNeed>> AnsweredByAsync(string kind, int id, CancellationToken cancellationToken);
}
