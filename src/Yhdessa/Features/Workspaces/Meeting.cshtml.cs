using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Materials.Files;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Workspaces;

/// <summary>
/// <c>/workspaces/{slug}/meetings/{id}</c>: a meeting, its invitation and calendar file, and its memo — attendance, notes
/// per agenda item, decisions and actions — until a lead approves it; then the memo is read-only and has a PDF.
/// A form refused (stale, approved meanwhile, bad input) comes back with what was typed, so nothing is lost.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public partial class MeetingModel(WorkspaceAccess access, WorkspaceMeetings meetings, WorkspacePeople people, WorkspaceGroups groups, WorkspaceMail mail,
    WorkspaceCalendar calendar, TimeProvider clock, IStringLocalizer<WorkspacesText> w) : WorkspacePage(access), IMeetingForm, IActionForm
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public MeetingInput Input { get; set; } = new();
    /// <summary>The memo form: notes by agenda item id (read from the fields <c>Notes[id]</c>), who attended, new agenda
    /// items (one per line).</summary>
    public Dictionary<int, string?> Notes { get; private set; } = [];
    [BindProperty, ValidateNever] public List<string> Attended { get; set; } = [];
    [BindProperty] public string? NewItems { get; set; }
    [BindProperty] public int MemoRevision { get; set; }
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public int? DecisionItem { get; set; }
    [BindProperty] public string? ActionText { get; set; }
    [BindProperty] public string? ActionOwner { get; set; }
    [BindProperty] public DateOnly? ActionDue { get; set; }

    public WorkspaceMeeting Meeting { get; private set; } = null!;
    public List<ParticipantRow> Participants { get; private set; } = [];
    public List<ActionRow> Actions { get; private set; } = [];
    public List<WorkspaceMeeting> LaterMeetings { get; private set; } = [];
    public string? ApprovedAtTitle { get; private set; }
    /// <summary>The group whose meeting it is, if any.</summary>
    public string? GroupName { get; private set; }
    public bool IsApproved => Meeting.MemoApprovedAt is not null;
    public bool CanWriteMemo => Viewer.CanContribute && !IsApproved;
    public bool HasBegun { get; private set; }
    public string ActionPostUrl => $"/workspaces/{Workspace.Slug}/meetings/{Meeting.Id}?handler=Action";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnGetIcsAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        return File(Encoding.UTF8.GetBytes(calendar.Meeting(Workspace, Meeting)), WorkspaceCalendar.ContentType, $"meeting-{Meeting.Id}.ics");
    }

    /// <summary>The memo as a PDF: for the archive and the funder, once approved (a draft says so on its first line).</summary>
    public async Task<IActionResult> OnGetPdfAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        return File(SimplePdf.Create($"{Meeting.Title} – {Workspace.Name}", MemoText()), "application/pdf", $"memo-{Meeting.Id}.pdf");
    }

    public async Task<IActionResult> OnPostEditAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        if (Input.Check(ModelState, w, "Input.") is not { } times) return Refused();
        var (outcome, _) = await meetings.SaveAsync(Viewer, Meeting.Id, Input.Revision, Input.Title!.Trim(), times.Starts, times.Ends,
            TextInput.TrimToNull(Input.Place), TextInput.TrimToNull(Input.OnlineLink), [], cancellationToken);
        return await AfterAsync(outcome, "MeetingSaved", cancellationToken);
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        if (!Viewer.CanContribute) return Forbid();
        var count = await mail.InviteAsync(Workspace, Meeting, cancellationToken);
        TempData["Notice"] = w.Count("InvitationsSent", count).Value;
        return Back();
    }

    public async Task<IActionResult> OnPostMemoAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        Notes = Request.Form.Keys.Select(key => (Key: key, Match: NoteField().Match(key))).Where(f => f.Match.Success)
            .ToDictionary(f => int.Parse(f.Match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), f => (string?)Request.Form[f.Key].ToString());
        var items = (NewItems ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (items.Any(i => i.Length > WorkspaceLimits.Title)) ModelState.AddModelError(nameof(NewItems), w["AgendaItemTooLong", WorkspaceLimits.Title]);
        if (Meeting.Agenda.Count + items.Count > WorkspaceLimits.AgendaItems) ModelState.AddModelError(nameof(NewItems), w["TooManyAgendaItems", WorkspaceLimits.AgendaItems]);
        foreach (var (item, note) in Notes)
            if (note?.Length > WorkspaceLimits.Notes) ModelState.AddModelError($"Notes[{item}]", w["TooLong", w["Notes"], WorkspaceLimits.Notes]);
        if (!ModelState.IsValid) return Refused();
        var outcome = await meetings.SaveMemoAsync(Viewer, Meeting.Id, MemoRevision, Notes, Attended, items, cancellationToken);
        return await AfterAsync(outcome, "MemoSaved", cancellationToken);
    }

    public async Task<IActionResult> OnPostDecisionAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        if (string.IsNullOrWhiteSpace(Decision)) ModelState.AddModelError(nameof(Decision), w["DecisionRequired"]);
        else if (Decision.Trim().Length > WorkspaceLimits.Decision) ModelState.AddModelError(nameof(Decision), w["TooLong", w["Decision"], WorkspaceLimits.Decision]);
        if (!ModelState.IsValid) return Refused();
        return await AfterAsync(await meetings.AddDecisionAsync(Viewer, Meeting.Id, DecisionItem, Decision!.Trim(), cancellationToken), "DecisionAdded", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveDecisionAsync(int decision, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        return await AfterAsync(await meetings.RemoveDecisionAsync(Viewer, Meeting.Id, decision, cancellationToken), "DecisionRemoved", cancellationToken);
    }

    public async Task<IActionResult> OnPostActionAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        if (ActionForm.Check(ModelState, ActionText, ActionOwner, ActionDue, w) is not { } due) return Refused();
        return await AfterAsync(await meetings.AddActionAsync(Viewer, Meeting.Id, ActionText!.Trim(), ActionOwner!, due, cancellationToken),
            "ActionAdded", cancellationToken);
    }

    public async Task<IActionResult> OnPostDoneAsync(int action, bool done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        return await AfterAsync(await meetings.SetDoneAsync(Viewer, action, done, cancellationToken), done ? "ActionDone" : "ActionReopened", cancellationToken);
    }

    public async Task<IActionResult> OnPostApproveAsync(int? atMeeting, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        return await AfterAsync(await meetings.ApproveAsync(Viewer, Meeting.Id, MemoRevision, atMeeting, cancellationToken), "MemoApprovedNotice", cancellationToken);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is { } closed) return closed;
        if (await meetings.FindAsync(Workspace.Id, Id, cancellationToken) is not { } meeting) return NotFound();
        Meeting = meeting;
        HasBegun = meeting.StartsAt <= clock.GetUtcNow();
        Participants = await people.ParticipantsAsync(Workspace.Id, cancellationToken);
        GroupName = meeting.GroupId is { } group ? (await groups.ListAsync(Workspace.Id, cancellationToken)).FirstOrDefault(g => g.Id == group)?.Name : null;
        Actions = await meetings.ActionsOfMeetingAsync(Workspace.Id, meeting.Id, cancellationToken);
        var all = await meetings.ListAsync(Workspace.Id, cancellationToken);
        LaterMeetings = [.. all.Where(m => m.StartsAt > meeting.StartsAt).OrderBy(m => m.StartsAt)];
        ApprovedAtTitle = all.FirstOrDefault(m => m.Id == meeting.MemoApprovedAtMeetingId) is { } at ? $"{at.Title}, {HelsinkiTime.Date(at.StartsAt)}" : null;
        // A refused memo form shows what was sent; every other page shows the memo as saved.
        var handler = Request.Query["handler"].ToString();
        if (handler != "Memo")
        {
            Notes = meeting.Agenda.ToDictionary(a => a.Id, a => a.Notes);
            Attended = await meetings.AttendeesAsync(meeting.Id, cancellationToken);
        }
        if (handler is not ("Memo" or "Approve")) MemoRevision = meeting.Revision;
        if (Request.Method == HttpMethods.Get) Input = MeetingInput.Of(meeting);
        return null;
    }

    private async Task<IActionResult> AfterAsync(MemoOutcome outcome, string done, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case MemoOutcome.Done:
                TempData["Notice"] = w[done].Value;
                return Back();
            case MemoOutcome.NotAllowed:
                return Forbid();
            case MemoOutcome.NotFound:
                return NotFound();
        }
        ModelState.AddModelError(outcome switch
        {
            MemoOutcome.NotParticipant => nameof(ActionOwner),
            MemoOutcome.PastDeadline => nameof(ActionDue),
            _ => "",
        }, outcome switch
        {
            MemoOutcome.Approved => w["MemoIsApproved"],
            MemoOutcome.Stale => w["StaleMemo"],
            MemoOutcome.NotParticipant => w["OwnerNotParticipant"],
            MemoOutcome.PastDeadline => w["DeadlinePassed"],
            MemoOutcome.NotHeld => w["NotHeldYet"],
            _ => w["ApproveAtLater"],
        });
        // The page is built again from what is saved now; the memo form keeps what was sent.
        await LoadAsync(cancellationToken);
        return Refused();
    }

    private RedirectResult Back() => Redirect($"/workspaces/{Workspace.Slug}/meetings/{Meeting.Id}");

    /// <summary>The memo as plain text, the PDF's content.</summary>
    private string MemoText()
    {
        var text = new StringBuilder();
        text.Append(IsApproved
            ? w["PdfApproved", HelsinkiTime.Date(Meeting.MemoApprovedAt!.Value)].Value + (ApprovedAtTitle is { } at ? " (" + at + ")" : "")
            : w["PdfDraft"].Value).Append('\n');
        text.Append(w["When"]).Append(": ").Append(HelsinkiTime.DateAndTime(Meeting.StartsAt)).Append('–').Append(HelsinkiTime.Time(Meeting.EndsAt)).Append('\n');
        if (Meeting.Place is { } place) text.Append(w["Place"]).Append(": ").Append(place).Append('\n');
        var present = Participants.Where(p => Attended.Contains(p.UserId)).Select(p => p.Name + (p.OrganisationName is { } o ? $" ({o})" : ""));
        text.Append(w["Attended"]).Append(": ").Append(string.Join(", ", present)).Append('\n');
        foreach (var item in Meeting.Agenda)
        {
            text.Append('\n').Append(item.Position).Append(". ").Append(item.Title).Append('\n');
            if (item.Notes is { } notes) text.Append(notes).Append('\n');
            foreach (var decision in Meeting.Decisions.Where(d => d.AgendaItemId == item.Id)) text.Append(w["DecisionPrefix"]).Append(' ').Append(decision.Text).Append('\n');
        }
        var general = Meeting.Decisions.Where(d => d.AgendaItemId is null).ToList();
        if (general.Count > 0)
        {
            text.Append('\n').Append(w["Decisions"]).Append('\n');
            foreach (var decision in general) text.Append("- ").Append(decision.Text).Append('\n');
        }
        if (Actions.Count > 0)
        {
            text.Append('\n').Append(w["Actions"]).Append('\n');
            foreach (var action in Actions)
                text.Append("- ").Append(action.Text).Append(" – ").Append(action.OwnerName ?? w["OwnerRemoved"].Value).Append(", ")
                    .Append(w["DueOn", HelsinkiTime.Day(action.DueOn)]).Append('\n');
        }
        return text.ToString();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^Notes\[(\d{1,9})\]$")]
    private static partial System.Text.RegularExpressions.Regex NoteField();
}
