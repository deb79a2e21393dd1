using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Features.Network.Organisations;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Events.Participants;

/// <summary>One registration as the coordinator sees it: only what running the event needs.</summary>
public sealed record Participant(int Id, string Name, string? Organisation, RegistrationStatus Status, Attendance Attendance,
    DateTimeOffset RegisteredAt, DateTimeOffset? CheckedInAt, string? DietaryNeeds, string? AccessibilityNeeds, bool NeedsErased,
    bool Erased)
{
    /// <summary>The answers to the event's custom questions by question id; empty once the personal data is erased.</summary>
    public IReadOnlyDictionary<int, RegistrationAnswer> Answers { get; init; } = new Dictionary<int, RegistrationAnswer>();

    public bool IsConfirmed => Status == RegistrationStatus.Confirmed;
}

/// <summary>The registrations of one event in the four lists the coordinator works with.</summary>
public sealed record ParticipantLists(IReadOnlyList<Participant> All)
{
    /// <summary>The event's custom questions in the order the registration form asks them, with their options.</summary>
    public IReadOnlyList<EventQuestion> Questions { get; init; } = [];

    /// <summary>A person's answer as text in the page language: the chosen option or the free text; null when unanswered.</summary>
    public string? AnswerText(Participant person, EventQuestion question) =>
        !person.Answers.TryGetValue(question.Id, out var answer) ? null
        : answer.OptionId is { } optionId ? question.Options.FirstOrDefault(o => o.Id == optionId)?.Text
        : answer.Text;

    /// <summary>How many confirmed participants chose each option: what the coordinator plans rooms and workshops by.</summary>
    public int ChoiceCount(EventQuestion question, EventQuestionOption option) =>
        Confirmed.Count(p => p.Answers.TryGetValue(question.Id, out var a) && a.OptionId == option.Id);

    public IReadOnlyList<Participant> Confirmed => [.. All.Where(p => p.Status == RegistrationStatus.Confirmed)];
    public IReadOnlyList<Participant> AwaitingApproval => [.. All.Where(p => p.Status == RegistrationStatus.AwaitingApproval)];
    /// <summary>The waiting list in arrival order; a person with a seat on offer is still on it until they confirm.</summary>
    public IReadOnlyList<Participant> Waiting => [.. All.Where(p => p.Status is RegistrationStatus.Waiting or RegistrationStatus.Offered)];
    public IReadOnlyList<Participant> Cancelled => [.. All.Where(p => p.Status is RegistrationStatus.Cancelled or RegistrationStatus.Declined)];
    public int Attended => All.Count(p => p.IsConfirmed && p.Attendance == Attendance.Attended);
    public int NoShows => All.Count(p => p.IsConfirmed && p.Attendance == Attendance.NoShow);
    public int Unmarked => All.Count(p => p.IsConfirmed && p.Attendance == Attendance.Unmarked);
}

public enum MarkOutcome { Marked, NotFound, NotConfirmed, NotStarted }

