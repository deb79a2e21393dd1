using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using MimeKit;

namespace Yhdessa.Tests.Support;

/// <summary>One message as the SMTP server received it: the envelope and the parsed message.</summary>
public sealed record ReceivedEmail(string From, IReadOnlyList<string> Recipients, MimeMessage Message);

/// <summary>
/// A real SMTP server on a free loopback port that keeps what it receives, so tests read the mail the
/// app really sent over the wire. The server is aiosmtpd (Debian's python3-aiosmtpd, installed by
/// test.sh), a well-kept SMTP implementation, rather than protocol code of our own; no SMTP server
/// package is on the NuGet registry here. Its Mailbox handler writes each message to a Maildir, with the
/// envelope in X-MailFrom and X-RcptTo headers. <see cref="Stop"/> and <see cref="Start"/> end and restart
/// the server on the same port, so the app meets "connection refused" as during a real restart. Given a security of
/// "StartTls" or "SslOnConnect", it speaks TLS with a certificate of its own (<see cref="Certificate"/>).
/// </summary>
public sealed class SmtpInbox : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3"; // Debian's, where python3-aiosmtpd lives; not pyenv's.
    private static readonly ConcurrentDictionary<SmtpInbox, byte> Alive = new();
    private readonly object gate = new();
    private readonly string directory = Directory.CreateTempSubdirectory("yhdessa-smtp.").FullName;
    private readonly Dictionary<string, ReceivedEmail> parsed = [];
    private readonly string[] tls = [];
    private Process? server;

    static SmtpInbox() =>
        // A fixture that failed before disposing its inbox must still leave no server or maildir behind.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { foreach (var inbox in Alive.Keys) _ = inbox.DisposeAsync(); };

    /// <summary>The local part that the server refuses for good (550), as a mail server refuses an address that does not exist.</summary>
    public const string RefusedPrefix = "refused-";

    // aiosmtpd's maildir handler, which refuses recipients whose local part starts with RefusedPrefix.
    private const string RefusingMailbox = $$"""
        from aiosmtpd.handlers import Mailbox

        class RefusingMailbox(Mailbox):
            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if address.split('@')[0].lower().startswith('{{RefusedPrefix}}'):
                    return '550 5.1.1 No such mailbox'
                envelope.rcpt_tos.append(address)
                return '250 OK'
        """;

    public SmtpInbox(string security = "None")
    {
        if (security != "None")
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            Certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            File.WriteAllText(Path.Combine(directory, "cert.pem"), Certificate.ExportCertificatePem());
            File.WriteAllText(Path.Combine(directory, "key.pem"), key.ExportPkcs8PrivateKeyPem());
            var (cert, keyFile) = security == "SslOnConnect" ? ("--smtpscert", "--smtpskey") : ("--tlscert", "--tlskey");
            tls = [cert, Path.Combine(directory, "cert.pem"), keyFile, Path.Combine(directory, "key.pem")];
        }
        // Bind to port 0 once to learn a free port; the same port is reused after Stop/Start.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Alive[this] = 0;
        try { Start(); }
        catch { _ = DisposeAsync(); throw; }
    }

    public int Port { get; }

    /// <summary>The server's self-signed certificate when it speaks TLS, for the client to trust.</summary>
    public X509Certificate2? Certificate { get; }
    public string Host => "127.0.0.1";
    private string Maildir => Path.Combine(directory, "mail"); // aiosmtpd creates it with new/, cur/ and tmp/.

    /// <summary>Every message delivered so far, oldest first.</summary>
    public IReadOnlyList<ReceivedEmail> Received
    {
        get
        {
            lock (gate)
            {
                var files = new[] { "new", "cur" }
                    .Select(sub => new DirectoryInfo(Path.Combine(Maildir, sub)))
                    .Where(d => d.Exists)
                    .SelectMany(d => d.EnumerateFiles())
                    .OrderBy(f => f.LastWriteTimeUtc);
                return files.Select(f => parsed.TryGetValue(f.Name, out var known) ? known : parsed[f.Name] = Read(f.FullName)).ToList();
            }
        }
    }

    public IReadOnlyList<MimeMessage> MessagesTo(string address) =>
        Received.Where(r => r.Recipients.Contains(address, StringComparer.OrdinalIgnoreCase)).Select(r => r.Message).ToList();

    /// <summary>How many messages each recipient got, read from the files' envelope headers only (fast for thousands).</summary>
    public Dictionary<string, int> CountByRecipient()
    {
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in new[] { "new", "cur" }.Select(sub => new DirectoryInfo(Path.Combine(Maildir, sub))).Where(d => d.Exists)
                     .SelectMany(d => d.EnumerateFiles()))
            foreach (var line in File.ReadLines(file.FullName).TakeWhile(l => l.Length > 0).Where(l => l.StartsWith("X-RcptTo:", StringComparison.Ordinal)))
                foreach (var to in line["X-RcptTo:".Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    counts[to] = counts.GetValueOrDefault(to) + 1;
        return counts;
    }

    /// <summary>How many messages have arrived.</summary>
    public int Count => new[] { "new", "cur" }.Select(sub => Path.Combine(Maildir, sub)).Where(Directory.Exists)
        .Sum(d => Directory.EnumerateFiles(d).Count());

    /// <summary>The first message to <paramref name="address"/>, waiting for it if it has not come yet.</summary>
    public async Task<MimeMessage> WaitForMessageTo(string address, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (MessagesTo(address).FirstOrDefault() is { } message) return message;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException(
                    $"No email to {address} within {timeout.TotalSeconds} s; received: " +
                    string.Join(", ", Received.SelectMany(r => r.Recipients).DefaultIfEmpty("nothing")));
            await Task.Delay(50);
        }
    }

    /// <summary>The web addresses in a message's text, in order: the confirmation or reset link a user would click.</summary>
    public static IReadOnlyList<Uri> LinksIn(MimeMessage message) =>
        Regex.Matches(message.TextBody ?? message.HtmlBody ?? "", @"https?://[^\s""<>]+")
            .Select(m => new Uri(m.Value)).ToList();

    /// <summary>Starts the server and returns once its port accepts connections.</summary>
    public void Start()
    {
        lock (gate)
        {
            if (server is not null) return;
            var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
            File.WriteAllText(Path.Combine(directory, "yhdessa_inbox.py"), RefusingMailbox);
            start.Environment["PYTHONPATH"] = directory;
            foreach (var arg in (string[])["-m", "aiosmtpd", "-n", "-l", $"{Host}:{Port}", .. tls, "-c", "yhdessa_inbox.RefusingMailbox", Maildir])
                start.ArgumentList.Add(arg);
            var output = new ConcurrentQueue<string>();
            server = new Process { StartInfo = start };
            server.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
            server.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
            server.Start();
            server.BeginOutputReadLine();
            server.BeginErrorReadLine();

            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
            while (!Accepts())
            {
                if (server.HasExited || DateTime.UtcNow > deadline)
                {
                    Stop();
                    throw new InvalidOperationException(
                        $"aiosmtpd did not start on {Host}:{Port} (is python3-aiosmtpd installed? test.sh installs it):\n" +
                        string.Join("\n", output));
                }
                Thread.Sleep(50);
            }
        }
    }

    /// <summary>Ends the server: its port refuses connections until <see cref="Start"/>.</summary>
    public void Stop()
    {
        lock (gate)
        {
            if (server is null) return;
            try { server.Kill(entireProcessTree: true); } catch (InvalidOperationException) { /* already gone */ }
            server.WaitForExit();
            server.Dispose();
            server = null;
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        Alive.TryRemove(this, out _);
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }

    private bool Accepts()
    {
        using var probe = new TcpClient();
        try { probe.Connect(Host, Port); return true; }
        catch (SocketException) { return false; }
    }

    private static ReceivedEmail Read(string file)
    {
        var message = MimeMessage.Load(file);
        var recipients = (message.Headers["X-RcptTo"] ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new ReceivedEmail(message.Headers["X-MailFrom"] ?? "", recipients, message);
    }
}
