using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Feedback;
using Yhdessa.Features.Events.Feedback.Data;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Features.Surveys;
using Yhdessa.Features.Surveys.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Events.Participants;

/// <summary>
/// The end of the event cycle on the demo's past events (after the events, Order 20, and registrations): participants
/// with attendance marked, the demo member among those who attended (so /events/certificates has a certificate), and a
/// feedback survey per event answered through the same one-time links as real answers, so that the results pages, the
/// wished topics and the list for the small expert team have something to show.
/// </summary>
public sealed class ParticipantsDemoData(YhdessaDb db, EventFeedback feedback, ISurveyInvitations invitations, SurveyAnswering answering,
    TimeProvider clock) : IDemoData
{
    public int Order => 27;

    private static readonly (string Name, string Organisation, string Language)[] Guests =
    [
        ("Aino Laine", "Helsingin kaupunki", "fi"), ("Eero Mäkinen", "Y-Säätiö", "fi"), ("Helmi Korhonen", "Tampereen kaupunki", "fi"),
        ("Johan Lindqvist", "Vasa stad", "sv"), ("Leena Nieminen", "Sininauhasäätiö", "fi"), ("Mikko Heikkinen", "Vantaan kaupunki", "fi"),
        ("Sara Holmström", "Espoon kaupunki", "sv"), ("Tuomas Virtanen", "Takuusäätiö", "fi"), ("Olivia Grant", "FEANTSA", "en"),
        ("Paula Koskinen", "Oulun kaupunki", "fi"), ("Ville Salo", "Vailla vakinaista asuntoa ry", "fi"), ("Riitta Järvinen", "Turun kaupunki", "fi"),
    ];

    private static readonly (int Overall, int Useful, string Worked, string Develop, string[] Topics)[] Answers =
    [
        (5, 5, "Tapausesimerkit arjen työstä.", "Enemmän aikaa pienryhmille.", ["Häätöjen ehkäisy", "Velkaneuvonta"]),
        (4, 4, "Kokemusasiantuntijan puheenvuoro.", "Materiaalit etukäteen.", ["Nuorten asuminen"]),
        (4, 5, "Selkeät diat ja hyvä tahti.", "", ["häätöjen ehkäisy"]),
        (3, 4, "Verkostoituminen muiden kaupunkien kanssa.", "Tauot olivat lyhyitä.", []),
        (5, 4, "Keskustelu ja kysymykset.", "Etäyhteys pätki välillä.", ["Asumisen tuki", "Päihdetyö"]),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var past = await db.Events.Where(e => e.EndsAt < now && e.Status == EventStatus.Scheduled)
            .OrderByDescending(e => e.EndsAt).Take(3).ToListAsync(cancellationToken);
        var member = await db.Users.FirstOrDefaultAsync(u => u.Email == "member@example.org", cancellationToken);
        foreach (var (ev, index) in past.Select((ev, index) => (ev, index)))
        {
            if (!await db.EventRegistrations.AnyAsync(r => r.EventId == ev.Id, cancellationToken)) AddParticipants(ev, index);
            // The demo member was at the latest past event, so their certificate list has something in it.
            if (index == 0 && member is not null
                && !await db.EventRegistrations.AnyAsync(r => r.EventId == ev.Id && r.UserId == member.Id, cancellationToken))
                db.EventRegistrations.Add(new EventRegistration
                {
                    EventId = ev.Id, UserId = member.Id, Name = member.DisplayName, Email = member.Email!,
                    EmailNormalized = member.Email!.ToLowerInvariant(), Language = member.PreferredLanguage,
                    Status = RegistrationStatus.Confirmed, RegisteredAt = ev.StartsAt.AddDays(-20), ConfirmedAt = ev.StartsAt.AddDays(-20),
                    NeedsErasedAt = ev.EndsAt.AddDays(1),
                });
            await db.SaveChangesAsync(cancellationToken);

            // Attendance as a coordinator marks it: most came, every fifth did not.
            var confirmed = await db.EventRegistrations.Where(r => r.EventId == ev.Id && r.Status == RegistrationStatus.Confirmed)
                .OrderBy(r => r.Id).ToListAsync(cancellationToken);
            for (var i = 0; i < confirmed.Count; i++)
            {
                if (confirmed[i].Attendance != Attendance.Unmarked) continue;
                var came = i % 5 != 4 || confirmed[i].UserId == member?.Id;
                confirmed[i].Attendance = came ? Attendance.Attended : Attendance.NoShow;
                confirmed[i].CheckedInAt = came ? ev.StartsAt.AddMinutes(-10 + i) : null;
            }
            await db.SaveChangesAsync(cancellationToken);
            await FeedbackAsync(ev, confirmed.Where(r => r.Attendance == Attendance.Attended).ToList(), index, cancellationToken);
        }
    }

    private void AddParticipants(Event ev, int offset)
    {
        var registered = ev.StartsAt.AddDays(-30);
        var people = Guests.Skip(offset * 2).Concat(Guests.Take(offset * 2)).ToList();
        for (var i = 0; i < people.Count; i++)
        {
            var (name, organisation, language) = people[i];
            // Ten confirmed, one who cancelled, one left on the waiting list when the event took place.
            var status = i < 10 ? RegistrationStatus.Confirmed : i == 10 ? RegistrationStatus.Cancelled : RegistrationStatus.Waiting;
            var email = $"{Slugs.FromName(name)}@example.org";
            db.EventRegistrations.Add(new EventRegistration
            {
                EventId = ev.Id, Name = name, Email = email, EmailNormalized = email, OrganisationName = organisation,
                Language = language, Status = status, RegisteredAt = registered.AddHours(i * 5),
                ConfirmedAt = status == RegistrationStatus.Confirmed ? registered.AddHours(i * 5) : null,
                WaitingReason = status == RegistrationStatus.Waiting ? WaitingReason.Full : null,
                CancelledAt = status == RegistrationStatus.Cancelled ? registered.AddDays(10) : null,
                CancellationReason = status == RegistrationStatus.Cancelled ? CancellationReason.ByParticipant : null,
                DietaryNeeds = i == 1 ? "Gluteeniton" : i == 4 ? "Vegaaninen" : null,
                AccessibilityNeeds = i == 2 ? "Esteetön sisäänkäynti" : null,
                // The needs of a past event are erased the day after it, as the retention job does.
                NeedsErasedAt = ev.EndsAt.AddDays(1),
            });
        }
    }

    private async Task FeedbackAsync(Event ev, List<EventRegistration> attended, int offset, CancellationToken cancellationToken)
    {
        if (await db.EventFeedbackRuns.AnyAsync(r => r.EventId == ev.Id, cancellationToken)) return;
        var survey = await feedback.EnsureSurveyAsync(ev, cancellationToken);
        survey.Status = SurveyStatus.Open;
        survey.CreatedAt = ev.EndsAt;
        db.EventFeedbackRuns.Add(new EventFeedbackRun { EventId = ev.Id, SurveyId = survey.Id, InvitedAt = ev.EndsAt.AddHours(2), Invited = attended.Count });
        await db.SaveChangesAsync(cancellationToken);
        var links = await invitations.InviteAsync(survey.Id, attended.Select(r => new SurveyRecipient(r.Email, r.Name, r.Language)), cancellationToken);
        var questions = survey.Questions.OrderBy(q => q.Position).ToList();
        // About two in three answer; the rest show up in "not answered" for a reminder.
        var answeringLinks = links.Take(Math.Max(1, links.Count * 2 / 3)).ToList();
        for (var i = 0; i < answeringLinks.Count; i++)
        {
            var (overall, useful, worked, develop, topics) = Answers[(i + offset) % Answers.Length];
            var form = new Dictionary<string, string[]>
            {
                [SurveyAnswering.Field(questions[0])] = [overall.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                [SurveyAnswering.Field(questions[1])] = [useful.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                [SurveyAnswering.Field(questions[2])] = [worked],
                [SurveyAnswering.Field(questions[3])] = [develop],
                [SurveyAnswering.Field(questions[4])] = topics,
            };
            await answering.SubmitAsync(new Uri(answeringLinks[i].Url).Segments[^1], form, cancellationToken);
        }
    }
}
