using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MimeKit.IO;

namespace Yhdessa.Platform.Email;

/// <summary>What became of one message handed to <see cref="SmtpDelivery.SendOnceAsync"/>.</summary>
public enum SmtpOutcome
{
    /// <summary>The server took it, and it is recorded as sent.</summary>
    Sent,
    /// <summary>Not sent: the server refused it or could not be reached. <see cref="SmtpResult.Permanent"/> tells a 5xx
    /// refusal (the address will not take it) from a passing failure.</summary>
    NotSent,
    /// <summary>Not sent by this run: someone else recorded it as sent first (another instance).</summary>
    TakenElsewhere,
}

public sealed record SmtpResult(SmtpOutcome Outcome, Exception? Error = null, bool Permanent = false);

/// <summary>
/// Sends a message so that it is recorded as sent exactly when the server gets it. The SMTP server takes a message
/// only when the line with the single dot that ends its data arrives; a connection that breaks before that leaves
/// nothing behind. So the record is committed after the last byte of the message and before that dot: a crash
/// before the commit sends nothing (the next run sends it), a crash after the commit has sent it (and the record
/// says so), and of two instances only the one whose conditional update wins writes the dot. The design and its
/// one remaining window are in <c>docs/decisions.md</c>.
/// </summary>
public static class SmtpDelivery
{
    /// <summary>Opens a connection with the configured security. MailKit's own Auto sends in clear text when the server
    /// does not offer STARTTLS, so anyone on the way who strips that offer reads the mail and the SMTP password; a wrong
    /// value stops sending instead of guessing.</summary>
    public static async Task ConnectAsync(SmtpClient client, SmtpOptions smtp, CancellationToken cancellationToken)
    {
        var security = string.Equals(smtp.Security, "Auto", StringComparison.OrdinalIgnoreCase)
            ? smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls
            : Enum.TryParse<SecureSocketOptions>(smtp.Security, true, out var chosen) && Enum.IsDefined(chosen)
                ? chosen
                : throw new InvalidOperationException(
                    $"Yhdessa:Smtp:Security is '{smtp.Security}'; use Auto, None, StartTls or SslOnConnect.");
        // The data and its final dot go out as two writes (the mark is made between them), and Nagle's algorithm holds a
        // small write until the one before it is acknowledged, which the server delays by up to 40 ms: a stall per message.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(smtp.Host!, smtp.Port, cancellationToken);
            await client.ConnectAsync(socket, smtp.Host!, smtp.Port, security, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        if (!string.IsNullOrEmpty(smtp.UserName))
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
    }

    /// <summary>A client whose message size counts the dots that SMTP doubles at the start of a line, so that the progress
    /// it reports reaches the size exactly when the last byte of data is written, before the ending dot.</summary>
    public static SmtpClient NewClient() => new ExactSizeClient();

    /// <param name="markSent">Records the message as sent, conditionally (only if nobody has yet); false when someone
    /// had. It runs on the sending thread between the data and the dot, so it is synchronous and short.</param>
    /// <param name="unmark">Takes back a mark whose message the server then refused.</param>
    public static async Task<SmtpResult> SendOnceAsync(SmtpClient client, MimeMessage message, Func<bool> markSent,
        Func<Task> unmark, CancellationToken cancellationToken)
    {
        var commit = new CommitBeforeEnd(markSent);
        try
        {
            await client.SendAsync(message, cancellationToken, commit);
        }
        catch (TakenElsewhereException)
        {
            // MailKit dropped the connection without the dot: the server discards what it got.
            return new SmtpResult(SmtpOutcome.TakenElsewhere);
        }
        catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.MessageNotAccepted || !commit.Marked)
        {
            // A refusal: of the sender or recipient before the data, or of the data after the dot. Either way the
            // server does not have it.
            if (commit.Marked) await TakeBackAsync(unmark, cancellationToken);
            return new SmtpResult(SmtpOutcome.NotSent, e, (int)e.StatusCode >= 500);
        }
        catch (Exception e) when (e is not OperationCanceledException || !commit.Marked)
        {
            if (!commit.Marked)
            {
                // The mark itself failed (the database went away): its commit may still have landed before the answer was
                // lost, while the server, without the dot, has nothing. Take it back once the database is there again.
                if (commit.Invoked) await TakeBackAsync(unmark, cancellationToken);
                return new SmtpResult(SmtpOutcome.NotSent, e);
            }
            // The dot may have reached the server before the connection broke, and then it has the message: counting it as
            // sent risks losing one message on a broken line, sending it again risks a copy. A record committed is kept.
            return new SmtpResult(SmtpOutcome.Sent, e);
        }
        catch (OperationCanceledException) when (commit.Marked)
        {
            return new SmtpResult(SmtpOutcome.Sent);
        }
        // MailKit reports the data's progress to its end in every version we know; should it not, mark now rather than
        // never (the only case with a window of a round trip).
        if (!commit.Marked && !markSent()) return new SmtpResult(SmtpOutcome.TakenElsewhere);
        return new SmtpResult(SmtpOutcome.Sent);
    }

    /// <summary>Takes a mark back, trying again for about two minutes while the database is away (a restart takes seconds):
    /// a mark left in place would say sent for a message the server never got.</summary>
    private static async Task TakeBackAsync(Func<Task> unmark, CancellationToken cancellationToken)
    {
        for (var wait = TimeSpan.FromMilliseconds(250); ; wait *= 2)
        {
            try
            {
                await unmark();
                return;
            }
            catch (Exception) when (wait < TimeSpan.FromMinutes(1) && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(wait, CancellationToken.None);
            }
        }
    }

    private sealed class TakenElsewhereException() : Exception("The message was recorded as sent by someone else.");

    /// <summary>Commits the mark when the last byte of the message's data has been written (the size counts the
    /// doubled dots, see <see cref="ExactSizeClient"/>).</summary>
    private sealed class CommitBeforeEnd(Func<bool> markSent) : ITransferProgress
    {
        public bool Marked { get; private set; }
        public bool Invoked { get; private set; }

        public void Report(long bytesTransferred, long totalSize)
        {
            if (Marked || Invoked || bytesTransferred < totalSize) return;
            Invoked = true;
            if (!markSent()) throw new TakenElsewhereException();
            Marked = true;
        }

        public void Report(long bytesTransferred) { }
    }

    private sealed class ExactSizeClient : SmtpClient
    {
        protected override async Task<long> GetSizeAsync(FormatOptions options, MimeMessage message, CancellationToken cancellationToken)
        {
            using var measure = new MeasuringStream();
            using (var filtered = new FilteredStream(measure))
            {
                filtered.Add(new SmtpDataFilter());
                await message.WriteToAsync(options, filtered, cancellationToken);
                await filtered.FlushAsync(cancellationToken);
            }
            return measure.Length;
        }

        protected override long GetSize(FormatOptions options, MimeMessage message, CancellationToken cancellationToken)
        {
            using var measure = new MeasuringStream();
            using (var filtered = new FilteredStream(measure))
            {
                filtered.Add(new SmtpDataFilter());
                message.WriteTo(options, filtered, cancellationToken);
                filtered.Flush(cancellationToken);
            }
            return measure.Length;
        }
    }
}
