using Microsoft.EntityFrameworkCore;

namespace Yhdessa.Platform.Data;

/// <summary>Organisations, groups and the like are addressed by id ("12") or by a unique slug made of the Finnish name.</summary>
public interface IHasSlug
{
    int Id { get; }
    string Slug { get; }
}

/// <summary>Finding and saving what is addressed by a slug.</summary>
public static class SlugKeys
{
    /// <summary>By id ("12") or by slug ("y-saatio"); <see cref="Text.Slugs.FromName"/> never makes a slug of digits only.</summary>
    public static Task<T?> FindByKeyAsync<T>(this IQueryable<T> set, string key, CancellationToken cancellationToken)
        where T : class, IHasSlug =>
        int.TryParse(key, out var id)
            ? set.FirstOrDefaultAsync(x => x.Id == id, cancellationToken)
            : set.FirstOrDefaultAsync(x => x.Slug == key, cancellationToken);

    /// <summary>
    /// Saves a new or edited organisation or group. A new one whose slug (made of its name) is taken is not saved
    /// and the answer is false: the same organisation or group is there already, most often because the form was sent
    /// twice, its twin saving first or at the same moment (then the unique index on the slug refuses the second).
    /// The refused entity stays unsaved in this request's context, which the caller does not save again.
    /// </summary>
    public static async Task<bool> SaveUnlessSlugTakenAsync<T>(this YhdessaDb db, T entity, bool isNew,
        CancellationToken cancellationToken) where T : class, IHasSlug
    {
        var slug = entity.Slug;
        if (isNew && await db.Set<T>().AnyAsync(x => x.Slug == slug, cancellationToken)) return false;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (isNew && DatabaseErrors.IsUniqueViolation(e))
        {
            return false;
        }
    }

}
