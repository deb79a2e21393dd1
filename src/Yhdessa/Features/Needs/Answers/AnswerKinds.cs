using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Events;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Needs.Answers;

/// <summary>A public event answers a need: a training or a seminar held because of it.</summary>
internal sealed class EventAnswers(EventCatalogue events, IStringLocalizer<NeedsText> n) : INeedAnswerKind
{
    public const string Kind = "event";
    public string Key => Kind;
    public string Name => n["AnswerKind_event"];

    public async Task<Dictionary<int, AnswerTarget>> FindAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        (await events.VisibleTo(Viewer.Anonymous).Where(e => ids.Contains(e.Id)).ToListAsync(cancellationToken))
            .ToDictionary(e => e.Id, e => new AnswerTarget(e.Id, e.Title, $"/events/{e.Slug}", e.StartsAt));

    public async Task<List<AnswerTarget>> SearchAsync(string? words, int count, CancellationToken cancellationToken)
    {
        var found = events.VisibleTo(Viewer.Anonymous);
        if (words?.Trim().ToLowerInvariant() is { Length: > 0 } w)
            found = found.Where(e => e.TitleFi.ToLower().Contains(w) || (e.TitleSv ?? "").ToLower().Contains(w) || (e.TitleEn ?? "").ToLower().Contains(w));
        return [.. (await found.OrderByDescending(e => e.StartsAt).Take(count).ToListAsync(cancellationToken))
            .Select(e => new AnswerTarget(e.Id, e.Title, $"/events/{e.Slug}", e.StartsAt))];
    }
}

/// <summary>A published material of the bank answers a need: a guide, a model, a report.</summary>
internal sealed class MaterialAnswers(YhdessaDb db, IStringLocalizer<NeedsText> n) : INeedAnswerKind
{
    public const string Kind = "material";
    public string Key => Kind;
    public string Name => n["AnswerKind_material"];

    private IQueryable<Material> Published() => db.Materials.AsNoTracking().Where(m => m.Status == MaterialStatus.Published);

    public async Task<Dictionary<int, AnswerTarget>> FindAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        await Published().Where(m => ids.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => new AnswerTarget(m.Id, m.Title, "/materials/" + m.Slug, null), cancellationToken);

    public async Task<List<AnswerTarget>> SearchAsync(string? words, int count, CancellationToken cancellationToken)
    {
        var found = Published();
        if (words?.Trim().ToLowerInvariant() is { Length: > 0 } w) found = found.Where(m => m.Title.ToLower().Contains(w));
        return await found.OrderByDescending(m => m.PublishedAt).Take(count)
            .Select(m => new AnswerTarget(m.Id, m.Title, "/materials/" + m.Slug, null)).ToListAsync(cancellationToken);
    }
}

/// <summary>A group of the network answers a need: a thematic group set up to develop the matter.</summary>
internal sealed class GroupAnswers(YhdessaDb db, IStringLocalizer<NeedsText> n) : INeedAnswerKind
{
    public const string Kind = "group";
    public string Key => Kind;
    public string Name => n["AnswerKind_group"];

    public async Task<Dictionary<int, AnswerTarget>> FindAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        (await db.Groups.AsNoTracking().Where(g => ids.Contains(g.Id)).ToListAsync(cancellationToken))
            .ToDictionary(g => g.Id, g => new AnswerTarget(g.Id, g.Name, "/network/groups/" + g.Slug));

    public async Task<List<AnswerTarget>> SearchAsync(string? words, int count, CancellationToken cancellationToken)
    {
        var found = db.Groups.AsNoTracking();
        if (words?.Trim().ToLowerInvariant() is { Length: > 0 } w) found = found.Where(g => g.NameFi.ToLower().Contains(w));
        return [.. (await found.OrderBy(g => g.NameFi).Take(count).ToListAsync(cancellationToken))
            .Select(g => new AnswerTarget(g.Id, g.Name, "/network/groups/" + g.Slug))];
    }
}
