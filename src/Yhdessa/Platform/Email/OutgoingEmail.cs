using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Yhdessa.Platform.Email;

/// <summary>
/// A message waiting to be sent, or sent. Email is a row before it is an action: the row is saved with
/// the change that caused it, a background sender delivers it, and marks it sent so it goes out once.
/// With no SMTP server configured, the rows are the outbox that coordinators read at /admin/outbox.
/// </summary>
public class OutgoingEmail
{
    public long Id { get; set; }
    public string To { get; set; } = "";
    /// <summary>The account the message is about, so that deleting the account erases it even when it went to
    /// an address the account no longer has.</summary>
    public string? UserId { get; set; }
    public string Subject { get; set; } = "";
    /// <summary>Emptied once the message is sent over SMTP (as is <see cref="HtmlBody"/>).</summary>
    public string TextBody { get; set; } = "";
    public string? HtmlBody { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>Set while one sender instance holds the message, so that two instances never both send it.</summary>
    public Guid? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
    public List<OutgoingEmailAttachment> Attachments { get; set; } = [];
}

/// <summary>A file sent with a message, such as an event's calendar file. Its content is emptied once the
/// message is sent: the receiver has it then, and the outbox keeps only its name.</summary>
public class OutgoingEmailAttachment
{
    public long Id { get; set; }
    public long EmailId { get; set; }
    public string FileName { get; set; } = "";
    /// <summary>The full MIME type with parameters, e.g. <c>text/calendar; charset=utf-8; method=PUBLISH</c>.</summary>
    public string ContentType { get; set; } = "";
    public byte[] Content { get; set; } = [];
}

/// <summary>An attachment to queue with <see cref="EmailOutbox.Enqueue"/>.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

internal sealed class OutgoingEmailConfiguration : IEntityTypeConfiguration<OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<OutgoingEmail> email)
    {
        email.Property(e => e.To).HasMaxLength(320);
        email.Property(e => e.Subject).HasMaxLength(300);
        email.Property(e => e.LastError).HasMaxLength(2000);
        email.HasIndex(e => new { e.SentAt, e.NextAttemptAt });
        email.Property(e => e.UserId).HasMaxLength(450);
        email.HasIndex(e => e.UserId);
        email.HasMany(e => e.Attachments).WithOne().HasForeignKey(a => a.EmailId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutgoingEmailAttachmentConfiguration : IEntityTypeConfiguration<OutgoingEmailAttachment>
{
    public void Configure(EntityTypeBuilder<OutgoingEmailAttachment> attachment)
    {
        attachment.Property(a => a.FileName).HasMaxLength(200);
        attachment.Property(a => a.ContentType).HasMaxLength(200);
    }
}
