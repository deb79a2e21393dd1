using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Web;

namespace Yhdessa.Features.Admin.Outbox;

/// <summary>The outbox: every message the platform has sent or will send. Without an SMTP server this is
/// where mail stays, so coordinators can read it (e.g. a confirmation link on a demo install).</summary>
[Authorize(Policy = Policies.Coordinator)]
public class IndexModel(YhdessaDb db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    public int PageNumber { get; private set; }

    public IReadOnlyList<OutgoingEmail> Messages { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.Set<OutgoingEmail>().AsNoTracking();
        query = Status switch
        {
            "waiting" => query.Where(m => m.SentAt == null && m.LastError == null),
            "failing" => query.Where(m => m.SentAt == null && m.LastError != null),
            "sent" => query.Where(m => m.SentAt != null),
            _ => query,
        };
        if (Status is not ("waiting" or "failing" or "sent")) Status = null;
        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(Pager.Requested(Request), 1, PageCount);
        Messages = await query.OrderByDescending(m => m.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
    }

}
