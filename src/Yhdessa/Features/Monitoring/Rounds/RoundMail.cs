using System.Text;
using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Monitoring.Rounds;

/// <summary>The emails of collection rounds, to each reporter of a unit in the reporter's own language. The mail
/// names the round and the unit and links to the report; it never carries any of the data. Queued in the
/// caller's unit of work.</summary>
public sealed class RoundMail(YhdessaDb db, EmailOutbox outbox, IStringLocalizer<MonitoringText> text,
    IOptions<PlatformOptions> options)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>The deadline is near and the unit has not submitted.</summary>
    public Task<int> ReminderAsync(CollectionRound round, ReportingUnit unit, CancellationToken cancellationToken) =>
        SendAsync(round, unit, "MailReminderSubject", "MailReminderBody", null, cancellationToken);

    /// <summary>A coordinator returned the unit's report with a comment.</summary>
    public Task<int> ReturnedAsync(CollectionRound round, ReportingUnit unit, string comment, CancellationToken cancellationToken) =>
        SendAsync(round, unit, "MailReturnedSubject", "MailReturnedBody", comment, cancellationToken);

    /// <summary>A round was opened with the unit in it.</summary>
    public Task<int> OpenedAsync(CollectionRound round, ReportingUnit unit, CancellationToken cancellationToken) =>
        SendAsync(round, unit, "MailOpenedSubject", "MailOpenedBody", null, cancellationToken);

    private async Task<int> SendAsync(CollectionRound round, ReportingUnit unit, string subjectKey, string bodyKey, string? comment,
        CancellationToken cancellationToken)
    {
        var reporters = await (from r in db.ReportingUnitReporters
                               join u in db.Users on r.UserId equals u.Id
                               where r.UnitId == unit.Id && !u.IsDisabled && u.Email != null
                               select new { u.Id, u.Email, u.DisplayName, u.PreferredLanguage }).ToListAsync(cancellationToken);
        foreach (var reporter in reporters)
        {
            using var _ = Languages.Use(reporter.PreferredLanguage);
            var language = Languages.Current;
            var link = $"{options.Value.BaseUrl.TrimEnd('/')}/monitoring/report/{round.Id}/{unit.Id}?culture={language}";
            var subject = text[subjectKey, round.Name].Value;
            var greeting = text["MailGreeting", reporter.DisplayName].Value;
            var body = text[bodyKey, round.Name, unit.Name, MonitoringDisplay.Date(round.Deadline)].Value;
            var plain = new StringBuilder().Append(greeting).Append("\n\n").Append(body).Append("\n\n");
            if (comment is not null) plain.Append(text["MailComment"].Value).Append(":\n").Append(comment).Append("\n\n");
            plain.Append(link).Append("\n\n").Append(text["MailSignature"].Value).Append('\n');
            var html = new StringBuilder().Append("<!DOCTYPE html><html lang=\"").Append(language)
                .Append("\"><head><meta charset=\"utf-8\"><title>").Append(Html.Encode(subject)).Append("</title></head><body>")
                .Append("<p>").Append(Html.Encode(greeting)).Append("</p><p>").Append(Html.Encode(body)).Append("</p>");
            if (comment is not null)
                html.Append("<p>").Append(Html.Encode(text["MailComment"].Value)).Append(":</p><blockquote>")
                    .Append(Html.Encode(comment).Replace("\n", "<br>")).Append("</blockquote>");
            html.Append("<p><a href=\"").Append(Html.Encode(link)).Append("\">").Append(Html.Encode(text["MailOpenReport"].Value))
                .Append("</a></p><p>").Append(Html.Encode(text["MailSignature"].Value)).Append("</p></body></html>");
            outbox.Enqueue(reporter.Email!, subject, plain.ToString(), html.ToString(), userId: reporter.Id);
        }
        return reporters.Count;
    }
}
