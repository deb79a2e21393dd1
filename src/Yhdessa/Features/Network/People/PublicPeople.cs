using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Network.People;

/// <summary>A person with a public network profile, as other features may show her: her name and profile page.</summary>
public sealed record PublicPerson(int ProfileId, string Name)
{
    public string Url => "/network/people/" + ProfileId;
}

/// <summary>
/// The people other features may name and link to (e.g. as a material's authors): only those whose profile is public,
/// so a profile made private disappears from every such list and link at once.
/// </summary>
public sealed class PublicPeople(YhdessaDb db)
{
    public const int MaxQueryLength = 100;

    /// <summary>Public people whose name contains the text (case-insensitively), by name.</summary>
    public async Task<List<PublicPerson>> SearchAsync(string? text, int max, CancellationToken cancellationToken)
    {
        var people = Public();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = Search.Normalise(text.Length > MaxQueryLength ? text[..MaxQueryLength] : text);
            people = people.Where(p => p.Name.ToLower().Contains(pattern));
        }
        return await people.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(max)
            .Select(p => new PublicPerson(p.Id, p.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>The public ones among the given profiles; a private or removed profile is left out.</summary>
    public async Task<Dictionary<int, PublicPerson>> FindAsync(IEnumerable<int> profileIds, CancellationToken cancellationToken)
    {
        var ids = profileIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        return await Public().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new PublicPerson(p.Id, p.Name), cancellationToken);
    }

    private IQueryable<Row> Public() =>
        from p in db.PersonProfiles.AsNoTracking()
        where p.IsPublic
        join u in db.Users on p.UserId equals u.Id
        select new Row { Id = p.Id, Name = u.DisplayName };

    /// <summary>A plain row, so that filters on the name translate to SQL.</summary>
    private sealed class Row
    {
        public int Id { get; init; }
        public string Name { get; init; } = "";
    }
}
