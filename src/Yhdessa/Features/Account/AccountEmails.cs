using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Account;

/// <summary>
/// The account's email, written in the recipient's language, as plain text and HTML. Links are built from
/// <see cref="PlatformOptions.BaseUrl"/> only: a forged Host header must never put another site into a reset link.
/// </summary>
public sealed class AccountEmails(
    EmailOutbox outbox, IStringLocalizer<AccountText> text, IOptions<PlatformOptions> options, IDataProtectionProvider protection)
{
    // Links name the account by its id and carry no address in the clear: addresses in URLs end up in access
    // logs, browser histories and proxies. The new address of an email change travels encrypted instead.
    private readonly IDataProtector newAddress = protection.CreateProtector("Yhdessa.Account.NewAddress");

    public string ResetLink(User user, string token) =>
        Link("/account/reset-password", ("userId", user.Id), ("token", token));

    public string ConfirmLink(User user, string token) =>
        Link("/account/confirm-email", ("userId", user.Id), ("token", token));

    public string EmailChangeLink(User user, string newEmail, string token) =>
        Link("/account/confirm-email-change", ("userId", user.Id), ("address", newAddress.Protect(newEmail)), ("token", token));

    /// <summary>The new address from an email-change link, or null when the link was tampered with.</summary>
    public string? NewAddressIn(string address)
    {
        try { return newAddress.Unprotect(address); }
        catch (Exception exception) when (exception is System.Security.Cryptography.CryptographicException or FormatException) { return null; }
    }

    private string Link(string path, params (string Name, string Value)[] query)
    {
        var url = options.Value.BaseUrl.TrimEnd('/') + path;
        if (query.Length > 0)
            url += "?" + string.Join("&", query.Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value)}"));
        return url;
    }

    public void ConfirmAddress(User user, string link) =>
        Send(user, user.Email!, "MailConfirmSubject", "MailConfirmBody", link);

    public void ConfirmNewAddress(User user, string newEmail, string link) =>
        Send(user, newEmail, "MailChangeEmailSubject", "MailChangeEmailBody", link);

    /// <summary>To the old address after a change, so that a taken-over account does not go unnoticed.</summary>
    public void EmailChanged(User user, string oldEmail) =>
        Send(user, oldEmail, "MailEmailChangedSubject", "MailEmailChangedBody", null);

    /// <summary>To the owner of an address that someone tried to sign up with again; they may reset the password.</summary>
    public void SignUpAttempted(User owner, string resetLink) =>
        Send(owner, owner.Email!, "MailSignUpAttemptSubject", "MailSignUpAttemptBody", resetLink);

    public void ResetPassword(User user, string link) =>
        Send(user, user.Email!, "MailResetSubject", "MailResetBody", link);

    /// <summary>To the owner when two-step sign-in is turned off, so that a taken-over session does not go unnoticed.</summary>
    public void TwoFactorDisabled(User user) =>
        Send(user, user.Email!, "MailTwoFactorDisabledSubject", "MailTwoFactorDisabledBody", null);

    public void PasswordChanged(User user) =>
        Send(user, user.Email!, "MailPasswordChangedSubject", "MailPasswordChangedBody", null);

    private void Send(User user, string to, string subjectKey, string bodyKey, string? link)
    {
        using var _ = Languages.Use(user.PreferredLanguage);
        var subject = text[subjectKey].Value;
        var greeting = text["MailGreeting", user.DisplayName].Value;
        var body = text[bodyKey].Value;
        var closing = text["MailClosing"].Value;
        var textBody = link is null
            ? $"{greeting}\n\n{body}\n\n{closing}\n"
            : $"{greeting}\n\n{body}\n\n{link}\n\n{closing}\n";
        var html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        // The long link wraps anywhere: unbroken, it would make a phone's mail program scroll sideways.
        var linkHtml = link is null ? "" : $"<p style=\"overflow-wrap: anywhere; word-break: break-all\"><a href=\"{html.Encode(link)}\">{html.Encode(link)}</a></p>";
        // A whole document with its language and title, so that a screen reader in a mail program reads it in the right voice.
        var htmlBody = $"<!DOCTYPE html><html lang=\"{CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}\"><head><meta charset=\"utf-8\">" +
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
            $"<title>{html.Encode(subject)}</title></head><body><p>{html.Encode(greeting)}</p><p>{html.Encode(body)}</p>{linkHtml}" +
            $"<p>{html.Encode(closing)}</p></body></html>";
        outbox.Enqueue(to, subject, textBody, htmlBody, userId: user.Id);
    }
}
