using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Needs;
using Yhdessa.Features.Network.Data;

namespace Yhdessa.Features.Needs.Data;

/// <summary>What kind of need: a training the field lacks, a way of working to develop, or something new seen in the
/// field that nobody has named yet (a weak signal).</summary>
public enum NeedKind { Training, Development, WeakSignal }

/// <summary>
/// New → under consideration → planned → in progress → answered; or declined (with a public reason) or merged into
/// another need. <see cref="NeedStates.Allowed"/> says which moves are possible.
/// </summary>
public enum NeedState { New, UnderConsideration, Planned, InProgress, Answered, Declined, Merged }

/// <summary>Where a need came from: a member raised it, a visitor without an account raised it (public once she
/// confirmed her address), or the triagers made it from the open answers of event feedback.</summary>
public enum NeedOrigin { Member, Visitor, Feedback }

public class Need
{
    public int Id { get; set; }
    public NeedKind Kind { get; set; }
    public NeedState State { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Markdown; rendered through <see cref="Yhdessa.Platform.Text.SafeMarkdown"/>, which sanitises it.</summary>
    public string Description { get; set; } = "";
    /// <summary>The base forms and compound parts of the title's and description's words, each between spaces, so that
    /// the similar needs are found by a plain text match on either engine (<see cref="NeedSimilarity"/>).</summary>
    public string SearchTerms { get; set; } = "";
    /// <summary>Optional: the municipality the need comes from (Statistics Finland code).</summary>
    public string? MunicipalityCode { get; set; }
    /// <summary>Optional: the organisation the person speaks for.</summary>
    public int? OrganisationId { get; set; }
    public NeedOrigin Origin { get; set; }
    /// <summary>Who raised it; null once her account is deleted (the need stays, without her), and for a visitor's
    /// need or one made from feedback.</summary>
    public string? RaisedById { get; set; }
    /// <summary>Whether the raiser's name is shown; if not, the need shows "a member from" <see cref="RaisedFromSector"/>.</summary>
    public bool RaiserNameShown { get; set; }
    /// <summary>The sector of the organisation she spoke for, kept so that an anonymous need can say where it comes from.</summary>
    public Sector? RaisedFromSector { get; set; }
    /// <summary>Supports, kept with each support row in the same transaction, so lists can sort by it cheaply.</summary>
    public int SupportCount { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    /// <summary>When the raiser's email address was confirmed: a need is public only from then. A member's need is
    /// confirmed when it is raised.</summary>
    public DateTimeOffset? ConfirmedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>When the need was last answered; null while it is not (a reopened need loses it).</summary>
    public DateTimeOffset? AnsweredAt { get; set; }
    /// <summary>Why the need was declined, shown publicly.</summary>
    public string? DeclineReason { get; set; }
    /// <summary>The need this one was merged into; its page redirects there.</summary>
    public int? MergedIntoId { get; set; }
    /// <summary>Grows with every change of state, so that a form sent after someone else's change is refused, not applied.</summary>
    public int Revision { get; set; }
    /// <summary>The triager who looks after the need; seen by the triagers only.</summary>
    public string? AssigneeId { get; set; }

    public List<NeedThemeLink> Themes { get; set; } = [];
}

/// <summary>Needs share the event themes, as materials do: one managed list of the network's themes.</summary>
public class NeedThemeLink
{
    public int NeedId { get; set; }
    public int ThemeId { get; set; }
    public EventTheme? Theme { get; set; }
}

/// <summary>A member's support of a need: at most one per person and need, with an optional comment.</summary>
public class NeedSupport
{
    public int NeedId { get; set; }
    public string UserId { get; set; } = "";
    public string? Comment { get; set; }
    public DateTimeOffset SupportedAt { get; set; }
}

/// <summary>Who acted in a need's public history: shown as the role, never the person.</summary>
public enum NeedActor { Coordinator, TriageTeam }

/// <summary>One change of a need's state, in its public history.</summary>
public class NeedChange
{
    public int Id { get; set; }
    public int NeedId { get; set; }
    public DateTimeOffset At { get; set; }
    public NeedActor Actor { get; set; }
    public NeedState From { get; set; }
    public NeedState To { get; set; }
    /// <summary>What the triagers say publicly with the change; required when a need is declined.</summary>
    public string? Note { get; set; }
}

/// <summary>A triager's private note on a need: seen by coordinators and the triage groups only.</summary>
public class NeedTriageNote
{
    public int Id { get; set; }
    public int NeedId { get; set; }
    /// <summary>Null once the writer's account is deleted; the note stays with the need.</summary>
    public string? AuthorId { get; set; }
    public DateTimeOffset At { get; set; }
    public string Text { get; set; } = "";
}

/// <summary>A group a coordinator has named to triage needs, beside the small expert team.</summary>
public class NeedTriageGroup
{
    public int GroupId { get; set; }
}

/// <summary>A person who hears by email when a need changes: its raiser and supporters, and anyone who follows it.</summary>
public class NeedFollower
{
    public int NeedId { get; set; }
    public string UserId { get; set; } = "";
    /// <summary>The secret in the "stop these emails" link, which works without signing in.</summary>
    public string StopToken { get; set; } = "";
    public DateTimeOffset FollowedAt { get; set; }
}

/// <summary>
/// The visitor who raised a need without an account: her address, kept only to confirm the need and to tell her what
/// becomes of it. The confirmation link's secret is stored as a hash and works once; an unconfirmed need is deleted
/// when its link expires, and this row goes when she stops the mail or some time after the need is closed
/// (<see cref="Needs.VisitorNeeds"/>).
/// </summary>
public class NeedVisitor
{
    public int NeedId { get; set; }
    public string Email { get; set; } = "";
    /// <summary>The language she wrote in: her mail comes in it.</summary>
    public string Language { get; set; } = "fi";
    /// <summary>SHA-256 of the confirmation link's secret; null once used.</summary>
    public string? ConfirmTokenHash { get; set; }
    public DateTimeOffset ConfirmBy { get; set; }
    /// <summary>The secret in the "stop these emails" link of her mail.</summary>
    public string StopToken { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

public enum FeedbackAnswerKind { WishedTopic, ToDevelop }

/// <summary>
/// One open answer of event feedback that a need was made from (or added to): which survey, which event, which day,
/// and the answer's text. Never the respondent: the survey engine keeps no link from an answer to a person, and the
/// answer is referred to by its anonymous response. Seen by the triagers only; the public page shows the events.
/// </summary>
public class NeedFeedbackSource
{
    public int Id { get; set; }
    public int NeedId { get; set; }
    public FeedbackAnswerKind Kind { get; set; }
    /// <summary>The answer: a wished topic's id, or the response's id for a "what to develop" answer (with its question).</summary>
    public Guid AnswerId { get; set; }
    public int QuestionId { get; set; }
    public int SurveyId { get; set; }
    public int? EventId { get; set; }
    public DateOnly AnsweredOn { get; set; }
    public string Text { get; set; } = "";
}

/// <summary>What the network did for a need: a record of some kind (an event, a material, a group…) that answers it.
/// The kinds are <see cref="INeedAnswerKind"/>s, so a new feature adds its own without a change here.</summary>
public class NeedAnswer
{
    public int Id { get; set; }
    public int NeedId { get; set; }
    /// <summary>The <see cref="INeedAnswerKind.Key"/> of the record's kind, such as "event".</summary>
    public string Kind { get; set; } = "";
    public int TargetId { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    /// <summary>When the followers were told that the answering event took place (events only).</summary>
    public DateTimeOffset? ToldTookPlaceAt { get; set; }
}
