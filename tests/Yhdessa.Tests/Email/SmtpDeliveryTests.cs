using MimeKit;
using Yhdessa.Platform.Email;

namespace Yhdessa.Tests.Email;

/// <summary>The exactly-once step of sending against a real SMTP server: the record is written after the message's data and
/// before the dot that makes the server take it, so whatever stops in between leaves the record and the server agreeing.</summary>
public sealed class SmtpDeliveryTests : IAsyncLifetime
{
    private readonly SmtpInbox inbox = new();
    private readonly MailKit.Net.Smtp.SmtpClient client = SmtpDelivery.NewClient();

    public async Task InitializeAsync() => await SmtpDelivery.ConnectAsync(client, Options, CancellationToken.None);

    public async Task DisposeAsync()
    {
        client.Dispose();
        await inbox.DisposeAsync();
    }

    private SmtpOptions Options => new() { Host = inbox.Host, Port = inbox.Port, Security = "None" };

    private static MimeMessage Message(string to, string text)
    {
        var message = new MimeMessage { Subject = "Uutiskirje", Body = new TextPart("plain") { Text = text } };
        message.From.Add(MailboxAddress.Parse("uutiskirje@yhdessa.test"));
        message.To.Add(MailboxAddress.Parse(to));
        return message;
    }

    private static string Unique(string name) => $"{name}.{Guid.NewGuid():N}@example.org";

    private async Task ReconnectAsync()
    {
        if (!client.IsConnected) await SmtpDelivery.ConnectAsync(client, Options, CancellationToken.None);
    }

    [Fact]
    public async Task The_mark_is_written_when_the_data_is_there_and_before_the_server_has_the_message()
    {
        var to = Unique("lukija");
        // Lines that begin with a dot are doubled on the wire; the mark must still come at the very end of the data.
        var text = string.Join("\n", Enumerable.Range(1, 400).Select(i => i % 7 == 0 ? $".rivi {i} alkaa pisteellä" : $"rivi {i}")) + "\n.";
        var receivedAtMark = -1;

        var result = await SmtpDelivery.SendOnceAsync(client, Message(to, text), () => { receivedAtMark = inbox.MessagesTo(to).Count; return Task.CompletedTask; },
            () => throw new InvalidOperationException("nothing to take back"), CancellationToken.None);

        Assert.Equal(SmtpOutcome.Sent, result.Outcome);
        Assert.Equal(0, receivedAtMark);
        var received = await inbox.WaitForMessageTo(to, TimeSpan.FromSeconds(10));
        Assert.Equal(text, received.TextBody.Replace("\r\n", "\n").TrimEnd('\n'));
    }

    [Fact]
    public async Task A_message_someone_else_marked_or_whose_mark_failed_never_reaches_the_server()
    {
        var taken = Unique("toinen-lahettaja");
        var result = await SmtpDelivery.SendOnceAsync(client, Message(taken, "Toinen instanssi ehti ensin."), () => null,
            () => Task.CompletedTask, CancellationToken.None);
        Assert.Equal(SmtpOutcome.TakenElsewhere, result.Outcome);

        await ReconnectAsync();
        var lost = Unique("tietokanta-poissa");
        var tries = 0;
        // The database is restarting: taking the mark back fails twice, then works.
        result = await SmtpDelivery.SendOnceAsync(client, Message(lost, "Tietokanta katosi kesken."),
            () => throw new TimeoutException("the database went away"),
            () => ++tries < 3 ? throw new TimeoutException("still restarting") : Task.CompletedTask, CancellationToken.None);
        Assert.Equal(SmtpOutcome.NotSent, result.Outcome);
        Assert.Equal(3, tries);

        // The connection goes on with the next message, which arrives: so the two before had their chance and left nothing.
        await ReconnectAsync();
        var next = Unique("seuraava");
        Assert.Equal(SmtpOutcome.Sent, (await SmtpDelivery.SendOnceAsync(client, Message(next, "Tämä menee perille."), () => Task.CompletedTask,
            () => Task.CompletedTask, CancellationToken.None)).Outcome);
        await inbox.WaitForMessageTo(next, TimeSpan.FromSeconds(10));
        Assert.Empty(inbox.MessagesTo(taken));
        Assert.Empty(inbox.MessagesTo(lost));
    }

