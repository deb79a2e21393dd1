using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Communication.Issues.Data;

/// <summary>A draft; scheduled to start at <see cref="NewsletterIssue.ScheduledAt"/>; sending (its deliveries are made and
/// going out); sent (every delivery is done, and the issue is in the archive).</summary>
public enum IssueState { Draft, Scheduled, Sending, Sent }

/// <summary>
/// One issue of the newsletter: the coordinator's editorial and subject per language (<see cref="Texts"/>), the entries in
/// their order (members' accepted items and her own texts), and the themes it is about. A subscriber whose language has
/// no text gets the issue only when the coordinator has chosen which language to send her (<see cref="Choices"/>).
/// </summary>
public class NewsletterIssue
{
    public int Id { get; set; }
    /// <summary>The issue's number in the archive, given when sending starts (1, 2, 3 …).</summary>
    public int? Number { get; set; }
    public IssueState State { get; set; }
    public DateTimeOffset? ScheduledAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Grows with every save of the texts, so that a form sent after someone else's save is refused.</summary>
    public int Revision { get; set; }

    public List<IssueText> Texts { get; set; } = [];
    public List<IssueEntry> Entries { get; set; } = [];
    public List<IssueTheme> Themes { get; set; } = [];
    public List<IssueLanguageChoice> Choices { get; set; } = [];

    public IEnumerable<string> LanguagesWritten => Languages.All.Where(l => Texts.Any(t => t.Language == l));

    /// <summary>The text in <paramref name="language"/>, else in the first language the issue has; null for an issue not written yet.</summary>
    public IssueText? TextIn(string language) =>
        Texts.FirstOrDefault(t => t.Language == language)
        ?? Languages.All.Select(l => Texts.FirstOrDefault(t => t.Language == l)).FirstOrDefault(t => t is not null);

    /// <summary>The language whose version goes to subscribers of <paramref name="subscriberLanguage"/>: her own when it is
    /// written, else the coordinator's choice; null when they are not sent it, or no choice is made yet.</summary>
    public string? VersionFor(string subscriberLanguage) =>
        Texts.Any(t => t.Language == subscriberLanguage)
            ? subscriberLanguage
            : Choices.FirstOrDefault(c => c.SubscriberLanguage == subscriberLanguage)?.SendIn is { Length: > 0 } chosen
              && Texts.Any(t => t.Language == chosen) ? chosen : null;

    /// <summary>Languages without a text of their own and without the coordinator's choice: the issue cannot be sent to them yet.</summary>
    public IEnumerable<string> LanguagesUndecided => Languages.All.Where(l =>
        Texts.All(t => t.Language != l) && Choices.All(c => c.SubscriberLanguage != l || (c.SendIn != "" && Texts.All(t => t.Language != c.SendIn))));
}

/// <summary>The issue in one language: its subject line and the editorial (Markdown).</summary>
public class IssueText
{
    public int IssueId { get; set; }
    public string Language { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Editorial { get; set; } = "";
}

/// <summary>
/// One piece of the issue: a member's accepted item (copied here when added, so that the archive stays as it was sent,
/// with <see cref="ItemId"/> telling where it came from) or the coordinator's own text. Each is written in one language
/// and shown in every version, marked with its language.
/// </summary>
public class IssueEntry
{
    public int Id { get; set; }
    public int IssueId { get; set; }
    public int Position { get; set; }
    public int? ItemId { get; set; }
    public string Language { get; set; } = "fi";
    public string Title { get; set; } = "";
    /// <summary>Markdown; rendered through <see cref="Yhdessa.Platform.Text.SafeMarkdown"/>.</summary>
    public string Text { get; set; } = "";
    public string? Link { get; set; }
    /// <summary>The organisation credited for the entry.</summary>
    public int? OrganisationId { get; set; }
    public int? ImageId { get; set; }
    public string? ImageAlt { get; set; }
}

/// <summary>A theme the issue is about: subscribers who chose topics get it when one of theirs is among these. An issue
/// without themes goes to everyone.</summary>
public class IssueTheme
{
    public int IssueId { get; set; }
    public int ThemeId { get; set; }
}

/// <summary>The coordinator's choice for subscribers of a language the issue is not written in: the version to send them
/// (<see cref="SendIn"/>), or "" for none.</summary>
public class IssueLanguageChoice
{
    public int IssueId { get; set; }
    public string SubscriberLanguage { get; set; } = "";
    public string SendIn { get; set; } = "";
}

/// <summary>Waiting (or waiting again after a passing failure), sent, failed for good, or skipped (the subscriber left or
/// her address became undeliverable before her turn).</summary>
public enum DeliveryState { Waiting, Sent, Failed, Skipped }

/// <summary>
/// The issue for one subscriber: made for every recipient when sending starts, in one statement, and marked sent exactly
/// as the SMTP server takes it (<see cref="Yhdessa.Platform.Email.SmtpDelivery"/>). The message itself is built when it
/// is sent, from the issue and the subscription, so that 50,000 deliveries take 50,000 small rows and no copies of it.
/// </summary>
public class NewsletterDelivery
{
    public long Id { get; set; }
    public int IssueId { get; set; }
    public long SubscriptionId { get; set; }
    /// <summary>The version she gets (fi, sv or en).</summary>
    public string Language { get; set; } = "";
    public DeliveryState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}
