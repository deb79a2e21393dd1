using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Surveys.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Surveys;

/// <summary>Someone to invite: where to send, how to greet, in which language (fi, sv or en).</summary>
public sealed record SurveyRecipient(string Email, string Name, string Language);

/// <summary>The personal answer link of one invited person. It exists only here and in their email.</summary>
public sealed record SurveyLink(string Email, string Url);

/// <summary>Invites people to answer a survey, each with a one-time link, and reminds those who have not answered.</summary>
public interface ISurveyInvitations
{
    /// <summary>Invites each recipient not invited yet (by email) and emails them their link in their language.</summary>
    Task<IReadOnlyList<SurveyLink>> InviteAsync(int surveyId, IEnumerable<SurveyRecipient> recipients, CancellationToken cancellationToken = default);

    /// <summary>Emails a fresh link to everyone who has not answered; their earlier link stops working. Returns how many.</summary>
    Task<int> RemindAsync(int surveyId, CancellationToken cancellationToken = default);

    /// <summary>For a signed-in person, a fresh answer link (a path) to a survey she was invited to and has not answered,
    /// or null. Her emailed link stops working, as after a reminder: only one link is live at a time.</summary>
    Task<string?> OpenOwnAsync(int surveyId, string email, CancellationToken cancellationToken = default);
}

public sealed class SurveyInvitations(YhdessaDb db, EmailOutbox outbox, IStringLocalizer<SurveyText> text,
    IOptions<PlatformOptions> options, TimeProvider clock) : ISurveyInvitations
{
    public async Task<IReadOnlyList<SurveyLink>> InviteAsync(int surveyId, IEnumerable<SurveyRecipient> recipients,
        CancellationToken cancellationToken = default)
    {
        var survey = await db.Surveys.FirstOrDefaultAsync(s => s.Id == surveyId, cancellationToken)
            ?? throw new ArgumentException($"No survey {surveyId}", nameof(surveyId));
        var invited = (await db.SurveyInvitations.Where(i => i.SurveyId == surveyId).Select(i => i.Email).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var links = new List<SurveyLink>();
        foreach (var recipient in recipients)
        {
            var email = recipient.Email.Trim();
            if (email.Length == 0 || !invited.Add(email)) continue;
            var language = Languages.All.Contains(recipient.Language) ? recipient.Language : Languages.Finnish;
            var (token, hash) = NewToken();
            db.SurveyInvitations.Add(new SurveyInvitation
            {
                SurveyId = surveyId, TokenHash = hash, Email = email, Name = recipient.Name.Trim(), Language = language,
                InvitedAt = clock.GetUtcNow(),
            });
            var link = Link(token, language);
            Mail(survey, email, recipient.Name.Trim(), language, link, reminder: false);
            links.Add(new SurveyLink(email, link));
        }
        await db.SaveChangesAsync(cancellationToken);
        return links;
    }

    public async Task<int> RemindAsync(int surveyId, CancellationToken cancellationToken = default)
    {
        var survey = await db.Surveys.FirstAsync(s => s.Id == surveyId, cancellationToken);
        var waiting = await db.SurveyInvitations.Where(i => i.SurveyId == surveyId && i.AnsweredOn == null).ToListAsync(cancellationToken);
        foreach (var invitation in waiting)
        {
            // Only the hash is kept, so the reminder carries a new token.
            var (token, hash) = NewToken();
            invitation.TokenHash = hash;
            invitation.RemindedAt = clock.GetUtcNow();
            Mail(survey, invitation.Email, invitation.Name, invitation.Language, Link(token, invitation.Language), reminder: true);
        }
        await db.SaveChangesAsync(cancellationToken);
        return waiting.Count;
    }

    public async Task<string?> OpenOwnAsync(int surveyId, string email, CancellationToken cancellationToken = default)
    {
        var invitation = await db.SurveyInvitations
            .FirstOrDefaultAsync(i => i.SurveyId == surveyId && i.Email.ToLower() == email.ToLower() && i.AnsweredOn == null, cancellationToken);
        if (invitation is null) return null;
        var (token, hash) = NewToken();
        invitation.TokenHash = hash;
        await db.SaveChangesAsync(cancellationToken);
        return $"/surveys/answer/{token}";
    }

    /// <summary>The SHA-256 of the token, as stored. A token has 256 random bits, so a plain hash is enough.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static (string Token, string Hash) NewToken()
    {
        var token = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    // The link opens the form in the language of the invitation.
    private string Link(string token, string language) =>
        $"{options.Value.BaseUrl.TrimEnd('/')}/surveys/answer/{token}?culture={language}";

    private void Mail(Survey survey, string to, string name, string language, string link, bool reminder)
    {
        using var _ = Languages.Use(language);
        var title = survey.Title(language);
        var subject = text[reminder ? "MailReminderSubject" : "MailInviteSubject", title].Value;
        var greeting = text["MailGreeting", name].Value;
        var body = text[reminder ? "MailReminderBody" : "MailInviteBody", title].Value;
        var closes = survey.ClosesOn is { } day
            ? text["MailClosesOn", HelsinkiTime.Day(day)].Value + "\n\n" : "";
        var anonymity = text["MailAnonymity"].Value;
        var textBody = $"{greeting}\n\n{body}\n\n{link}\n\n{closes}{anonymity}\n";
        var html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        var htmlBody = $"<p>{html.Encode(greeting)}</p><p>{html.Encode(body)}</p><p><a href=\"{html.Encode(link)}\">{html.Encode(link)}</a></p>"
            + (closes.Length > 0 ? $"<p>{html.Encode(closes.Trim())}</p>" : "") + $"<p>{html.Encode(anonymity)}</p>";
        outbox.Enqueue(to, subject, textBody, htmlBody);
    }
}
