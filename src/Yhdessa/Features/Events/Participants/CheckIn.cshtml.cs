using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Events.Participants;

/// <summary><c>/events/{key}/check-in</c>: the door list on a phone. Search by name, one tap marks a confirmed participant
/// as arrived (a plain POST form, no script), and a mistaken tap can be undone.</summary>
[Authorize(Policy = Policies.Coordinator)]
public class CheckInModel(EventCatalogue catalogue, ParticipantList participants, IStringLocalizer<ParticipantsText> p) : PageModel
{
    public const int MaxSearch = 100;

    public Event Event { get; private set; } = null!;
    public IReadOnlyList<Participant> People { get; private set; } = [];
    public int ArrivedCount { get; private set; }
    public int ConfirmedCount { get; private set; }
    public bool HasStarted { get; private set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken) =>
        await LoadAsync(key, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostCheckInAsync(string key, int registrationId, CancellationToken cancellationToken) =>
        MarkAsync(key, registrationId, Attendance.Attended, cancellationToken);

    public Task<IActionResult> OnPostUndoAsync(string key, int registrationId, CancellationToken cancellationToken) =>
        MarkAsync(key, registrationId, Attendance.Unmarked, cancellationToken);

    private async Task<IActionResult> MarkAsync(string key, int registrationId, Attendance attendance, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(key, cancellationToken)) return NotFound();
        var outcome = await participants.MarkAsync(Event, registrationId, attendance, cancellationToken);
        if (outcome != MarkOutcome.Marked)
        {
            ModelState.AddModelError("", p["Mark_" + outcome]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var person = People.FirstOrDefault(x => x.Id == registrationId);
        TempData["Notice"] = (string)p[attendance == Attendance.Attended ? "CheckedIn" : "CheckInUndone", person?.Name ?? ""];
        // Back to the same search, at the top, so the next name can be typed at once.
        return Redirect($"/events/{Event.Slug}/check-in" + (string.IsNullOrEmpty(Query) ? "" : "?q=" + Uri.EscapeDataString(Query)));
    }

    private async Task<bool> LoadAsync(string key, CancellationToken cancellationToken)
    {
        if (await catalogue.FindAsync(Viewer.From(User), key, cancellationToken) is not { } found) return false;
        Event = found;
        HasStarted = participants.HasStarted(found);
        var confirmed = (await participants.ForEventAsync(found.Id, cancellationToken)).Confirmed;
        ConfirmedCount = confirmed.Count;
        ArrivedCount = confirmed.Count(x => x.Attendance == Attendance.Attended);
        // The field allows no more; a longer query from elsewhere is cut rather than refused, it only filters a list.
        if (Query?.Length > MaxSearch) Query = Query[..MaxSearch];
        var words = (Query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // Every word must be found in the name or the organisation: "virtanen helsinki" finds Anna Virtanen of Helsinki.
        People = [.. confirmed.Where(x => !x.Erased && words.All(w =>
                x.Name.Contains(w, StringComparison.CurrentCultureIgnoreCase) || (x.Organisation ?? "").Contains(w, StringComparison.CurrentCultureIgnoreCase)))
            .OrderBy(x => x.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fi-FI"), true))];
        return true;
    }
}
