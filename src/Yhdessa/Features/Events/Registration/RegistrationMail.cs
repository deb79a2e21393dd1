using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Places;

namespace Yhdessa.Features.Events.Registration;

/// <summary>
/// The emails of registration, each in the registration's own language, as text and HTML, with the event's
/// time and place, its page and calendar file, and the signed link to the registration's own page. The online
/// link goes only to people who hold a seat. Messages are queued in the caller's unit of work.
/// </summary>
public sealed class RegistrationMail(EmailOutbox outbox, RegistrationTokens tokens, Municipalities municipalities,
    EventCalendar calendar, IStringLocalizer<RegistrationText> text, IStringLocalizer<EventsText> eventsText,
    IOptions<PlatformOptions> options)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public void Registered(Event ev, EventRegistration r, int? position)
    {
        switch (r.Status)
        {
            case RegistrationStatus.Confirmed:
                Confirmed(ev, r);
                break;
            case RegistrationStatus.Waiting:
                Send(ev, r, "MailWaitingSubject", [Reason(r), "MailWaitingPosition|" + position], online: false, "MailManageWaiting");
                break;
            default:
                Send(ev, r, "MailAwaitingSubject", ["MailAwaitingBody"], online: false, "MailManageCancel");
                break;
        }
    }

    public void Confirmed(Event ev, EventRegistration r) =>
        Send(ev, r, "MailConfirmedSubject", ["MailConfirmedBody"], online: true, "MailManageCancel", withCalendar: true);

    public void Offered(Event ev, EventRegistration r) =>
        Send(ev, r, "MailOfferSubject", ["MailOfferBody|" + Moment(r.OfferExpiresAt!.Value)], online: false, "MailManageOffer");

    public void OfferExpired(Event ev, EventRegistration r) =>
        Send(ev, r, "MailOfferExpiredSubject", ["MailOfferExpiredBody"], online: false, null);

    public void Declined(Event ev, EventRegistration r) =>
        Send(ev, r, "MailDeclinedSubject", ["MailDeclinedBody"], online: false, null);

    public void Cancelled(Event ev, EventRegistration r) =>
        Send(ev, r, "MailCancelledSubject",
            [r.CancellationReason == CancellationReason.ByCoordinator ? "MailCancelledByCoordinatorBody" : "MailCancelledBody"],
            online: false, null);

    /// <summary>The event itself was cancelled; the calendar file (METHOD:CANCEL) takes it out of the person's calendar.</summary>
    public void EventCancelled(Event ev, EventRegistration r) =>
        Send(ev, r, "MailEventCancelledSubject", ["MailEventCancelledBody"], online: false, null, withCalendar: true);

    /// <summary>
    /// Tells a registered person that the time, place or online link changed. A confirmed person gets the new calendar
    /// file (same UID, higher SEQUENCE), which updates the entry their calendar got from the confirmation; the online
    /// link and its change are told only to those with a seat. False when nothing in the change concerns the person.
    /// </summary>
    public bool EventChanged(Event ev, EventRegistration r, EventChange change)
    {
        var seat = r.Status == RegistrationStatus.Confirmed;
        var paragraphs = new List<string>();
        if (change.Time) paragraphs.Add("MailChangedTime");
        if (change.Place) paragraphs.Add("MailChangedPlace");
        if (change.OnlineLink && seat) paragraphs.Add("MailChangedOnline");
        if (paragraphs.Count == 0) return false;
        paragraphs.Add(seat ? "MailChangedCalendar" : "MailChangedDetails");
        var manage = r.Status switch
        {
            RegistrationStatus.Waiting => "MailManageWaiting",
            RegistrationStatus.Offered => "MailManageOffer",
            _ => "MailManageCancel",
        };
        Send(ev, r, "MailChangedSubject", [.. paragraphs], online: seat, manage, withCalendar: seat);
        return true;
    }

    public void Reminder(Event ev, EventRegistration r) =>
        Send(ev, r, "MailReminderSubject", ["MailReminderBody"], online: true, "MailManageCancel");

    private static string Reason(EventRegistration r) => r.WaitingReason switch
    {
        WaitingReason.OrganisationCap => "MailWaitingOrganisationCap",
        WaitingReason.ReservedSeats => "MailWaitingReserved",
        _ => "MailWaitingFull",
    };

    private static string Moment(DateTimeOffset moment) => HelsinkiTime.DateAndTime(moment);

    /// <param name="paragraphs">Text keys, each optionally with one argument after a "|".</param>
    /// <param name="withCalendar">Attaches the event's calendar file, so that one click puts the event in (or, for a
    /// cancelled event, takes it out of) the person's calendar.</param>
    private void Send(Event ev, EventRegistration r, string subjectKey, string[] paragraphs, bool online, string? manageKey,
        bool withCalendar = false)
    {
        using var _ = Languages.Use(r.Language);
        var baseUrl = options.Value.BaseUrl.TrimEnd('/');
        var lines = new List<(string Label, string Value, bool IsLink)>
        {
            (text["MailWhen"], $"{eventsText.When(ev)} ({eventsText["HelsinkiTime"]})", false),
        };
        var place = string.Join(", ", new[] { ev.Address, municipalities.Find(ev.MunicipalityCode)?.Name(r.Language) }
            .Where(p => !string.IsNullOrWhiteSpace(p)));
        if (place.Length > 0) lines.Add((text["MailWhere"], place, false));
        if (online && ev.OnlineUrl is { } url) lines.Add((text["MailOnline"], url, true));
        lines.Add((text["MailEventPage"], $"{baseUrl}/events/{ev.Slug}?culture={r.Language}", true));
        lines.Add((text["MailCalendar"], $"{baseUrl}/events/{ev.Slug}.ics", true));

        var body = paragraphs.Select(p => p.Split('|', 2) is [var key, var argument] ? text[key, argument].Value : text[p].Value).ToList();
        var greeting = r.Name.Length > 0 ? text["MailGreeting", r.Name].Value : text["MailGreetingNoName"].Value;
        (string Label, string Url)? manage = manageKey is null ? null : (text[manageKey].Value, tokens.Url(r, r.Language));

        var plain = new StringBuilder().Append(greeting).Append("\n\n");
        foreach (var paragraph in body) plain.Append(paragraph).Append("\n\n");
        plain.Append(ev.Title).Append('\n');
        foreach (var (label, value, _) in lines) plain.Append(label).Append(": ").Append(value).Append('\n');
        if (manage is { } m) plain.Append('\n').Append(m.Label).Append(":\n").Append(m.Url).Append('\n');
        plain.Append('\n').Append(text["MailSignature"].Value).Append('\n');

        var subject = text[subjectKey, ev.Title].Value;
        // A whole document with its language and title, so that a screen reader in a mail program reads it in the right voice.
        var html = new StringBuilder().Append("<!DOCTYPE html><html lang=\"").Append(r.Language)
            .Append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
            .Append(Html.Encode(subject)).Append("</title></head><body>")
            .Append("<p>").Append(Html.Encode(greeting)).Append("</p>");
        foreach (var paragraph in body) html.Append("<p>").Append(Html.Encode(paragraph)).Append("</p>");
        html.Append("<h1>").Append(Html.Encode(ev.Title)).Append("</h1><ul>");
        foreach (var (label, value, isLink) in lines)
            html.Append("<li>").Append(Html.Encode(label)).Append(": ")
                .Append(isLink ? $"<a href=\"{Html.Encode(value)}\" style=\"overflow-wrap: anywhere\">{Html.Encode(value)}</a>" : Html.Encode(value)).Append("</li>");
        html.Append("</ul>");
        if (manage is { } link)
            html.Append("<p><a href=\"").Append(Html.Encode(link.Url)).Append("\">").Append(Html.Encode(link.Label)).Append("</a></p>");
        html.Append("<p>").Append(Html.Encode(text["MailSignature"].Value)).Append("</p></body></html>");

        EmailAttachment[] attachments = withCalendar
            ? [new($"{ev.Slug}.ics", $"{EventCalendar.ContentType}; method={calendar.Method(ev)}", Encoding.UTF8.GetBytes(calendar.Single(ev)))]
            : [];
        outbox.Enqueue(r.Email, subject, plain.ToString(), html.ToString(), attachments, r.UserId);
    }
}
