using Yhdessa.Platform.Data;

namespace Yhdessa.Platform.Email;

/// <summary>Queues email. The message is saved with the caller's next <c>SaveChangesAsync</c>, so it is
/// sent only if the change that caused it is saved.</summary>
public sealed class EmailOutbox(YhdessaDb db, TimeProvider clock)
{
    public void Enqueue(string to, string subject, string textBody, string? htmlBody = null,
        IEnumerable<EmailAttachment>? attachments = null)
    {
        db.Add(new OutgoingEmail
        {
            To = to,
            Subject = subject,
            TextBody = textBody,
            HtmlBody = htmlBody,
            CreatedAt = clock.GetUtcNow(),
            Attachments = (attachments ?? []).Select(a => new OutgoingEmailAttachment
                { FileName = a.FileName, ContentType = a.ContentType, Content = a.Content }).ToList(),
        });
    }
}
