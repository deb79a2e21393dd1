using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Workspaces;

/// <summary>What a meeting's form sends: times are Helsinki wall-clock times.</summary>
public sealed class MeetingInput
{
    public string? Title { get; set; }
    public DateTime? StartsAt { get; set; }
    public DateTime? EndsAt { get; set; }
    public string? Place { get; set; }
    public string? OnlineLink { get; set; }
    /// <summary>New agenda items, one per line.</summary>
    public string? Agenda { get; set; }
    public int Revision { get; set; }

    public List<string> AgendaLines() =>
        [.. (Agenda ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public static MeetingInput Of(WorkspaceMeeting meeting) => new()
    {
        Title = meeting.Title, StartsAt = HelsinkiTime.ToHelsinki(meeting.StartsAt).DateTime, EndsAt = HelsinkiTime.ToHelsinki(meeting.EndsAt).DateTime,
        Place = meeting.Place, OnlineLink = meeting.OnlineLink, Revision = meeting.Revision,
    };

    /// <summary>Checks the form; the times in UTC when it is right.</summary>
    public (DateTimeOffset Starts, DateTimeOffset Ends)? Check(ModelStateDictionary state, IStringLocalizer<WorkspacesText> w, string prefix)
    {
        if (string.IsNullOrWhiteSpace(Title)) state.AddModelError(prefix + "Title", w["MeetingTitleRequired"]);
        else if (Title.Trim().Length > WorkspaceLimits.Title) state.AddModelError(prefix + "Title", w["TooLong", w["MeetingTitle"], WorkspaceLimits.Title]);
        var starts = Utc(state, StartsAt, prefix + "StartsAt", w);
        var ends = Utc(state, EndsAt, prefix + "EndsAt", w);
        if (starts is { } s && ends is { } e && e <= s) state.AddModelError(prefix + "EndsAt", w["MeetingEndsBeforeStarts"]);
        if (Place?.Trim().Length > WorkspaceLimits.Place) state.AddModelError(prefix + "Place", w["TooLong", w["Place"], WorkspaceLimits.Place]);
        if (TextInput.TrimToNull(OnlineLink) is { } link && (!TextInput.IsWebAddress(link) || link.Length > WorkspaceLimits.Link))
            state.AddModelError(prefix + "OnlineLink", w["BadLink"]);
        var lines = AgendaLines();
        if (lines.Count > WorkspaceLimits.AgendaItems) state.AddModelError(prefix + "Agenda", w["TooManyAgendaItems", WorkspaceLimits.AgendaItems]);
        else if (lines.Any(l => l.Length > WorkspaceLimits.Title)) state.AddModelError(prefix + "Agenda", w["AgendaItemTooLong", WorkspaceLimits.Title]);
        return state.IsValid && starts is { } start && ends is { } end ? (start, end) : null;
    }

    private static DateTimeOffset? Utc(ModelStateDictionary state, DateTime? local, string field, IStringLocalizer<WorkspacesText> w)
    {
        if (state.TryGetValue(field, out var entry) && entry.Errors.Count > 0)
        {
            entry.Errors.Clear();
            state.AddModelError(field, w["BadTime"]);
            return null;
        }
        if (local is not { } value)
        {
            state.AddModelError(field, w["TimeRequired"]);
            return null;
        }
        var unspecified = DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
        if (HelsinkiTime.Zone.IsInvalidTime(unspecified))
        {
            state.AddModelError(field, w["InvalidLocalTime"]);
            return null;
        }
        return new DateTimeOffset(unspecified, HelsinkiTime.Zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }
}

/// <summary>A page with a meeting's form (<c>_MeetingFields.cshtml</c>).</summary>
public interface IMeetingForm
{
    MeetingInput Input { get; }
}