    [Fact]
    public async Task A_commit_that_fails_after_the_message_went_out_is_put_in_place_and_one_that_never_left_lets_nothing_out()
    {
        var to = Unique("kommitti-katosi");
        var marks = 0;
        // The commit is sent with the dot and its answer is lost (the database restarts): the message is out, so the mark
        // is made again, once the database answers, rather than the message being sent a second time.
        var result = await SmtpDelivery.SendOnceAsync(client, Message(to, "Perillä, vaikka kirjaus katosi."),
            () => ++marks < 3 ? LostAsync() : Task.CompletedTask,
            () => throw new InvalidOperationException("nothing to take back"), CancellationToken.None);
        Assert.Equal(SmtpOutcome.Sent, result.Outcome);
        Assert.Equal(3, marks);
        await inbox.WaitForMessageTo(to, TimeSpan.FromSeconds(10));

        // A commit that could not even be sent (its task fails at once) lets nothing out, and the mark is taken back.
        var unsent = Unique("kommitti-ei-lahtenyt");
        var takenBack = false;
        result = await SmtpDelivery.SendOnceAsync(client, Message(unsent, "Ei perille."),
            () => Task.FromException(new TimeoutException("the connection was already broken")),
            () => { takenBack = true; return Task.CompletedTask; }, CancellationToken.None);
        Assert.Equal(SmtpOutcome.NotSent, result.Outcome);
        Assert.True(takenBack);
        await ReconnectAsync();
        var next = Unique("sen-jalkeen");
        Assert.Equal(SmtpOutcome.Sent, (await SmtpDelivery.SendOnceAsync(client, Message(next, "Tämä menee perille."), () => Task.CompletedTask,
            () => Task.CompletedTask, CancellationToken.None)).Outcome);
        await inbox.WaitForMessageTo(next, TimeSpan.FromSeconds(10));
        Assert.Empty(inbox.MessagesTo(unsent));

        // The commit has left when its answer is lost: its task fails later, not at once.
        static async Task LostAsync()
        {
            await Task.Delay(5);
            throw new TimeoutException("the database went away");
        }
    }

    [Theory]
    [InlineData("StartTls")]
    [InlineData("SslOnConnect")]
    public async Task Over_tls_the_data_waits_for_the_mark_so_a_message_taken_elsewhere_never_arrives(string security)
    {
        await using var secure = new SmtpInbox(security);
        using var tls = SmtpDelivery.NewClient();
        tls.ServerCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == secure.Certificate!.GetCertHashString();
        var options = new SmtpOptions { Host = secure.Host, Port = secure.Port, Security = security };
        await SmtpDelivery.ConnectAsync(tls, options, CancellationToken.None);
        Assert.True(tls.IsSecure);

        var taken = Unique("salattu-toinen");
        var result = await SmtpDelivery.SendOnceAsync(tls, Message(taken, "Toinen instanssi ehti ensin."), () => null,
            () => Task.CompletedTask, CancellationToken.None);
        Assert.Equal(SmtpOutcome.TakenElsewhere, result.Outcome);

        if (!tls.IsConnected) await SmtpDelivery.ConnectAsync(tls, options, CancellationToken.None);
        var to = Unique("salattu");
        var text = string.Join("\n", Enumerable.Range(1, 2000).Select(i => $"rivi {i} salatun yhteyden yli"));
        var receivedAtMark = -1;
        result = await SmtpDelivery.SendOnceAsync(tls, Message(to, text), () => { receivedAtMark = secure.MessagesTo(to).Count; return Task.CompletedTask; },
            () => throw new InvalidOperationException("nothing to take back"), CancellationToken.None);
        Assert.Equal(SmtpOutcome.Sent, result.Outcome);
        Assert.Equal(0, receivedAtMark);
        Assert.Equal(text, (await secure.WaitForMessageTo(to, TimeSpan.FromSeconds(10))).TextBody.Replace("\r\n", "\n").TrimEnd('\n'));
        Assert.Empty(secure.MessagesTo(taken));
    }

    [Fact]
    public async Task A_refused_address_is_not_marked_and_the_refusal_counts_as_permanent()
    {
        var marked = false;
        var result = await SmtpDelivery.SendOnceAsync(client, Message(Unique(SmtpInbox.RefusedPrefix + "poissa"), "Ei perille."),
            () => { marked = true; return Task.CompletedTask; }, () => Task.CompletedTask, CancellationToken.None);
        Assert.Equal(SmtpOutcome.NotSent, result.Outcome);
        Assert.True(result.Permanent);
        Assert.False(marked);
    }
}
