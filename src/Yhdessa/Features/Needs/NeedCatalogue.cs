using System.Linq.Expressions;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Web;

namespace Yhdessa.Features.Needs;

public enum NeedOrder { Supports, Newest }

public sealed record NeedQuery(NeedKind? Kind, NeedState? State, int? Theme, NeedOrder Order, int Page, int PageSize);

public sealed record NeedListPage(int Total, int Page, int PageSize, IReadOnlyList<Need> Items)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The needs everyone may read: those whose raiser's address is confirmed. A list is one count, one page query
/// and one query for the page's themes.</summary>
public sealed class NeedCatalogue(YhdessaDb db, NeedSimilarity similarity, IOutputCacheStore cache, TimeProvider clock)
{
    /// <summary>
    /// Saves a member's new need, public at once, with her support as its first: raising a need is supporting it
    /// (so her own need is never offered to her for support again, and the count says how many want it, her included).
    /// She follows it from the start. Runs in the caller's transaction when there is one.
    /// </summary>
    public async Task<Need> RaiseAsync(Need need, IReadOnlyCollection<int> themeIds, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        need.State = NeedState.New;
        need.RaisedAt = need.UpdatedAt = now;
        need.ConfirmedAt = now;
        need.SearchTerms = similarity.TermsOf(need.Title, need.Description);
        need.Themes = [.. themeIds.Select(id => new NeedThemeLink { ThemeId = id })];
        if (need.RaisedById is not null) need.SupportCount = 1;
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        db.Needs.Add(need);
        await db.SaveChangesAsync(cancellationToken);
        if (need.RaisedById is { } userId)
        {
            db.NeedSupports.Add(new NeedSupport { NeedId = need.Id, UserId = userId, SupportedAt = now });
            db.NeedFollowers.Add(NeedFollowers.New(need.Id, userId, now));
            await db.SaveChangesAsync(cancellationToken);
        }
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        // The feed of needs is cached for visitors.
        await cache.EvictByTagAsync(PublicPages.Tag, cancellationToken);
        return need;
    }

    public IQueryable<Need> Public() => db.Needs.AsNoTracking().Where(n => n.ConfirmedAt != null);

