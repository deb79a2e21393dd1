using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MimeKit;

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
/// nothing behind. So the data is held back from the server once it starts, and when MailKit turns to wait for the
/// server's answer (everything, dot included, has been written) the record is committed and the held bytes go out
/// in one write: a crash before the commit sends nothing (the next run sends it), a crash after the write has sent
/// it (the kernel delivers what is in the socket buffer), and of two instances only the one whose conditional update
/// wins lets the dot out. The design and its one remaining window are in <c>docs/decisions.md</c>.
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
        var once = client as OnceClient
            ?? throw new InvalidOperationException("Use SmtpDelivery.NewClient() for a client that sends exactly once.");
        // Nagle's algorithm holds a small write until the one before it is acknowledged, which the server delays by up to
        // 40 ms: a stall per command.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(smtp.Host!, smtp.Port, cancellationToken);
            // The gate sits under MailKit and under TLS, so it holds back whole records: what it holds is the end of
            // the message whatever the security.
            once.Gate = new DotGate(new NetworkStream(socket, ownsSocket: true));
            await client.ConnectAsync(once.Gate, smtp.Host!, smtp.Port, security, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        if (!string.IsNullOrEmpty(smtp.UserName))
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
    }

    /// <summary>A client for <see cref="ConnectAsync"/> and <see cref="SendOnceAsync"/>.</summary>
    public static SmtpClient NewClient() => new OnceClient();

    /// <summary>A mark made by <paramref name="update"/> (a conditional update that returns the rows it changed) in a
    /// transaction whose commit is sent and not waited for: see <see cref="SendOnceAsync"/>. Null when the update changed
    /// nothing (someone had marked it).</summary>
    public static Func<Task?> MarkInTransaction(DbContext db, Func<int> update) => () =>
    {
        var transaction = db.Database.BeginTransaction();
        try
        {
            if (update() == 1) return CommitAsync(transaction);
        }
        catch
        {
            transaction.Dispose();
            throw;
        }
        transaction.Dispose();
        return null;
    };

    private static async Task CommitAsync(IDbContextTransaction transaction)
    {
        // The commit's message goes out before the first wait for the database's answer, so when this returns its task
        // the commit is on its way (see SendOnceAsync).
        try { await transaction.CommitAsync(CancellationToken.None); }
        finally { await transaction.DisposeAsync(); }
    }

    /// <param name="markSent">Records the message as sent, conditionally (only if nobody has yet): the update is made and
    /// its commit sent, and the commit's task returned without waiting for it (<see cref="MarkInTransaction"/>); null
    /// when someone had marked it. It runs on the sending thread between the data and the write that lets it out.</param>
    /// <param name="unmark">Takes back a mark whose message the server then refused.</param>
    public static async Task<SmtpResult> SendOnceAsync(SmtpClient client, MimeMessage message, Func<Task?> markSent,
        Func<Task> unmark, CancellationToken cancellationToken)
    {
        var gate = (client as OnceClient)?.Gate
            ?? throw new InvalidOperationException("Connect with SmtpDelivery.ConnectAsync before sending.");
        var mark = new Mark(markSent);
        gate.Begin(mark);
        try
        {
            await client.SendAsync(message, cancellationToken, mark);
        }
        catch (Exception) when (mark.TakenElsewhere)
        {
            // The held data and its dot were never written and MailKit dropped the connection: the server discards
            // what it got.
            return new SmtpResult(SmtpOutcome.TakenElsewhere);
        }
        catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.MessageNotAccepted || !mark.Marked)
        {
            // A refusal: of the sender or recipient before the data, or of the data after the dot. Either way the
            // server does not have it.
            if (mark.Marked) await TakeBackAsync(unmark, cancellationToken);
            return new SmtpResult(SmtpOutcome.NotSent, e, (int)e.StatusCode >= 500);
        }
        catch (Exception e) when (e is not OperationCanceledException || !mark.Marked)
        {
            if (!mark.Marked)
            {
                // The mark itself failed (the database went away): its commit may still have landed before the answer was
                // lost, while the server, without the dot, has nothing. Take it back once the database is there again.
                if (mark.Invoked) await TakeBackAsync(unmark, cancellationToken);
                return new SmtpResult(SmtpOutcome.NotSent, e);
            }
            // The dot may have reached the server before the connection broke, and then it has the message: counting it as
            // sent risks losing one message on a broken line, sending it again risks a copy. A record committed is kept.
            return new SmtpResult(SmtpOutcome.Sent, e);
        }
        catch (OperationCanceledException) when (mark.Marked)
        {
            return new SmtpResult(SmtpOutcome.Sent);
        }
        finally
        {
            gate.End();
        }
        if (mark.CommitLost is { } lost)
        {
            // The message went out, but the commit of its mark failed (the database went away as it arrived): put the
            // mark in place once the database answers, or the next run sends it again.
            await PutBackAsync(markSent, cancellationToken);
            return new SmtpResult(SmtpOutcome.Sent, lost);
        }
        // MailKit reports the data's progress in every version we know; should it not, the data went out unheld, so mark
        // now rather than never (the only case with a window of a round trip).
        if (!mark.Marked)
        {
            if (markSent() is not { } commit) return new SmtpResult(SmtpOutcome.TakenElsewhere);
            await commit;
        }
        return new SmtpResult(SmtpOutcome.Sent);
    }

    /// <summary>Marks a message that went out, trying again for about two minutes while the database is away.</summary>
    private static Task PutBackAsync(Func<Task?> markSent, CancellationToken cancellationToken) =>
        TakeBackAsync(() => markSent() ?? Task.CompletedTask, cancellationToken);

    /// <summary>Takes a mark back (or puts one in place), trying again for about two minutes while the database is away (a
    /// restart takes seconds): a mark left wrong would say sent for a message the server never got, or the opposite.</summary>
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

    private sealed class TakenElsewhereException() : IOException("The message was recorded as sent by someone else.");

    /// <summary>One message's mark. MailKit reports progress only once it writes the data, after the server's "354" to
    /// DATA; from then on the gate holds what is written, and the next read is for the server's answer to the dot.</summary>
    private sealed class Mark(Func<Task?> markSent) : ITransferProgress
    {
        public bool DataStarted { get; private set; }
        public bool Invoked { get; private set; }
        public bool Marked { get; private set; }
        public bool TakenElsewhere { get; private set; }

        /// <summary>The commit that failed after the message had gone out.</summary>
        public Exception? CommitLost { get; private set; }

        public void Report(long bytesTransferred, long totalSize) => DataStarted = true;

        public void Report(long bytesTransferred) => DataStarted = true;

        /// <summary>Makes the update and sends its commit; the commit's task, which the gate awaits after its write.</summary>
        public Task Make()
        {
            Invoked = true;
            if (markSent() is not { } commit)
            {
                TakenElsewhere = true;
                throw new TakenElsewhereException();
            }
            // A commit that failed before it left (the connection already broken) lets nothing out either.
            if (commit.IsFaulted) commit.GetAwaiter().GetResult();
            Marked = true;
            return commit;
        }

        public async Task SettleAsync(Task commit)
        {
            try { await commit; }
            catch (Exception e) { CommitLost = e; }
        }
    }

    private sealed class OnceClient : SmtpClient
    {
        public DotGate? Gate { get; set; }
    }

    /// <summary>The connection under MailKit (and under TLS). While a message's data is being written it keeps the bytes;
    /// when MailKit first reads again, the data and its dot are all here, so it makes the mark and only then writes them,
    /// in one write. A mark that fails or is taken elsewhere lets nothing out.</summary>
    private sealed class DotGate(NetworkStream inner) : Stream
    {
        private readonly MemoryStream held = new();
        private Mark? mark;

        public void Begin(Mark next)
        {
            mark = next;
            held.SetLength(0);
        }

        public void End()
        {
            mark = null;
            held.SetLength(0);
        }

        private bool Holding => mark is { DataStarted: true, Invoked: false };

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Holding) await ReleaseAsync(cancellationToken);
            return await inner.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Holding) ReleaseAsync(CancellationToken.None).GetAwaiter().GetResult();
            return inner.Read(buffer, offset, count);
        }

        private async Task ReleaseAsync(CancellationToken cancellationToken)
        {
            // The update is made and waited for (so only one instance goes on); then the commit is sent and, without
            // waiting for the database's answer, the held bytes are written: the two sends follow each other on this
            // thread. Waiting for the commit's answer first left the time of that answer between the commit and the dot
            // (the benchmark lost one message of 50,000 to a kill there).
            var commit = mark!.Make();
            if (held.Length > 0)
            {
                var bytes = held.GetBuffer().AsMemory(0, (int)held.Length);
                await inner.WriteAsync(bytes, cancellationToken);
                held.SetLength(0);
            }
            await mark.SettleAsync(commit);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!Holding) return inner.WriteAsync(buffer, cancellationToken);
            held.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Holding) held.Write(buffer, offset, count);
            else inner.Write(buffer, offset, count);
        }

        public override Task FlushAsync(CancellationToken cancellationToken) =>
            Holding ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

        public override void Flush()
        {
            if (!Holding) inner.Flush();
        }

        public override bool CanRead => inner.CanRead;
        public override bool CanWrite => inner.CanWrite;
        public override bool CanSeek => false;
        public override bool CanTimeout => inner.CanTimeout;
        public override int ReadTimeout { get => inner.ReadTimeout; set => inner.ReadTimeout = value; }
        public override int WriteTimeout { get => inner.WriteTimeout; set => inner.WriteTimeout = value; }
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
