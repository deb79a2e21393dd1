using Yhdessa.Platform.Data;

namespace Yhdessa.Platform.Email;

/// <summary>Queues email. The message is saved with the caller's next <c>SaveChangesAsync</c>, so it is
/// sent only if the change that caused it is saved.</summary>
public sealed class EmailOutbox(YhdessaDb db, TimeProvider clock)
{
    /// <param name="attachments">Files sent with the message, e.g. an event's calendar file.</param>
    /// <param name="userId">The account the message concerns, if any: its mail is erased with it.</param>
    public void Enqueue(string to, string subject, string textBody, string? htmlBody = null,
        IEnumerable<EmailAttachment>? attachments = null, string? userId = null)
    {
        db.Add(new OutgoingEmail
        {
            To = to,
            UserId = userId,
            Subject = subject,
            TextBody = textBody,
            HtmlBody = htmlBody,
            CreatedAt = clock.GetUtcNow(),
            Attachments = (attachments ?? []).Select(a => new OutgoingEmailAttachment
            { FileName = a.FileName, ContentType = a.ContentType, Content = a.Content }).ToList(),
        });
    }
}