    public async Task<NeedListPage> SearchAsync(NeedQuery query, CancellationToken cancellationToken)
    {
        var needs = Public().Where(n => n.State != NeedState.Merged);
        if (query.Kind is { } kind) needs = needs.Where(n => n.Kind == kind);
        if (query.State is { } state) needs = needs.Where(n => n.State == state);
        if (query.Theme is { } theme) needs = needs.Where(n => n.Themes.Any(t => t.ThemeId == theme));
        var total = await needs.CountAsync(cancellationToken);
        var ordered = query.Order == NeedOrder.Newest
            ? needs.OrderByDescending(n => n.RaisedAt).ThenByDescending(n => n.Id)
            : needs.OrderByDescending(n => n.SupportCount).ThenByDescending(n => n.RaisedAt).ThenByDescending(n => n.Id);
        var items = await ordered.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).Select(Listed).ToListAsync(cancellationToken);
        await AddThemesAsync(items, cancellationToken);
        return new NeedListPage(total, query.Page, query.PageSize, items);
    }

    /// <summary>What a list shows of a need: all but its description and search terms, which are long and would be read
    /// for nothing.</summary>
    private static readonly Expression<Func<Need, Need>> Listed = n => new Need
    {
        Id = n.Id, Kind = n.Kind, State = n.State, Title = n.Title, MunicipalityCode = n.MunicipalityCode, OrganisationId = n.OrganisationId,
        RaisedById = n.RaisedById, RaiserNameShown = n.RaiserNameShown, RaisedFromSector = n.RaisedFromSector, SupportCount = n.SupportCount,
        RaisedAt = n.RaisedAt, ConfirmedAt = n.ConfirmedAt, UpdatedAt = n.UpdatedAt, AnsweredAt = n.AnsweredAt, MergedIntoId = n.MergedIntoId,
        Revision = n.Revision,
    };

    /// <summary>The themes of the needs of one page, by their numbers (a split query would sort all needs again to find the page).</summary>
    private async Task AddThemesAsync(List<Need> needs, CancellationToken cancellationToken)
    {
        if (needs.Count == 0) return;
        var ids = needs.Select(n => n.Id).ToList();
        var links = (await db.NeedThemeLinks.AsNoTracking().Where(l => ids.Contains(l.NeedId)).Include(l => l.Theme)
            .ToListAsync(cancellationToken)).ToLookup(l => l.NeedId);
        foreach (var need in needs) need.Themes = [.. links[need.Id].OrderBy(l => l.ThemeId)];
    }

    /// <summary>The years in which needs were answered, newest first.</summary>
    public async Task<List<int>> AnsweredYearsAsync(CancellationToken cancellationToken)
    {
        // The answered dates are few beside the needs; their years are read in Helsinki time here, on either engine.
        var dates = await Public().Where(n => n.State == NeedState.Answered && n.AnsweredAt != null)
            .Select(n => n.AnsweredAt!.Value).ToListAsync(cancellationToken);
        return [.. dates.Select(d => Platform.Localization.HelsinkiTime.ToHelsinki(d).Year).Distinct().OrderDescending()];
    }

    /// <summary>The needs answered in <paramref name="year"/> (Helsinki time), optionally of one theme, latest first, a page at a time.</summary>
    public async Task<NeedListPage> AnsweredInAsync(int year, int? theme, int page, int pageSize, CancellationToken cancellationToken)
    {
        var (from, to) = (Platform.Localization.HelsinkiTime.StartOfYear(year), Platform.Localization.HelsinkiTime.StartOfYear(year + 1));
        var answered = Public().Where(n => n.State == NeedState.Answered && n.AnsweredAt >= from && n.AnsweredAt < to);
        if (theme is { } id) answered = answered.Where(n => n.Themes.Any(t => t.ThemeId == id));
        var total = await answered.CountAsync(cancellationToken);
        var items = await answered.OrderByDescending(n => n.AnsweredAt).ThenByDescending(n => n.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(Listed).ToListAsync(cancellationToken);
        return new NeedListPage(total, page, pageSize, items);
    }

    /// <summary>The needs answered last, latest first (the front page's "you said, we did").</summary>
    public Task<List<Need>> LatestAnsweredAsync(int count, CancellationToken cancellationToken) =>
        Public().Where(n => n.State == NeedState.Answered && n.AnsweredAt != null)
            .OrderByDescending(n => n.AnsweredAt).ThenByDescending(n => n.Id).Take(count).Select(Listed).ToListAsync(cancellationToken);

    /// <summary>The newest raised and answered needs, for the feed: a need answered lately comes by its answer.</summary>
    public Task<List<Need>> LatestAsync(int count, CancellationToken cancellationToken) =>
        Public().Where(n => n.State != NeedState.Merged).OrderByDescending(n => n.AnsweredAt ?? n.RaisedAt).Take(count).ToListAsync(cancellationToken);

    /// <summary>The raisers' names of those needs whose raiser chose to show hers (and whose account still exists).</summary>
    public async Task<Dictionary<int, string>> RaiserNamesAsync(IEnumerable<Need> shown, CancellationToken cancellationToken)
    {
        var raisers = shown.Where(n => n.RaiserNameShown && n.RaisedById is not null).ToDictionary(n => n.Id, n => n.RaisedById!);
        if (raisers.Count == 0) return [];
        var ids = raisers.Values.Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return raisers.Where(r => names.ContainsKey(r.Value)).ToDictionary(r => r.Key, r => names[r.Value]);
    }

    public Task<Need?> FindAsync(int id, CancellationToken cancellationToken) =>
        Public().Include(n => n.Themes).ThenInclude(t => t.Theme).AsSplitQuery().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
}
