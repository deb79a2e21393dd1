using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Events.Registration;

/// <summary><c>/events/{key}/approvals</c>: registrations awaiting a coordinator's approval, in arrival order, with
/// their answers. Approving confirms the seat (or queues the person when full); declining tells them. Both are audited.</summary>
[Authorize(Policy = Policies.Coordinator)]
public class ApprovalsModel(YhdessaDb db, EventCatalogue catalogue, Registrations registrations,
    IStringLocalizer<RegistrationText> r) : PageModel
{
    public Event Event { get; private set; } = null!;
    public List<EventRegistration> Awaiting { get; private set; } = [];
    public Dictionary<int, EventQuestion> Questions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        if (await catalogue.FindAsync(Viewer.From(User), key, cancellationToken) is not { } found) return NotFound();
        Event = found;
        Awaiting = await db.EventRegistrations.AsNoTracking().Include(x => x.Answers)
            .Where(x => x.EventId == found.Id && x.Status == RegistrationStatus.AwaitingApproval)
            .OrderBy(x => x.Id).ToListAsync(cancellationToken);
        Questions = (await registrations.QuestionsAsync(found.Id, cancellationToken)).ToDictionary(q => q.Id);
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(string key, int registrationId, CancellationToken cancellationToken) =>
        DecideAsync(key, registrationId, approve: true, cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(string key, int registrationId, CancellationToken cancellationToken) =>
        DecideAsync(key, registrationId, approve: false, cancellationToken);

    private async Task<IActionResult> DecideAsync(string key, int registrationId, bool approve, CancellationToken cancellationToken)
    {
        if (await catalogue.FindAsync(Viewer.From(User), key, cancellationToken) is not { } found) return NotFound();
        // Only a registration of this event: the id in the form is not trusted to belong to it.
        if (!await db.EventRegistrations.AnyAsync(x => x.Id == registrationId && x.EventId == found.Id, cancellationToken)) return NotFound();
        var outcome = await registrations.DecideAsync(registrationId, approve, cancellationToken);
        TempData["Notice"] = (string)r[outcome != LinkOutcome.Done ? "AlreadyDecided" : approve ? "Approved" : "Declined"];
        return Redirect($"/events/{found.Slug}/approvals");
    }
}
