using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Feedback;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Features.Surveys.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Events.Participants;

/// <summary><c>/events/{key}/participants</c>: the coordinator's lists (confirmed, awaiting approval, waiting, cancelled)
/// with counts, organisations, needs and answers to the custom questions; choice counts; attendance after the event; the exports; the event's feedback survey.</summary>
[Authorize(Policy = Policies.Coordinator)]
public class IndexModel(EventCatalogue catalogue, ParticipantList participants, EventFeedback feedback, AuditLog audit,
    IStringLocalizer<ParticipantsText> p) : PageModel
{
    public Event Event { get; private set; } = null!;
    public ParticipantLists Lists { get; private set; } = null!;
    public bool HasStarted { get; private set; }
    public bool HasEnded { get; private set; }
    public Survey? FeedbackSurvey { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken) =>
        await LoadAsync(key, cancellationToken) ? Page() : NotFound();

    /// <summary>The list as CSV or XLSX (<c>?format=</c>); audited with who exported which event and how many rows.</summary>
    public async Task<IActionResult> OnGetExportAsync(string key, string? format, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(key, cancellationToken)) return NotFound();
        if (format is not ("csv" or "xlsx"))
        {
            ModelState.AddModelError("", p["BadFormat"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var header = ParticipantExport.Header(Lists, p);
        var rows = ParticipantExport.Rows(Lists, p);
        await audit.RecordNowAsync("events.participants.exported", "event:" + Event.Slug, $"{format}, {rows.Count} rows",
            cancellationToken: cancellationToken);
        var name = $"{Event.Slug}-participants.{format}";
        return format == "csv"
            ? File(SafeSpreadsheet.Csv(header, rows), "text/csv; charset=utf-8", name)
            : File(SafeSpreadsheet.Xlsx(p["SheetName"], header, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    public async Task<IActionResult> OnPostAttendanceAsync(string key, int registrationId, string? attendance, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(key, cancellationToken)) return NotFound();
        if (!Enum.TryParse<Attendance>(attendance, out var marked) || !Enum.IsDefined(marked) || int.TryParse(attendance, out _))
            return Refused(p["BadAttendance"]);
        var outcome = await participants.MarkAsync(Event, registrationId, marked, cancellationToken);
        if (outcome != MarkOutcome.Marked) return Refused(p["Mark_" + outcome]);
        TempData["Notice"] = (string)p["Marked"];
        return Redirect($"/events/{Event.Slug}/participants#attendance");
    }

    public async Task<IActionResult> OnPostRestNoShowAsync(string key, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(key, cancellationToken)) return NotFound();
        if (await participants.MarkRestNoShowAsync(Event, cancellationToken) is not { } count) return Refused(p["RestNoShowTooEarly"]);
        TempData["Notice"] = (string)p["RestNoShowDone", count];
        return Redirect($"/events/{Event.Slug}/participants#attendance");
    }

    /// <summary>Creates the event's feedback survey from the default template, for the coordinator to edit before it is sent.</summary>
    public async Task<IActionResult> OnPostPrepareFeedbackAsync(string key, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(key, cancellationToken)) return NotFound();
        var survey = await feedback.EnsureSurveyAsync(Event, cancellationToken);
        return Redirect($"/surveys/{survey.Id}");
    }

    private IActionResult Refused(string message)
    {
        ModelState.AddModelError("", message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(string key, CancellationToken cancellationToken)
    {
        if (await catalogue.FindAsync(Viewer.From(User), key, cancellationToken) is not { } found) return false;
        Event = found;
        Lists = await participants.ForEventAsync(found.Id, cancellationToken);
        HasStarted = participants.HasStarted(found);
        HasEnded = participants.HasEnded(found);
        FeedbackSurvey = await feedback.FindSurveyAsync(found.Id, cancellationToken);
        return true;
    }
}
