namespace Yhdessa.Features.Events;

/// <summary>A published material of the material bank related to an event, as the event's pages list it.</summary>
public sealed record RelatedMaterial(string Title, string Language, string Url, IReadOnlyList<RelatedMaterialFile> Files);

public sealed record RelatedMaterialFile(string FileName, string ContentType, long Size, string Url);

/// <summary>
/// The material bank's published materials related to an event. The material bank relates its materials to events
/// and provides this service, so Events lists them without knowing the bank's tables or types.
/// </summary>
public interface IRelatedMaterials
{
    /// <summary>Published materials related to the event, newest first; drafts and proposals are not shown.</summary>
    Task<List<RelatedMaterial>> PublishedForEventAsync(int eventId, CancellationToken cancellationToken);
}
