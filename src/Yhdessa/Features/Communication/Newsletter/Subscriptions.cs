using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Communication.Newsletter.Data;
using Yhdessa.Platform;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Communication.Newsletter;

public enum ConfirmResult { Confirmed, Expired, Unknown }

/// <summary>
/// The newsletter's list. Anyone asks to subscribe with an address, a language and topics; nothing is sent to the
/// address but the confirmation link until she opens it (double opt-in). What she agreed to is kept word for word with
/// each step (<see cref="SubscriptionConsent"/>). The answer to a request is the same whatever the state of the
/// address, and an address gets at most one mail an hour however often it is asked for, so the form tells no one who
/// is subscribed and fills no one's mailbox.
/// </summary>
public sealed class Subscriptions(YhdessaDb db, EmailOutbox outbox, IStringLocalizer<CommunicationText> c, IOptions<PlatformOptions> platform,
    TimeProvider clock)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(48);
    public static readonly TimeSpan OneMailPer = TimeSpan.FromHours(1);

    /// <summary>How an address is compared: NFC, trimmed, lower case.</summary>
    public static string KeyOf(string email) => InputRules.CleanEmail(email).ToLowerInvariant();

    /// <summary>A visitor's request (or a member's with another address): a confirmation link goes to the address.</summary>
    public async Task RequestAsync(string email, string language, IReadOnlyCollection<int> themeIds, CancellationToken cancellationToken)
    {
        var key = KeyOf(email);
        var now = clock.GetUtcNow();
        var subscription = await WithTopics().FirstOrDefaultAsync(s => s.EmailKey == key, cancellationToken);
        if (subscription?.LastMailedAt > now - OneMailPer) return;
        if (subscription is null)
        {
            subscription = new Subscription { Email = InputRules.CleanEmail(email), EmailKey = key, CreatedAt = now, ManageToken = NewSecret() };
            db.Subscriptions.Add(subscription);
        }
        subscription.LastMailedAt = now;
        if (subscription.State == SubscriptionState.Active)
        {
            // Already subscribed: she gets her preferences link, and the list stays as it was.
            using (Languages.Use(subscription.Language)) Mail(subscription, "MailAlreadySubject", ["MailAlreadyBody"], ("MailPreferencesLink", PreferencesUrl(subscription)));
        }
        else
        {
            var secret = NewSecret();
            (subscription.State, subscription.Language, subscription.ConfirmHash, subscription.ConfirmExpiresAt) =
                (SubscriptionState.Pending, language, Hash(secret), now + LinkLifetime);
            SetTopics(subscription, themeIds);
            Consent(subscription, ConsentAction.Requested, language, now);
            using (Languages.Use(language))
                Mail(subscription, "MailConfirmSubject", ["MailConfirmBody", "MailConfirmNotYou"],
                    ("MailConfirmLink", $"{Site}/newsletter/confirm/{secret}?culture={language}"));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (subscription.Id == 0)
        {
            // The same address asked for at the same moment by another request, which mailed it: nothing more to do.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>A signed-in member subscribes her account's confirmed address: active at once.</summary>
    public async Task SubscribeMemberAsync(string userId, string email, string language, IReadOnlyCollection<int> themeIds, CancellationToken cancellationToken)
    {
        var key = KeyOf(email);
        var now = clock.GetUtcNow();
        var subscription = await WithTopics().FirstOrDefaultAsync(s => s.EmailKey == key, cancellationToken);
        if (subscription is null)
        {
            subscription = new Subscription { Email = InputRules.CleanEmail(email), EmailKey = key, CreatedAt = now, ManageToken = NewSecret() };
            db.Subscriptions.Add(subscription);
        }
        (subscription.UserId, subscription.State, subscription.Language, subscription.ConfirmHash, subscription.ConfirmedAt, subscription.UnsubscribedAt) =
            (userId, SubscriptionState.Active, language, null, now, null);
        SetTopics(subscription, themeIds);
        Consent(subscription, ConsentAction.Confirmed, language, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The subscription a confirmation link is for, while it works.</summary>
    public Task<Subscription?> WaitingAsync(string secret, CancellationToken cancellationToken)
    {
        var hash = Hash(secret);
        var now = clock.GetUtcNow();
        return db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.ConfirmHash == hash && s.ConfirmExpiresAt > now, cancellationToken);
    }

    public Task<bool> HasExpiredAsync(string secret, CancellationToken cancellationToken)
    {
        var hash = Hash(secret);
        var now = clock.GetUtcNow();
        return db.Subscriptions.AnyAsync(s => s.ConfirmHash == hash && s.ConfirmExpiresAt <= now, cancellationToken);
    }

    public async Task<ConfirmResult> ConfirmAsync(string secret, CancellationToken cancellationToken)
    {
        var hash = Hash(secret);
        var now = clock.GetUtcNow();
        if (await db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.ConfirmHash == hash, cancellationToken) is not { } subscription)
            return ConfirmResult.Unknown;
        if (subscription.ConfirmExpiresAt <= now) return ConfirmResult.Expired;
        // Two presses at once: only the one whose update takes the secret away confirms.
        if (await db.Subscriptions.Where(s => s.Id == subscription.Id && s.ConfirmHash == hash)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConfirmHash, (string?)null)
                    .SetProperty(x => x.State, SubscriptionState.Active)
                    .SetProperty(x => x.ConfirmedAt, now)
                    .SetProperty(x => x.UnsubscribedAt, (DateTimeOffset?)null)
                    .SetProperty(x => x.Refusals, 0), cancellationToken) == 0)
            return ConfirmResult.Unknown;
        db.SubscriptionConsents.Add(new SubscriptionConsent
        {
            SubscriptionId = subscription.Id, Action = ConsentAction.Confirmed, At = now, Language = subscription.Language,
            Text = ConsentText(ConsentAction.Confirmed, subscription.Language),
        });
        await db.SaveChangesAsync(cancellationToken);
        return ConfirmResult.Confirmed;
    }

    /// <summary>The subscription of a preferences or unsubscribe link; an unsubscribed one still, so that she can come back.</summary>
    public Task<Subscription?> ByManageTokenAsync(string token, CancellationToken cancellationToken) =>
        WithTopics().FirstOrDefaultAsync(s => s.ManageToken == token, cancellationToken);

    public async Task ChangeAsync(Subscription subscription, string language, IReadOnlyCollection<int> themeIds, CancellationToken cancellationToken)
    {
        subscription.Language = language;
        SetTopics(subscription, themeIds);
        Consent(subscription, ConsentAction.Changed, language, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Stops the newsletter to the address at once; the row is deleted after <see cref="SubscriptionRetention.KeptAfterUnsubscribing"/>.</summary>
    public async Task UnsubscribeAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        if (subscription.State == SubscriptionState.Unsubscribed) return;
        var now = clock.GetUtcNow();
        (subscription.State, subscription.UnsubscribedAt, subscription.ConfirmHash) = (SubscriptionState.Unsubscribed, now, null);
        Consent(subscription, ConsentAction.Unsubscribed, subscription.Language, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Comes back after unsubscribing, from the same link: active again without a new confirmation, as the
    /// link proves the address.</summary>
    public async Task ResubscribeAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        (subscription.State, subscription.UnsubscribedAt, subscription.ConfirmedAt, subscription.Refusals) = (SubscriptionState.Active, null, now, 0);
        Consent(subscription, ConsentAction.Confirmed, subscription.Language, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    public string PreferencesUrl(Subscription subscription) => $"{Site}/newsletter/preferences/{subscription.ManageToken}?culture={subscription.Language}";

    public string UnsubscribeUrl(Subscription subscription) => $"{Site}/newsletter/unsubscribe/{subscription.ManageToken}?culture={subscription.Language}";

    /// <summary>What she agrees to by each step, in her language: stored word for word with the step.</summary>
    public string ConsentText(ConsentAction action, string language)
    {
        using (Languages.Use(language)) return c["Consent_" + action].Value;
    }

    private IQueryable<Subscription> WithTopics() => db.Subscriptions.Include(s => s.Topics);

    private string Site => platform.Value.BaseUrl.TrimEnd('/');

    private void SetTopics(Subscription subscription, IReadOnlyCollection<int> themeIds)
    {
        subscription.Topics.Clear();
        subscription.Topics.AddRange(themeIds.Distinct().Select(id => new SubscriptionTopic { ThemeId = id }));
    }

    private void Consent(Subscription subscription, ConsentAction action, string language, DateTimeOffset at) =>
        subscription.Consents.Add(new SubscriptionConsent { Action = action, At = at, Language = language, Text = ConsentText(action, language) });

    private void Mail(Subscription subscription, string subject, string[] paragraphs, (string Text, string Url) link)
    {
        var (plain, html) = SimpleMail.Compose(c[subject], paragraphs.Select(p => c[p].Value), [(c[link.Text].Value, link.Url)], c["MailSignature"]);
        outbox.Enqueue(subscription.Email, c[subject], plain, html, userId: subscription.UserId);
    }

    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
