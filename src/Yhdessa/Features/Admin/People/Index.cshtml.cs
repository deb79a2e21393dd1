using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Admin.People;

/// <summary>The coordinators' list of accounts: search by name or address, a page at a time.</summary>
[Authorize(Policy = Policies.Coordinator)]
public class IndexModel(YhdessaDb db) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(string Id, string DisplayName, string Email, bool Confirmed, bool Disabled, List<string> Roles);

    public string? Q { get; private set; }
    public int PageNumber { get; private set; }
    public int PageCount { get; private set; }
    public int Total { get; private set; }
    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(string? q, CancellationToken cancellationToken = default)
    {
        Q = q?.Trim();
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrEmpty(Q))
        {
            var text = Q.Normalize(System.Text.NormalizationForm.FormC);
            var upper = text.ToUpperInvariant();
            // Names are compared in lower case: SQLite's lower() changes only A–Z, which leaves "ä" as typed in the
            // name and in the lower-cased query alike, so "VÄÄNÄNEN" and "väänänen" both find "Väänänen".
            var lower = text.ToLowerInvariant();
            users = users.Where(u => u.NormalizedEmail!.Contains(upper) || u.DisplayName.ToLower().Contains(lower));
        }
        Total = await users.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(Yhdessa.Platform.Web.Pager.Requested(Request), 1, PageCount);
        var found = await users.OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.EmailConfirmed, u.IsDisabled })
            .ToListAsync(cancellationToken);
        var ids = found.Select(u => u.Id).ToList();
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           where ids.Contains(userRole.UserId)
                           select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken);
        Rows = found.Select(u => new Row(u.Id, u.DisplayName, u.Email ?? "", u.EmailConfirmed, u.IsDisabled,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList())).ToList();
    }
}
