using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using MimeKit;
using MimeKit.Text;
using Yhdessa.Features.Communication.Issues.Data;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Communication.Issues;

/// <summary>
/// The issue as an email in one language: an accessible HTML document (one column that fits a phone, the language set,
/// real headings, alternative texts, underlined links, colours that keep their contrast in dark mode) and the same
/// content as plain text. Built once per language and send run; only the subscriber's own links are added per message.
/// No tracking pixel, no redirected links.
/// </summary>
public sealed class IssueMail
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private const string Style =
        "body{margin:0;padding:0;background:#ffffff;color:#1b1b1b;font-family:Arial,Helvetica,sans-serif;font-size:17px;line-height:1.55}" +
        ".wrap{max-width:600px;margin:0 auto;padding:16px}" +
        "a{color:#0a4d86;text-decoration:underline}" +
        "h1{font-size:26px;line-height:1.25;margin:8px 0}h2{font-size:21px;line-height:1.3;margin:28px 0 4px}" +
        "img{max-width:100%;height:auto;border:0}" +
        ".meta{color:#484848;font-size:15px;margin:4px 0}" +
        ".foot{border-top:1px solid #767676;margin-top:32px;padding-top:12px;font-size:15px;color:#484848}" +
        "@media (prefers-color-scheme: dark){body{background:#141414 !important;color:#f2f2f2 !important}" +
        "a{color:#9ccbff !important}.meta,.foot{color:#d0d0d0 !important}}";

    private readonly string language;
    private readonly string subject;
    private readonly string webUrl;
    private readonly string site;
    private readonly IStringLocalizer c;
    private readonly string htmlBody;
    private readonly string plainBody;

    /// <param name="language">The version's language (the subscriber's, or the coordinator's choice for her).</param>
    public IssueMail(NewsletterIssue issue, IReadOnlyDictionary<int, string> organisations, string language, string site, IStringLocalizer c)
    {
        this.language = language;
        this.site = site;
        this.c = c;
        var text = issue.TextIn(language) ?? new IssueText { Language = language };
        subject = text.Subject;
        webUrl = issue.Number is { } number ? $"{site}/newsletter/archive/{number}/{language}" : $"{site}/newsletter/archive";
        using var _ = Languages.Use(language);
        var when = HelsinkiTime.Date(issue.StartedAt ?? issue.UpdatedAt);
        var masthead = issue.Number is { } n ? c["IssueMasthead", n, when].Value : c["IssueMastheadDraft"].Value;

        var html = new StringBuilder();
        html.Append("<p class=\"meta\"><a href=\"").Append(Html.Encode(webUrl)).Append("\">").Append(Html.Encode(c["ReadOnTheWeb"])).Append("</a></p>");
        html.Append("<h1>").Append(Html.Encode(subject)).Append("</h1>");
        html.Append("<p class=\"meta\">").Append(Html.Encode(masthead)).Append("</p>");
        html.Append(SafeMarkdown.ToHtml(text.Editorial));
        var plain = new StringBuilder();
        plain.Append(subject).Append('\n').Append(masthead).Append("\n\n");
        plain.Append(c["ReadOnTheWeb"]).Append(": ").Append(webUrl).Append("\n\n");
        plain.Append(SafeMarkdown.ToPlainText(text.Editorial).Trim()).Append("\n\n");
        foreach (var entry in issue.Entries.OrderBy(e => e.Position))
        {
            var lang = entry.Language == language ? "" : $" lang=\"{entry.Language}\"";
            var credit = Credit(entry, organisations);
            html.Append("<h2").Append(lang).Append('>').Append(Html.Encode(entry.Title)).Append("</h2>");
            if (credit.Length > 0) html.Append("<p class=\"meta\">").Append(Html.Encode(credit)).Append("</p>");
            if (entry.ImageId is { } image)
                html.Append("<p><img src=\"").Append(Html.Encode($"{site}/news/images/{image}")).Append("\" alt=\"")
                    .Append(Html.Encode(entry.ImageAlt ?? "")).Append("\" width=\"568\"></p>");
            html.Append("<div").Append(lang).Append('>').Append(SafeMarkdown.ToHtml(entry.Text)).Append("</div>");
            if (entry.Link is { } link)
                html.Append("<p><a href=\"").Append(Html.Encode(link)).Append('"').Append(lang).Append('>')
                    .Append(Html.Encode(c["EntryReadMore", entry.Title])).Append("</a></p>");
            plain.Append("## ").Append(entry.Title).Append('\n');
            if (credit.Length > 0) plain.Append(credit).Append('\n');
            plain.Append('\n').Append(SafeMarkdown.ToPlainText(entry.Text).Trim()).Append("\n\n");
            if (entry.Link is { } plainLink) plain.Append(plainLink).Append("\n\n");
        }
        htmlBody = html.ToString();
        plainBody = plain.ToString();
    }

    public string Subject => subject;

    public string WebUrl => webUrl;

    /// <summary>"Organisation · in Finnish": who the entry is credited to, and its language when it is not the version's.</summary>
    private string Credit(IssueEntry entry, IReadOnlyDictionary<int, string> organisations)
    {
        var parts = new List<string>();
        if (entry.OrganisationId is { } id && organisations.TryGetValue(id, out var name)) parts.Add(name);
        if (entry.Language != language) parts.Add(c["WrittenIn_" + entry.Language]);
        return string.Join(" · ", parts);
    }

    public string PreferencesUrl(string? manageToken) =>
        manageToken is null ? $"{site}/newsletter?culture={language}" : $"{site}/newsletter/preferences/{manageToken}?culture={language}";

    public string UnsubscribeUrl(string? manageToken) =>
        manageToken is null ? $"{site}/newsletter?culture={language}" : $"{site}/newsletter/unsubscribe/{manageToken}?culture={language}";

    /// <summary>The whole HTML document and plain text for one subscriber (her links in the footer); null token: a preview
    /// or a test, whose footer links go to the subscription page.</summary>
    public (string Html, string Plain) For(string? manageToken)
    {
        using var _ = Languages.Use(language);
        var preferences = PreferencesUrl(manageToken);
        var unsubscribe = UnsubscribeUrl(manageToken);
        var html = new StringBuilder(htmlBody.Length + 2000);
        html.Append("<!DOCTYPE html><html lang=\"").Append(language).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"color-scheme\" content=\"light dark\"><meta name=\"supported-color-schemes\" content=\"light dark\">")
            .Append("<title>").Append(Html.Encode(subject)).Append("</title><style>").Append(Style).Append("</style></head>")
            .Append("<body><main class=\"wrap\">").Append(htmlBody)
            .Append("<footer class=\"foot\"><p>").Append(Html.Encode(c["MailFooterWhy"])).Append("</p><p>")
            .Append("<a href=\"").Append(Html.Encode(preferences)).Append("\">").Append(Html.Encode(c["MailFooterPreferences"])).Append("</a> · ")
            .Append("<a href=\"").Append(Html.Encode(unsubscribe)).Append("\">").Append(Html.Encode(c["MailFooterUnsubscribe"])).Append("</a></p><p>")
            .Append(Html.Encode(c["MailFooterNoTracking"])).Append("</p></footer></main></body></html>");
        var plain = new StringBuilder(plainBody.Length + 600).Append(plainBody).Append("--\n")
            .Append(c["MailFooterWhy"]).Append('\n')
            .Append(c["MailFooterPreferences"]).Append(": ").Append(preferences).Append('\n')
            .Append(c["MailFooterUnsubscribe"]).Append(": ").Append(unsubscribe).Append('\n')
            .Append(c["MailFooterNoTracking"]).Append('\n');
        return (html.ToString(), plain.ToString());
    }

    /// <summary>The message to one subscriber, with the one-click unsubscribe headers of RFC 8058 and a Message-Id that stays the
    /// same for the same delivery, so that a receiving server could tell a copy.</summary>
    public MimeMessage Message(string from, string to, string? manageToken, string messageId)
    {
        var (html, plain) = For(manageToken);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.MessageId = messageId;
        if (manageToken is not null)
        {
            message.Headers.Add("List-Unsubscribe", $"<{UnsubscribeUrl(manageToken)}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        message.Headers.Add("List-Id", $"{c["NewsletterListName"]} <newsletter.{new Uri(site).Host}>");
        message.Headers.Add(HeaderId.ContentLanguage, language);
        var alternative = new MultipartAlternative
        {
            new TextPart(TextFormat.Plain) { Text = plain, ContentTransferEncoding = ContentEncoding.QuotedPrintable },
            new TextPart(TextFormat.Html) { Text = html, ContentTransferEncoding = ContentEncoding.QuotedPrintable },
        };
        message.Body = alternative;
        return message;
    }
}
