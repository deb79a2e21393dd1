using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Features.Materials.Search;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Materials;

/// <summary>Reading materials with their parts, who may see and change them, and keeping the search index in step.</summary>
public sealed class MaterialCatalogue(YhdessaDb db, MaterialIndex index, IOutputCacheStore cache, TimeProvider clock,
    ILogger<MaterialCatalogue> logger) : IMaterialSource
{
    public IQueryable<Material> WithParts() => db.Materials
        .Include(m => m.Themes).ThenInclude(t => t.Theme)
        .Include(m => m.Authors).ThenInclude(a => a.Organisation)
        .Include(m => m.Files)
        .Include(m => m.Links)
        .Include(m => m.Events).ThenInclude(e => e.Event)
        .Include(m => m.Versions)
        .Include(m => m.Episode)
        .AsSplitQuery();

    public Task<Material?> FindAsync(string slug, CancellationToken cancellationToken) =>
        WithParts().FirstOrDefaultAsync(m => m.Slug == slug, cancellationToken);

    public static bool IsCoordinator(ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator);

    private static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>Published materials are public; a draft or proposal only to its author and to coordinators.</summary>
    public static bool MaySee(ClaimsPrincipal user, Material material) =>
        material.Status == MaterialStatus.Published || MayEdit(user, material);

    /// <summary>Coordinators edit everything; a member edits her own material until it is published.</summary>
    public static bool MayEdit(ClaimsPrincipal user, Material material) =>
        IsCoordinator(user) || (material.Status != MaterialStatus.Published && material.CreatedById is not null && material.CreatedById == UserId(user));

    /// <summary>The other language versions of a material that the viewer may see.</summary>
    public async Task<List<Material>> TranslationsAsync(ClaimsPrincipal user, Material material, CancellationToken cancellationToken)
    {
        var others = await db.Materials.Where(m => m.TranslationKey == material.TranslationKey && m.Id != material.Id)
            .OrderBy(m => m.Language).ToListAsync(cancellationToken);
        return others.Where(m => MaySee(user, m)).ToList();
    }

    /// <summary>A slug made of the title ("Asunto ensin -malli" → "asunto-ensin-malli"), numbered when taken.</summary>
    public async Task<string> NewSlugAsync(string title, CancellationToken cancellationToken)
    {
        var slug = new StringBuilder();
        foreach (var c in title.ToLowerInvariant().Replace('ä', 'a').Replace('ö', 'o').Replace('å', 'a').Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(c);
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-') slug.Append('-');
            if (slug.Length >= 80) break;
        }
        var stem = slug.ToString().Trim('-');
        // Numbers and the names of the bank's own pages would not reach the material.
        if (stem.Length == 0 || int.TryParse(stem, out _)) stem = "aineisto";
        if (stem is "new" or "drafts" or "feed" or "files") stem += "-aineisto";
        var candidate = stem;
        for (var n = 2; await db.Materials.AnyAsync(m => m.Slug == candidate, cancellationToken); n++) candidate = $"{stem}-{n}";
        return candidate;
    }

    /// <summary>Keeps the published content as a version before a change replaces it.</summary>
    public void KeepVersion(Material material)
    {
        if (material.Status != MaterialStatus.Published || material.PublishedAt is not { } publishedAt) return;
        // One instant for both: a file removed in this change carries it, and the version's files are told by it.
        var now = clock.GetUtcNow();
        material.Versions.Add(new MaterialVersion
        {
            Number = material.Version, Title = material.Title, Summary = material.Summary, Body = material.Body,
            PublicationDate = material.PublicationDate, PublishedAt = publishedAt, ReplacedAt = now,
        });
        material.Version++;
        material.PublishedAt = now;
    }

    /// <summary>Puts a saved material into the index (or takes it out when it is not published) and clears cached public pages.</summary>
    /// <remarks>The database save has already happened, so a failed index update does not fail the request: the
    /// index check (<see cref="MaterialIndex.CheckAsync"/>) is asked to run at once and indexes the material again.</remarks>
    public async Task SyncAsync(Material material, CancellationToken cancellationToken)
    {
        try
        {
            if (material.Status == MaterialStatus.Published) await index.PutAsync(ToDocument(material), cancellationToken);
            else await index.RemoveAsync(material.Id, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Updating the search index for material {MaterialId} failed; the index check will bring it up to date", material.Id);
            index.RequestCheck();
        }
        await cache.EvictByTagAsync(PublicPages.Tag, cancellationToken);
    }

    public static MaterialDocument ToDocument(Material m) => new(
        m.Id, m.Slug, m.Language, m.Type.ToString(), m.Title, m.Summary, BodyText(m),
        string.Join("\n", m.CurrentFiles.Select(f => f.FileName + "\n" + f.Text)), m.Tags,
        string.Join(", ", m.Authors.Select(a => a.Organisation?.NameFi ?? a.Name).Where(name => name.Length > 0)), m.PublicationDate,
        m.Themes.Select(t => t.ThemeId).ToList(), m.Authors.Where(a => a.OrganisationId is not null).Select(a => a.OrganisationId!.Value).ToList(),
        MaterialDocument.VersionOf(m.UpdatedAt));

    /// <summary>The text searched as the material's own: a podcast episode's show notes and transcript are searched as
    /// its body is, in the language of the material.</summary>
    private static string BodyText(Material m) => m is { Type: MaterialType.PodcastEpisode, Episode: { } episode }
        ? string.Join("\n", SafeMarkdown.ToPlainText(m.Body), SafeMarkdown.ToPlainText(episode.ShowNotes), episode.Transcript)
        : SafeMarkdown.ToPlainText(m.Body);

    public async IAsyncEnumerable<MaterialDocument> PublishedAsync(IReadOnlyCollection<int>? ids,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var published = db.Materials.AsNoTracking()
            .Include(m => m.Themes).Include(m => m.Authors).ThenInclude(a => a.Organisation).Include(m => m.Files).Include(m => m.Episode)
            .Where(m => m.Status == MaterialStatus.Published).AsSplitQuery();
        // In batches, so a rebuild of tens of thousands of materials does not hold them all in memory.
        if (ids is not null)
        {
            foreach (var chunk in ids.Chunk(500))
            {
                foreach (var material in await published.Where(m => chunk.Contains(m.Id)).ToListAsync(cancellationToken)) yield return ToDocument(material);
            }
            yield break;
        }
        var lastId = 0;
        while (true)
        {
            var batch = await published.Where(m => m.Id > lastId).OrderBy(m => m.Id).Take(500).ToListAsync(cancellationToken);
            if (batch.Count == 0) yield break;
            foreach (var material in batch) yield return ToDocument(material);
            lastId = batch[^1].Id;
        }
    }

    public async Task<Dictionary<int, long>> PublishedVersionsAsync(CancellationToken cancellationToken) =>
        (await db.Materials.AsNoTracking().Where(m => m.Status == MaterialStatus.Published)
            .Select(m => new { m.Id, m.UpdatedAt }).ToListAsync(cancellationToken))
        .ToDictionary(m => m.Id, m => MaterialDocument.VersionOf(m.UpdatedAt));
}
