using Yhdessa.Features.Network.Data;

namespace Yhdessa.Features.Events.Registration.Data;

/// <summary>
/// Where a registration stands. Only <see cref="Confirmed"/> and <see cref="Offered"/> hold a seat: an offered seat
/// is kept for the person until <see cref="EventRegistration.OfferExpiresAt"/>.
/// </summary>
public enum RegistrationStatus { AwaitingApproval, Confirmed, Waiting, Offered, Cancelled, Declined }

public enum Attendance { Unmarked, Attended, NoShow }

/// <summary>Why a registration went to the waiting list, so the person is told why.</summary>
public enum WaitingReason { Full, OrganisationCap, ReservedSeats }

/// <summary>Why a registration ended, for the person's own list and the anonymous counts.</summary>
public enum CancellationReason { ByParticipant, ByCoordinator, OfferExpired, LeftWaitingList, EventCancelled }

/// <summary>Who the reserved seats are held for until their release date.</summary>
public enum ReservedGroup { ExpertsByExperience, Cities }

public enum QuestionKind { Text, Choice }

/// <summary>
/// The registration rules of one event (1:1 with <c>Event</c>, keyed by its id). The capacity itself is
/// <c>Event.Capacity</c>. The row is also the lock that serialises registrations for one event: every change
/// that takes or frees a seat first bumps <see cref="Version"/>, which makes PostgreSQL queue the writers on
/// this row and SQLite take its write lock, so seats are counted and taken without a race.
/// </summary>
public class EventRegistrationSettings
{
    public int EventId { get; set; }
    public bool RequiresApproval { get; set; }
    /// <summary>How long a freed seat is held for the person it was offered to.</summary>
    public int OfferHoldHours { get; set; } = RegistrationLimits.DefaultOfferHoldHours;
    /// <summary>At most this many seats for one organisation; null for no cap.</summary>
    public int? CapPerOrganisation { get; set; }
    public int ReservedSeats { get; set; }
    public ReservedGroup? ReservedFor { get; set; }
    /// <summary>After this moment the reserved seats are open to everyone; null keeps them reserved.</summary>
    public DateTimeOffset? ReservedUntil { get; set; }
    public long Version { get; set; }
}

/// <summary>A custom question of one event: free text or one choice among options.</summary>
public class EventQuestion
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public QuestionKind Kind { get; set; }
    public string TextFi { get; set; } = "";
    public string? TextSv { get; set; }
    public string? TextEn { get; set; }
    public bool IsRequired { get; set; }
    public int Position { get; set; }
    public List<EventQuestionOption> Options { get; set; } = [];
    public string Text => Localized.Pick(TextFi, TextSv, TextEn);
}

public class EventQuestionOption
{
    public int Id { get; set; }
    public int QuestionId { get; set; }
    public string TextFi { get; set; } = "";
    public string? TextSv { get; set; }
    public string? TextEn { get; set; }
    public int Position { get; set; }
    public string Text => Localized.Pick(TextFi, TextSv, TextEn);
}

/// <summary>
/// One person's registration to one event: a member (<see cref="UserId"/>) or a guest (null). The name, email,
/// organisation name, needs and answers are personal data and are erased by the retention job
/// (<see cref="PersonalDataErasedAt"/>) or when the person deletes their account; the status, attendance and
/// <see cref="OrganisationSector"/> stay as anonymous counts.
/// </summary>
public class EventRegistration
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public string? UserId { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    /// <summary>Trimmed and lower-cased: one live registration per address and event (a unique index).</summary>
    public string? EmailNormalized { get; set; }
    public int? OrganisationId { get; set; }
    public string? OrganisationName { get; set; }
    /// <summary>Kept after erasure for anonymous counts by sector.</summary>
    public Sector? OrganisationSector { get; set; }
    /// <summary>fi, sv or en: the language of the email this registration gets.</summary>
    public string Language { get; set; } = "fi";
    /// <summary>The person's own choice, only used for seats reserved for experts by experience.</summary>
    public bool IsExpertByExperience { get; set; }
    /// <summary>Whether the person belongs to the event's reserved group, decided when they registered.</summary>
    public bool InReservedGroup { get; set; }
    public RegistrationStatus Status { get; set; }
    public WaitingReason? WaitingReason { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public DateTimeOffset? OfferedAt { get; set; }
    public DateTimeOffset? OfferExpiresAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public CancellationReason? CancellationReason { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public DateTimeOffset? ReminderSentAt { get; set; }
    public Attendance Attendance { get; set; }
    public DateTimeOffset? CheckedInAt { get; set; }
    public string? DietaryNeeds { get; set; }
    public string? AccessibilityNeeds { get; set; }
    /// <summary>When the dietary and accessibility needs were deleted (the day after the event).</summary>
    public DateTimeOffset? NeedsErasedAt { get; set; }
    public DateTimeOffset? PersonalDataErasedAt { get; set; }
    public List<RegistrationAnswer> Answers { get; set; } = [];

    public bool HoldsSeat => Status is RegistrationStatus.Confirmed or RegistrationStatus.Offered;
    public bool IsLive => Status is not (RegistrationStatus.Cancelled or RegistrationStatus.Declined);

    /// <summary>
    /// Clears who the person was: account link, name, address, organisation, needs. The caller removes the answers.
    /// Status, attendance and sector stay, so the event's counts stay right without telling whose they are.
    /// </summary>
    public void ErasePersonalData(DateTimeOffset now)
    {
        UserId = null;
        Name = "";
        Email = "";
        EmailNormalized = null;
        OrganisationId = null;
        OrganisationName = null;
        DietaryNeeds = null;
        AccessibilityNeeds = null;
        NeedsErasedAt ??= now;
        PersonalDataErasedAt = now;
    }
}

/// <summary>An answer to a custom question: text for a text question, an option for a choice.</summary>
public class RegistrationAnswer
{
    public int Id { get; set; }
    public int RegistrationId { get; set; }
    public int QuestionId { get; set; }
    public string? Text { get; set; }
    public int? OptionId { get; set; }
}
