using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Needs;

public enum NeedOrder { Supports, Newest }

public sealed record NeedQuery(NeedKind? Kind, NeedState? State, int? Theme, NeedOrder Order, int Page, int PageSize);

public sealed record NeedListPage(int Total, int Page, int PageSize, IReadOnlyList<Need> Items)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The needs everyone may read: those whose raiser's address is confirmed. One count and one page query.</summary>
public sealed class NeedCatalogue(YhdessaDb db, TimeProvider clock)
{
    /// <summary>
    /// Saves a member's new need, public at once, with her support as its first: raising a need is supporting it
    /// (so her own need is never offered to her for support again, and the count says how many want it, her included).
    /// She follows it from the start.
    /// </summary>
    public async Task<Need> RaiseAsync(Need need, IReadOnlyCollection<int> themeIds, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        need.State = NeedState.New;
        need.RaisedAt = need.UpdatedAt = now;
        need.ConfirmedAt = now;
        need.Themes = [.. themeIds.Select(id => new NeedThemeLink { ThemeId = id })];
        if (need.RaisedById is not null) need.SupportCount = 1;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Needs.Add(need);
        await db.SaveChangesAsync(cancellationToken);
        if (need.RaisedById is { } userId)
        {
            db.NeedSupports.Add(new NeedSupport { NeedId = need.Id, UserId = userId, SupportedAt = now });
            db.NeedFollowers.Add(NeedFollowers.New(need.Id, userId, now));
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
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
        var items = await ordered.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Include(n => n.Themes).ThenInclude(t => t.Theme).AsSplitQuery()
            .ToListAsync(cancellationToken);
        return new NeedListPage(total, query.Page, query.PageSize, items);
    }

    public Task<Need?> FindAsync(int id, CancellationToken cancellationToken) =>
        Public().Include(n => n.Themes).ThenInclude(t => t.Theme).AsSplitQuery().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
}
