using Microsoft.Extensions.Localization;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Events.Participants;

/// <summary>
/// The participant list for a spreadsheet (<see cref="Platform.Text.SafeSpreadsheet"/>): a sign-in sheet, name tags and catering. Only the columns the coordinator
/// needs for that (no email addresses), plus one column per custom question, since the answers decide workshops and rooms. Every cell that a spreadsheet would run as a
/// formula is made harmless, since names and needs are typed in by anyone who registers.
/// </summary>
public static class ParticipantExport
{
    /// <summary>The fixed columns, then the questions' texts in the coordinator's language.</summary>
    public static IReadOnlyList<string> Header(ParticipantLists lists, IStringLocalizer<ParticipantsText> p) =>
        [p["ColName"], p["ColOrganisation"], p["ColStatus"], p["ColAttendance"], p["ColRegistered"], p["ColDietary"], p["ColAccessibility"],
            .. lists.Questions.Select(q => q.Text)];

    public static IReadOnlyList<IReadOnlyList<string>> Rows(ParticipantLists lists, IStringLocalizer<ParticipantsText> p) =>
        [.. lists.All.Select(x => (IReadOnlyList<string>)
        [
            x.Erased ? p["Erased"] : x.Name, x.Organisation ?? "", p["Status_" + x.Status],
            x.IsConfirmed ? p["Attendance_" + x.Attendance] : "", HelsinkiTime.DateAndTime(x.RegisteredAt),
            x.DietaryNeeds ?? "", x.AccessibilityNeeds ?? "",
            // Erased answers are deleted rows, so they come out empty like unanswered ones.
            .. lists.Questions.Select(q => lists.AnswerText(x, q) ?? ""),
        ])];
}
