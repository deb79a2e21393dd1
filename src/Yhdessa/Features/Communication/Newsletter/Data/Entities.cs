using Yhdessa.Features.Events.Data;

namespace Yhdessa.Features.Communication.Newsletter.Data;

/// <summary>Pending until the address is confirmed by the link mailed to it (double opt-in); active; or unsubscribed
/// (deleted after <see cref="SubscriptionRetention"/>'s period).</summary>
public enum SubscriptionState { Pending, Active, Unsubscribed }

/// <summary>
/// One address on the newsletter's list, with its language and topics. The address is kept as it was written
/// (<see cref="Email"/>) and as it is compared (<see cref="EmailKey"/>: NFC, lower case), so that one person has one
/// subscription however she writes her address.
/// </summary>
public class Subscription
{
    public long Id { get; set; }
    public string Email { get; set; } = "";
    public string EmailKey { get; set; } = "";
    /// <summary>fi, sv or en: the language of the newsletter she gets.</summary>
    public string Language { get; set; } = "fi";
    public SubscriptionState State { get; set; }
    /// <summary>The member's account when she subscribed from it; null for a visitor's address.</summary>
    public string? UserId { get; set; }
    /// <summary>The SHA-256 of the confirmation link's secret; null once used.</summary>
    public string? ConfirmHash { get; set; }
    public DateTimeOffset? ConfirmExpiresAt { get; set; }
    /// <summary>When a mail about the subscription was last sent: a second request within an hour sends none.</summary>
    public DateTimeOffset? LastMailedAt { get; set; }
    /// <summary>The secret of the links in every newsletter that change preferences or unsubscribe without signing in.</summary>
    public string ManageToken { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public DateTimeOffset? UnsubscribedAt { get; set; }
    /// <summary>Permanent refusals of the receiving server in a row; at the configured limit the address is skipped.</summary>
    public int Refusals { get; set; }

    public List<SubscriptionTopic> Topics { get; set; } = [];
    public List<SubscriptionConsent> Consents { get; set; } = [];
}

/// <summary>A topic she wants news of; the network's themes. No topic means everything.</summary>
public class SubscriptionTopic
{
    public long SubscriptionId { get; set; }
    public int ThemeId { get; set; }
    public EventTheme? Theme { get; set; }
}

public enum ConsentAction { Requested, Confirmed, Changed, Unsubscribed }

/// <summary>What she agreed to, when and in which language: the record of her consent, shown in "download my data".</summary>
public class SubscriptionConsent
{
    public long Id { get; set; }
    public long SubscriptionId { get; set; }
    public ConsentAction Action { get; set; }
    public DateTimeOffset At { get; set; }
    public string Language { get; set; } = "fi";
    /// <summary>The text she was shown when she acted, word for word.</summary>
    public string Text { get; set; } = "";
}
