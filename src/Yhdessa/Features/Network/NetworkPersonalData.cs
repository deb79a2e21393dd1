using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Network;

/// <summary>The person's network profile, affiliations and group memberships, for "download my data" and erasure.</summary>
public sealed class NetworkPersonalData(YhdessaDb db) : IPersonalDataHolder
{
    public string Section => "network";

    public async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var profile = await db.PersonProfiles.AsNoTracking()
            .Include(p => p.Affiliations).ThenInclude(a => a.Organisation)
            .FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var memberships = await (
                from m in db.GroupMemberships
                where m.UserId == userId
                join g in db.Groups on m.GroupId equals g.Id
                select new { Group = g.NameFi, Status = m.Status.ToString(), m.IsGroupAdmin, m.Since })
            .ToListAsync(cancellationToken);
        if (profile is null && memberships.Count == 0) return null;
        return new
        {
            Profile = profile is null ? null : new
            {
                profile.IsPublic,
                profile.IsExpertByExperience,
                profile.Expertise,
                profile.About,
                profile.UpdatedAt,
                Affiliations = profile.Affiliations.Select(a => new { Organisation = a.Organisation?.NameFi, a.Title }),
            },
            GroupMemberships = memberships,
        };
    }

    /// <summary>Removes the profile (with its affiliations) and the person's membership rows: groups keep
    /// no trace of who the person was, and their member counts simply no longer include them.</summary>
    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        var memberships = await db.GroupMemberships.Where(m => m.UserId == userId).ToListAsync(cancellationToken);
        db.GroupMemberships.RemoveRange(memberships);
        var profile = await db.PersonProfiles.Include(p => p.Affiliations).FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (profile is not null) db.PersonProfiles.Remove(profile);
        await db.SaveChangesAsync(cancellationToken);
    }
}
