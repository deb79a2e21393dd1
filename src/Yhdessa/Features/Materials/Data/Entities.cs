using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Network.Data;

namespace Yhdessa.Features.Materials.Data;

public enum MaterialType
{
    Publication, ResearchSummary, TrainingMaterial, EvaluationTool, QualityRecommendation,
    StudyTripReport, PodcastEpisode, Video, ModelOrGuide, Other,
}

/// <summary>Draft: only its author and coordinators see it. Proposed: waits for a coordinator's review.
/// Published: public and searchable.</summary>
public enum MaterialStatus { Draft, Proposed, Published }

public class Material
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public MaterialType Type { get; set; }
    public MaterialStatus Status { get; set; }
    /// <summary>fi, sv or en: the language the material is written in (not the reader's).</summary>
    public string Language { get; set; } = "fi";
    /// <summary>Language versions of one material share this key.</summary>
    public Guid TranslationKey { get; set; } = Guid.NewGuid();
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    /// <summary>Markdown; rendered through <see cref="Yhdessa.Platform.Text.SafeMarkdown"/>, which sanitises it.</summary>
    public string Body { get; set; } = "";
    public List<string> Tags { get; set; } = [];
    public DateOnly PublicationDate { get; set; }
    public string Licence { get; set; } = "";
    /// <summary>Grows by one each time a published material is changed; earlier ones stay as <see cref="MaterialVersion"/>s.</summary>
    public int Version { get; set; } = 1;
    public string? CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>When the material was last sent for review: the coordinators' review list shows it.</summary>
    public DateTimeOffset? ProposedAt { get; set; }
    /// <summary>Why a coordinator returned the proposal to its author; shown to the author until she sends it again.</summary>
    public string ReviewNote { get; set; } = "";

    public List<MaterialThemeLink> Themes { get; set; } = [];
    public List<MaterialAuthor> Authors { get; set; } = [];
    public List<MaterialFile> Files { get; set; } = [];
    public List<MaterialLink> Links { get; set; } = [];
    public List<MaterialEventLink> Events { get; set; } = [];
    public List<MaterialVersion> Versions { get; set; } = [];
    /// <summary>A podcast episode's number, length, transcript and show notes; null for other materials (and for an
    /// episode whose form has not been saved since it became one).</summary>
    public PodcastEpisode? Episode { get; set; }

    /// <summary>The files of the material as it is now; the others were removed and stay with earlier versions.</summary>
    public IEnumerable<MaterialFile> CurrentFiles => Files.Where(f => f.RemovedAt is null);

    /// <summary>The recording a podcast episode plays and its feed offers; the episode's other files are attachments.</summary>
    public MaterialFile? EpisodeAudio => Type == MaterialType.PodcastEpisode ? CurrentFiles.FirstOrDefault(f => f.IsEpisodeAudio) : null;

    /// <summary>The files the material had when <paramref name="version"/> was replaced.</summary>
    public IEnumerable<MaterialFile> FilesOf(MaterialVersion version) =>
        Files.Where(f => f.AddedAt <= version.ReplacedAt && (f.RemovedAt is null || f.RemovedAt >= version.ReplacedAt));
}

/// <summary>Materials share the event themes: one managed list of the network's themes.</summary>
public class MaterialThemeLink
{
    public int MaterialId { get; set; }
    public int ThemeId { get; set; }
    public EventTheme? Theme { get; set; }
}

/// <summary>An author: an organisation of the network, a person's network profile, or a name as written.</summary>
public class MaterialAuthor
{
    public int Id { get; set; }
    public int MaterialId { get; set; }
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public int? ProfileId { get; set; }
    public string Name { get; set; } = "";
    public int Position { get; set; }
}

public class MaterialFile
{
    public int Id { get; set; }
    public int MaterialId { get; set; }
    /// <summary>The name shown and offered on download, cleaned of paths and odd characters.</summary>
    public string FileName { get; set; } = "";
    /// <summary>The name in the file store, chosen by the server.</summary>
    public string StoredName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    /// <summary>The file's text for the search index (PDF and Office files), cut at <see cref="MaterialLimits.FileText"/>.</summary>
    public string Text { get; set; } = "";
    public DateTimeOffset AddedAt { get; set; }
    /// <summary>When the file was taken off a material that had been published: it is kept, with the earlier version
    /// that had it, so an update never makes an earlier edition disappear. Null while the file is current.</summary>
    public DateTimeOffset? RemovedAt { get; set; }
    /// <summary>The recording of a podcast episode (MP3 or M4A), uploaded as such: the episode page plays it and the podcast
    /// feed offers it. At most one current file of a material is the recording; a new one replaces it.</summary>
    public bool IsEpisodeAudio { get; set; }
}

/// <summary>What a podcast episode has besides a material's own text: its place in the series, its length, what is
/// said in it (the transcript, for those who do not listen and for the search) and the show notes.</summary>
public class PodcastEpisode
{
    public int MaterialId { get; set; }
    public int Number { get; set; }
    /// <summary>Null for a podcast that is not divided into seasons.</summary>
    public int? Season { get; set; }
    public int DurationSeconds { get; set; }
    /// <summary>Plain text, paragraphs separated by an empty line.</summary>
    public string Transcript { get; set; } = "";
    /// <summary>Markdown; rendered through <see cref="Yhdessa.Platform.Text.SafeMarkdown"/>.</summary>
    public string ShowNotes { get; set; } = "";
    /// <summary>Podcast apps warn of, or hide from children, an episode marked explicit.</summary>
    public bool Explicit { get; set; }
}

public class MaterialLink
{
    public int Id { get; set; }
    public int MaterialId { get; set; }
    public string Title { get; set; } = "";
    public string Url { get; set; } = "";
    public int Position { get; set; }
}

public class MaterialEventLink
{
    public int MaterialId { get; set; }
    public int EventId { get; set; }
    public Event? Event { get; set; }
}

/// <summary>An earlier published version, kept as it was when a newer one replaced it.</summary>
public class MaterialVersion
{
    public int Id { get; set; }
    public int MaterialId { get; set; }
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Body { get; set; } = "";
    public DateOnly PublicationDate { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public DateTimeOffset ReplacedAt { get; set; }
}
