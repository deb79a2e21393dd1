using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Yhdessa.Tests.Support;

/// <summary>One message as the SMTP server received it: the envelope and the parsed message.</summary>
public sealed record ReceivedEmail(string From, IReadOnlyList<string> Recipients, MimeMessage Message);

/// <summary>
/// A real SMTP server on a free loopback port that keeps what it receives, so tests read the mail the
/// app really sent over the wire. It speaks the part of SMTP that a sending client uses (EHLO, MAIL,
/// RCPT, DATA, RSET, NOOP, QUIT, 8BITMIME and SMTPUTF8). <see cref="Stop"/> and <see cref="Start"/>
/// make it fail temporarily on the same port, as a real server does during a restart.
/// </summary>
public sealed class SmtpInbox : IAsyncDisposable
{
    private readonly object gate = new();
    private readonly List<ReceivedEmail> received = [];
    private TaskCompletionSource arrived = NewSignal();
    private TcpListener? listener;
    private CancellationTokenSource? running;
    private readonly List<Task> sessions = [];

    public SmtpInbox()
    {
        // Bind to port 0 once to learn a free port; the same port is reused after Stop/Start.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Start();
    }

    public int Port { get; }
    public string Host => "127.0.0.1";

    public IReadOnlyList<ReceivedEmail> Received
    {
        get { lock (gate) return received.ToList(); }
    }

    public IReadOnlyList<MimeMessage> MessagesTo(string address)
    {
        lock (gate) return received.Where(r => IsFor(r, address)).Select(r => r.Message).ToList();
    }

    /// <summary>The first message to <paramref name="address"/>, waiting for it if it has not come yet.</summary>
    public async Task<MimeMessage> WaitForMessageTo(string address, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Task signal;
            lock (gate)
            {
                var match = received.FirstOrDefault(r => IsFor(r, address));
                if (match is not null) return match.Message;
                signal = arrived.Task;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || await Task.WhenAny(signal, Task.Delay(left)) != signal)
                throw new TimeoutException(
                    $"No email to {address} within {timeout.TotalSeconds} s; received: " +
                    string.Join(", ", Received.SelectMany(r => r.Recipients).DefaultIfEmpty("nothing")));
        }
    }

    /// <summary>The web addresses in a message's text, in order: the confirmation or reset link a user would click.</summary>
    public static IReadOnlyList<Uri> LinksIn(MimeMessage message) =>
        System.Text.RegularExpressions.Regex.Matches(message.TextBody ?? message.HtmlBody ?? "", @"https?://[^\s""<>]+")
            .Select(m => new Uri(m.Value)).ToList();

    public void Start()
    {
        lock (gate)
        {
            if (listener is not null) return;
            listener = new TcpListener(IPAddress.Loopback, Port);
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Start();
            running = new CancellationTokenSource();
            var (l, token) = (listener, running.Token);
            sessions.Add(Task.Run(() => AcceptAsync(l, token)));
        }
    }

    /// <summary>Closes the port and drops open connections: clients get "connection refused".</summary>
    public void Stop()
    {
        lock (gate)
        {
            running?.Cancel();
            listener?.Stop();
            listener = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Stop();
        Task[] all;
        lock (gate) all = sessions.ToArray();
        try { await Task.WhenAll(all).WaitAsync(TimeSpan.FromSeconds(5)); } catch { /* sessions end by cancellation */ }
    }

    private static bool IsFor(ReceivedEmail email, string address) =>
        email.Recipients.Any(r => string.Equals(r, address, StringComparison.OrdinalIgnoreCase));

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task AcceptAsync(TcpListener server, CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await server.AcceptTcpClientAsync(token); }
            catch (Exception) { return; }
            lock (gate) sessions.Add(Task.Run(() => ServeAsync(client, token)));
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken token)
    {
        using var _ = client;
        await using var stream = client.GetStream();
        await using var stop = token.Register(client.Close);
        var reader = new LineReader(stream);
        async Task Reply(string text) => await stream.WriteAsync(Encoding.ASCII.GetBytes(text + "\r\n"), token);
        try
        {
            await Reply("220 yhdessa-test ESMTP");
            string? from = null;
            var recipients = new List<string>();
            while (await reader.ReadLineAsync(token) is { } bytes)
            {
                var line = Encoding.UTF8.GetString(bytes);
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await Reply("250-yhdessa-test\r\n250-8BITMIME\r\n250 SMTPUTF8");
                        break;
                    case "HELO":
                        await Reply("250 yhdessa-test");
                        break;
                    case "MAIL":
                        from = Address(line);
                        recipients.Clear();
                        await Reply("250 OK");
                        break;
                    case "RCPT" when from is not null:
                        recipients.Add(Address(line));
                        await Reply("250 OK");
                        break;
                    case "DATA" when recipients.Count > 0:
                        await Reply("354 End data with <CR><LF>.<CR><LF>");
                        var data = new MemoryStream();
                        while (await reader.ReadLineAsync(token) is { } dataLine)
                        {
                            if (dataLine is [(byte)'.']) break;
                            // Dot-stuffing: a line that starts with a dot was sent with one more.
                            var start = dataLine.Length > 0 && dataLine[0] == '.' ? 1 : 0;
                            data.Write(dataLine, start, dataLine.Length - start);
                            data.Write("\r\n"u8);
                        }
                        data.Position = 0;
                        var message = await MimeMessage.LoadAsync(data, token);
                        lock (gate)
                        {
                            received.Add(new ReceivedEmail(from!, recipients.ToList(), message));
                            arrived.TrySetResult();
                            arrived = NewSignal();
                        }
                        from = null;
                        recipients.Clear();
                        await Reply("250 OK: queued");
                        break;
                    case "RSET":
                        from = null;
                        recipients.Clear();
                        await Reply("250 OK");
                        break;
                    case "NOOP":
                        await Reply("250 OK");
                        break;
                    case "QUIT":
                        await Reply("221 Bye");
                        return;
                    default:
                        await Reply("503 Bad sequence of commands");
                        break;
                }
            }
        }
        catch (Exception) when (token.IsCancellationRequested) { }
        catch (IOException) { }
    }

    /// <summary>"MAIL FROM:&lt;a@b&gt; SIZE=10" → "a@b".</summary>
    private static string Address(string line)
    {
        var open = line.IndexOf('<');
        var close = line.IndexOf('>', open + 1);
        return open >= 0 && close > open ? line[(open + 1)..close] : line[(line.IndexOf(':') + 1)..].Trim();
    }

    /// <summary>Reads CRLF-terminated lines as bytes, so 8-bit message data arrives unchanged.</summary>
    private sealed class LineReader(Stream stream)
    {
        private readonly byte[] buffer = new byte[8192];
        private int start, end;

        public async Task<byte[]?> ReadLineAsync(CancellationToken token)
        {
            var line = new MemoryStream();
            while (true)
            {
                if (start == end)
                {
                    start = 0;
                    end = await stream.ReadAsync(buffer, token);
                    if (end == 0) return line.Length > 0 ? line.ToArray() : null;
                }
                var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
                if (newline < 0)
                {
                    line.Write(buffer, start, end - start);
                    start = end;
                    continue;
                }
                line.Write(buffer, start, newline - start);
                start = newline + 1;
                var bytes = line.ToArray();
                return bytes.Length > 0 && bytes[^1] == '\r' ? bytes[..^1] : bytes;
            }
        }
    }
}