/// <summary>Reads an event's participants and records attendance. Every change is audited with the coordinator as actor.</summary>
public sealed class ParticipantList(YhdessaDb db, AuditLog audit, TimeProvider clock, OrganisationDirectory organisations)
{
    public async Task<ParticipantLists> ForEventAsync(int eventId, CancellationToken cancellationToken)
    {
        var rows = await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == eventId).OrderBy(r => r.Id)
            .Select(r => new
            {
                r.Id, r.Name, r.OrganisationName, r.OrganisationId, r.Status, r.Attendance, r.RegisteredAt, r.CheckedInAt,
                r.DietaryNeeds, r.AccessibilityNeeds, r.NeedsErasedAt, r.PersonalDataErasedAt,
            })
            .ToListAsync(cancellationToken);
        // An organisation of the directory is named as the directory names it in the reader's language (the registration
        // keeps its Finnish name only for when it has left the directory); one typed in is shown as typed.
        var ids = rows.Where(r => r.OrganisationId is not null).Select(r => r.OrganisationId!.Value).Distinct().ToList();
        var names = ids.Count == 0 ? [] : await organisations.NamesAsync(ids, cancellationToken);
        var questions = await db.EventQuestions.AsNoTracking().Include(q => q.Options.OrderBy(o => o.Position))
            .Where(q => q.EventId == eventId).OrderBy(q => q.Position).ThenBy(q => q.Id).ToListAsync(cancellationToken);
        var answers = questions.Count == 0 ? [] : (await db.RegistrationAnswers.AsNoTracking()
                .Where(a => db.EventRegistrations.Any(r => r.Id == a.RegistrationId && r.EventId == eventId)).ToListAsync(cancellationToken))
            .GroupBy(a => a.RegistrationId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<int, RegistrationAnswer>)g.GroupBy(a => a.QuestionId).ToDictionary(x => x.Key, x => x.First()));
        var participants = rows.Select(r => new Participant(r.Id, r.Name,
                r.OrganisationId is { } id && names.TryGetValue(id, out var name) ? name : r.OrganisationName,
            r.Status, r.Attendance, r.RegisteredAt, r.CheckedInAt,
            r.NeedsErasedAt is null ? r.DietaryNeeds : null, r.NeedsErasedAt is null ? r.AccessibilityNeeds : null,
            r.NeedsErasedAt is not null, r.PersonalDataErasedAt is not null)
        {
            Answers = answers.TryGetValue(r.Id, out var mine) ? mine : new Dictionary<int, RegistrationAnswer>(),
        }).ToList();
        return new ParticipantLists(participants) { Questions = questions };
    }

    /// <summary>Checked in at the door (<see cref="Attendance.Attended"/>) or marked afterwards; only a confirmed
    /// registration has attendance. Marking is possible from the day of the event on, not before.</summary>
    public async Task<MarkOutcome> MarkAsync(Event ev, int registrationId, Attendance attendance, CancellationToken cancellationToken)
    {
        if (!HasStarted(ev)) return MarkOutcome.NotStarted;
        var registration = await db.EventRegistrations.FirstOrDefaultAsync(r => r.Id == registrationId && r.EventId == ev.Id, cancellationToken);
        if (registration is null) return MarkOutcome.NotFound;
        if (registration.Status != RegistrationStatus.Confirmed) return MarkOutcome.NotConfirmed;
        if (registration.Attendance == attendance) return MarkOutcome.Marked;
        registration.Attendance = attendance;
        registration.CheckedInAt = attendance == Attendance.Attended ? clock.GetUtcNow() : null;
        audit.Record("events.attendance.marked", $"event:{ev.Slug}", $"registration:{registration.Id} {attendance}");
        await db.SaveChangesAsync(cancellationToken);
        return MarkOutcome.Marked;
    }

    /// <summary>After the event: every confirmed participant not marked yet is a no-show. Returns how many.</summary>
    public async Task<int?> MarkRestNoShowAsync(Event ev, CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() < ev.EndsAt) return null;
        var rest = await db.EventRegistrations
            .Where(r => r.EventId == ev.Id && r.Status == RegistrationStatus.Confirmed && r.Attendance == Attendance.Unmarked)
            .ToListAsync(cancellationToken);
        foreach (var registration in rest) registration.Attendance = Attendance.NoShow;
        audit.Record("events.attendance.rest-no-show", $"event:{ev.Slug}", rest.Count.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
        return rest.Count;
    }

    /// <summary>The door opens on the day of the event (Helsinki time): a check-in a day early is a mistake.</summary>
    public bool HasStarted(Event ev) =>
        Platform.Localization.HelsinkiTime.ToHelsinki(clock.GetUtcNow()).Date >= Platform.Localization.HelsinkiTime.ToHelsinki(ev.StartsAt).Date;

    public bool HasEnded(Event ev) => clock.GetUtcNow() >= ev.EndsAt;
}
