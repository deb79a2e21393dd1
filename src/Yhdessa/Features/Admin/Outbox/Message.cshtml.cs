using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Admin.Outbox;

/// <summary>One message in full. Messages hold personal data and sign-in links, so every reading is audited.</summary>
[Authorize(Policy = Policies.Coordinator)]
public class MessageModel(YhdessaDb db, AuditLog audit) : PageModel
{
    public OutgoingEmail Message { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var message = await db.Set<OutgoingEmail>().AsNoTracking().Include(m => m.Attachments).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null) return NotFound();
        Message = message;
        await audit.RecordNowAsync("outbox.read", $"email:{id}", cancellationToken: cancellationToken);
        return Page();
    }
}
