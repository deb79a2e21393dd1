using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Feedback.Data;
using Yhdessa.Features.Events.Participants;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Features.Surveys;
using Yhdessa.Features.Surveys.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Jobs;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Events.Feedback;

/// <summary>
/// Each event's feedback survey, made with the survey engine from its "event feedback" template, and the invitations
/// sent when the event has ended.
/// <para>Who is invited: the participants marked as attended. If no attendance was marked at all for the event, every
/// confirmed participant is invited instead, since the coordinator then did not keep a register and the people who
/// were there should not lose their say. A no-show is never invited once attendance has been marked.</para>
/// <para>Attended participants also get a thank-you email with the signed link to their certificate.</para>
/// </summary>
public sealed class EventFeedback(YhdessaDb db, SurveyService surveys, ISurveyInvitations invitations, Certificates certificates,
    EmailOutbox outbox, IStringLocalizer<FeedbackText> f, TimeProvider clock, ILogger<EventFeedback> logger)
{
    public const string OwnerKind = "event";
    /// <summary>Time for the coordinator to mark attendance after the event before the invitations go.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromHours(2);
    /// <summary>Events that ended longer ago are not invited any more (e.g. when the feature is first switched on).</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(14);
    /// <summary>How many days after the event answers are taken, unless the coordinator set a closing day.</summary>
    public const int AnswerDays = 21;

    public async Task<Survey?> FindSurveyAsync(int eventId, CancellationToken cancellationToken) =>
        (await surveys.ForOwnerAsync(OwnerKind, eventId.ToString(CultureInfo.InvariantCulture), cancellationToken)).FirstOrDefault();

    /// <summary>The event's survey, made from the template on first use. Surveys of one series are compared with each
    /// other; an event outside a series is compared with the other events of its type (e.g. every autumn seminar).</summary>
    public async Task<Survey> EnsureSurveyAsync(Event ev, CancellationToken cancellationToken)
    {
        if (await FindSurveyAsync(ev.Id, cancellationToken) is { } existing) return existing;
        var series = ev.SeriesId is { } seriesId ? $"event-series:{seriesId}" : $"event-type:{ev.Type}";
        var created = await surveys.CreateFromTemplateAsync(OwnerKind, ev.Id.ToString(CultureInfo.InvariantCulture), series,
            InLanguage("fi", () => f["SurveyTitle", ev.TitleFi].Value),
            InLanguage("sv", () => f["SurveyTitle", ev.TitleSv ?? ev.TitleFi].Value),
            InLanguage("en", () => f["SurveyTitle", ev.TitleEn ?? ev.TitleFi].Value), cancellationToken);
        // Two callers at the same moment (the job on two instances, or the job and a coordinator preparing the survey)
        // may both have made one: both keep the first, and the later one, still unused, goes.
        var first = (await FindSurveyAsync(ev.Id, cancellationToken))!;
        if (first.Id == created.Id) return created;
        db.Surveys.Remove(created);
        await db.SaveChangesAsync(cancellationToken);
        return first;
    }

    /// <summary>Invites the attendees of every event that has ended (and not been invited yet). Returns how many events.</summary>
    public async Task<int> InviteDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (until, from) = (now - Delay, now - Window);
        var due = await db.Events.AsNoTracking()
            .Where(e => e.Status == EventStatus.Scheduled && e.EndsAt <= until && e.EndsAt > from
                && !db.EventFeedbackRuns.Any(r => r.EventId == e.Id))
            .OrderBy(e => e.EndsAt).Select(e => e.Id).ToListAsync(cancellationToken);
        var invited = 0;
        foreach (var eventId in due)
            if (await InviteAsync(eventId, cancellationToken)) invited++;
        return invited;
    }

    private async Task<bool> InviteAsync(int eventId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var ev = await db.Events.FirstAsync(e => e.Id == eventId, cancellationToken);
        var survey = await EnsureSurveyAsync(ev, cancellationToken);
        var registrations = await db.EventRegistrations.AsNoTracking()
            .Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Confirmed && r.PersonalDataErasedAt == null && r.Email != "")
            .OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var attendanceKept = registrations.Any(r => r.Attendance != Attendance.Unmarked);
        // A survey the coordinator already closed is not reopened: they decided not to collect feedback.
        var recipients = survey.Status == SurveyStatus.Closed ? []
            : attendanceKept ? registrations.Where(r => r.Attendance == Attendance.Attended).ToList() : registrations;
        if (survey.Status == SurveyStatus.Draft) survey.Status = SurveyStatus.Open;
        survey.ClosesOn ??= DateOnly.FromDateTime(HelsinkiTime.ToHelsinki(ev.EndsAt).Date).AddDays(AnswerDays);

        db.EventFeedbackRuns.Add(new EventFeedbackRun
        {
            EventId = eventId, SurveyId = survey.Id, InvitedAt = clock.GetUtcNow(), Invited = recipients.Count,
        });
        foreach (var attendee in recipients.Where(r => r.Attendance == Attendance.Attended)) ThankYou(ev, attendee);
        try
        {
            // Saves the run, the thank-you mails, the survey's opening and the invitations (with their mails) at once.
            await invitations.InviteAsync(survey.Id, recipients.Select(r => new SurveyRecipient(r.Email, r.Name, r.Language)), cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance invited this event's attendees at the same moment; its run stands.
            db.ChangeTracker.Clear();
            return false;
        }
        logger.LogInformation("Feedback survey {SurveyId} of event {EventId} sent to {Count} attendees", survey.Id, eventId, recipients.Count);
        return true;
    }

    private void ThankYou(Event ev, EventRegistration attendee) => InLanguage(attendee.Language, () =>
    {
        var title = ev.Title;
        var link = certificates.Link(attendee.Id);
        var greeting = f["MailGreeting", attendee.Name].Value;
        var thanks = f["MailThanks", title].Value;
        var certificate = f["MailCertificate"].Value;
        var feedback = f["MailFeedbackSeparately"].Value;
        var html = HtmlEncoder.Create(UnicodeRanges.All);
        outbox.Enqueue(attendee.Email, f["MailThanksSubject", title].Value,
            $"{greeting}\n\n{thanks}\n\n{certificate}\n{link}\n\n{feedback}\n",
            $"<p>{html.Encode(greeting)}</p><p>{html.Encode(thanks)}</p><p>{html.Encode(certificate)}<br><a href=\"{html.Encode(link)}\">{html.Encode(link)}</a></p><p>{html.Encode(feedback)}</p>");
        return 0;
    });

    /// <summary>Texts and localised titles follow the current UI culture: set it to the recipient's language.</summary>
    private static T InLanguage<T>(string language, Func<T> build)
    {
        using var _ = Languages.Use(language);
        return build();
    }
}

/// <summary>Invites the attendees of ended events every few minutes. Tests call <see cref="EventFeedback.InviteDueAsync"/> directly.</summary>
internal sealed class FeedbackJob(EventFeedback feedback) : IRecurringJob
{
    public static string Name => "event-feedback";

    public TimeSpan Interval => TimeSpan.FromMinutes(10);

    public Task RunAsync(CancellationToken cancellationToken) => feedback.InviteDueAsync(cancellationToken);
}
