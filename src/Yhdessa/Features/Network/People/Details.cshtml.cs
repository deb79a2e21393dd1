using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Network.People;

/// <summary>A person's public profile. A profile that is not public does not exist for anyone but its owner.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPages.Policy)]
public class DetailsModel(YhdessaDb db) : PageModel
{
    public PersonProfile Profile { get; private set; } = null!;
    public string Name { get; private set; } = "";
    public bool IsOwn { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var found = await (
                from p in db.PersonProfiles.AsNoTracking().Include(p => p.Affiliations).ThenInclude(a => a.Organisation)
                where p.Id == id
                join u in db.Users on p.UserId equals u.Id
                select new { Profile = p, u.DisplayName })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null) return NotFound();
        IsOwn = found.Profile.UserId == User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!found.Profile.IsPublic && !IsOwn) return NotFound();
        Profile = found.Profile;
        Name = found.DisplayName;
        return Page();
    }
}
