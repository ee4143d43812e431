using System.Text;
using ContactHub.Channels.Email.Imap;
using ContactHub.Channels.Tests.Email;

namespace ContactHub.Channels.Tests.Email.Imap;

/// <summary>The client against scripted servers: the shared transcript, and NO/BAD/silence.</summary>
public sealed class ImapClientScriptTests
{
    private static readonly ImapClientOptions Options = new() { Security = ImapSecurity.None, CommandTimeout = TimeSpan.FromSeconds(5), ConnectTimeout = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task TranscriptSessionSendsTheTranscriptCommandsAndReadsEveryAnswer()
    {
        var transcript = ImapTranscript.Load();
        var stream = new ScriptedStream(transcript.Server, chunk: 1);
        var ct = CancellationToken.None;

        var client = await ImapClient.ConnectAsync(stream, Options, ct).WaitAsync(Timeouts.Await);
        Assert.True(client.HasCapability("SASL-IR"));
        await client.AuthenticatePlainAsync("support@example.net", "fake-app-password", ct).WaitAsync(Timeouts.Await);
        Assert.True(client.HasCapability("MOVE"));
        var mailbox = await client.SelectAsync("INBOX", ct).WaitAsync(Timeouts.Await);
        var uids = await client.UidSearchFromAsync(1043, ct).WaitAsync(Timeouts.Await);
        var message = await client.UidFetchAsync(1043, ct).WaitAsync(Timeouts.Await);
        var idle = await client.IdleAsync(TimeSpan.FromSeconds(10), ct).WaitAsync(Timeouts.Await);
        var newUids = await client.UidSearchFromAsync(1044, ct).WaitAsync(Timeouts.Await);
        await client.LogoutAsync(ct).WaitAsync(Timeouts.Await);

        Assert.Equal(new ImapMailboxStatus("INBOX", 1773100000, 1044, 41, ReadOnly: false), mailbox);
        Assert.Equal([1043u], uids);
        Assert.NotNull(message);
        Assert.Equal(TestMail.FixtureBytes("01_plain_ascii.eml"), message.RawMessage);
        Assert.Equal(ImapIdleResult.MailboxChanged, idle);
        Assert.Equal(42u, client.Selected!.Exists);
        Assert.Equal([1044u], newUids);
        var expected = transcript.Client.Select(line => line.StartsWith("a4 ", StringComparison.Ordinal) ? "a4 UID FETCH 1043 (UID FLAGS BODY.PEEK[])" : line);
        Assert.Equal(string.Join("\r\n", expected) + "\r\n", stream.Written);
    }

    [Fact]
    public async Task LoginRejectedWithNoThrowsCommandExceptionWithTheServerText()
    {
        var stream = new ScriptedStream("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\na1 NO [AUTHENTICATIONFAILED] Authentication failed.\r\na2 OK NOOP done\r\n");
        var client = await ImapClient.ConnectAsync(stream, Options, CancellationToken.None).WaitAsync(Timeouts.Await);

        var error = await Assert.ThrowsAsync<ImapCommandException>(() => client.LoginAsync("u", "wrong", CancellationToken.None).WaitAsync(Timeouts.Await));

        Assert.Equal(ImapStatus.No, error.Status);
        Assert.Equal("[AUTHENTICATIONFAILED] Authentication failed.", error.ServerText);
        Assert.True(client.IsConnected);
        await client.NoopAsync(CancellationToken.None).WaitAsync(Timeouts.Await);
    }

    [Fact]
    public async Task BadCommandThrowsCommandExceptionWithTheServerText()
    {
        var stream = new ScriptedStream("* PREAUTH [CAPABILITY IMAP4rev1] hi\r\n* BAD stray junk\r\na1 BAD Error in IMAP command SELECT: Invalid arguments.\r\n");
        var client = await ImapClient.ConnectAsync(stream, Options, CancellationToken.None).WaitAsync(Timeouts.Await);

        var error = await Assert.ThrowsAsync<ImapCommandException>(() => client.SelectAsync("INBOX", CancellationToken.None).WaitAsync(Timeouts.Await));

        Assert.Equal(ImapStatus.Bad, error.Status);
        Assert.Contains("Invalid arguments", error.ServerText);
    }

    [Fact]
    public async Task SilentServerTimesOutTheCommandAsAnIOException()
    {
        var stream = new ScriptedStream("* OK [CAPABILITY IMAP4rev1] hi\r\n", hangAtEnd: true);
        var options = new ImapClientOptions { Security = ImapSecurity.None, CommandTimeout = TimeSpan.FromMilliseconds(300) };
        var client = await ImapClient.ConnectAsync(stream, options, CancellationToken.None).WaitAsync(Timeouts.Await);

        await Assert.ThrowsAsync<ImapTimeoutException>(() => client.NoopAsync(CancellationToken.None).WaitAsync(Timeouts.Await));

        Assert.False(client.IsConnected);
        await Assert.ThrowsAsync<IOException>(() => client.NoopAsync(CancellationToken.None).WaitAsync(Timeouts.Await));
    }

    [Fact]
    public async Task ConnectionDroppedMidCommandIsAnIOException()
    {
        var stream = new ScriptedStream("* OK [CAPABILITY IMAP4rev1] hi\r\n* 1 EXISTS\r\n");
        var client = await ImapClient.ConnectAsync(stream, Options, CancellationToken.None).WaitAsync(Timeouts.Await);

        await Assert.ThrowsAnyAsync<IOException>(() => client.SelectAsync("INBOX", CancellationToken.None).WaitAsync(Timeouts.Await));
    }

    [Fact]
    public async Task StartTlsIsRefusedBeforeAnyCredentialWhenTheServerDoesNotOfferIt()
    {
        var stream = new ScriptedStream("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n");
        var options = new ImapClientOptions { Security = ImapSecurity.StartTls };

        await Assert.ThrowsAsync<ImapProtocolException>(() => ImapClient.ConnectAsync(stream, options, CancellationToken.None).WaitAsync(Timeouts.Await));

        Assert.Equal("", stream.Written);
    }

    [Fact]
    public async Task DataInjectedAfterTheStartTlsAnswerIsRefused()
    {
        var stream = new ScriptedStream("* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\na1 OK Begin TLS negotiation now.\r\n* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] injected\r\n", chunk: 4096);
        var options = new ImapClientOptions { Security = ImapSecurity.StartTls };

        await Assert.ThrowsAsync<ImapProtocolException>(() => ImapClient.ConnectAsync(stream, options, CancellationToken.None).WaitAsync(Timeouts.Await));

        Assert.Equal("a1 STARTTLS\r\n", stream.Written);
    }

    [Fact]
    public async Task AuthenticatePlainWithoutSaslIrWaitsForTheContinuation()
    {
        var stream = new ScriptedStream("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n+ \r\na1 OK [CAPABILITY IMAP4rev1 IDLE] Logged in\r\n");
        var client = await ImapClient.ConnectAsync(stream, Options, CancellationToken.None).WaitAsync(Timeouts.Await);

        await client.AuthenticatePlainAsync("u", "p", CancellationToken.None).WaitAsync(Timeouts.Await);

        Assert.Equal("a1 AUTHENTICATE PLAIN\r\n" + Convert.ToBase64String(Encoding.UTF8.GetBytes("\0u\0p")) + "\r\n", stream.Written);
        Assert.True(client.HasCapability("IDLE"));
    }

    [Fact]
    public async Task NonAsciiPasswordIsSentAsASynchronisingLiteral()
    {
        var stream = new ScriptedStream("* OK [CAPABILITY IMAP4rev1] ready\r\n+ go\r\na1 OK [CAPABILITY IMAP4rev1] Logged in\r\n");
        var client = await ImapClient.ConnectAsync(stream, Options, CancellationToken.None).WaitAsync(Timeouts.Await);

        await client.LoginAsync("u", "pässword", CancellationToken.None).WaitAsync(Timeouts.Await);

        Assert.Equal("a1 LOGIN u {9}\r\npässword\r\n", stream.Written);
    }

    [Fact]
    public async Task NonAsciiPasswordIsSentAsANonSynchronisingLiteralWhenLiteralPlusIsOffered()
    {
        var stream = new ScriptedStream("* OK [CAPABILITY IMAP4rev1 LITERAL+] ready\r\na1 OK [CAPABILITY IMAP4rev1] Logged in\r\n");
        var client = await ImapClient.ConnectAsync(stream, Options, CancellationToken.None).WaitAsync(Timeouts.Await);

        await client.LoginAsync("u", "pässword", CancellationToken.None).WaitAsync(Timeouts.Await);

        Assert.Equal("a1 LOGIN u {9+}\r\npässword\r\n", stream.Written);
    }

    [Fact]
    public async Task UnsolicitedResponsesDuringFetchAreObservedAndTheRightUidIsKept()
    {
        var stream = new ScriptedStream("* PREAUTH [CAPABILITY IMAP4rev1] hi\r\n"
            + "* 2 EXISTS\r\n* OK [UIDVALIDITY 5] ok\r\na1 OK [READ-WRITE] done\r\n"
            + "* 1 FETCH (FLAGS (\\Seen) UID 3)\r\n* 3 EXISTS\r\n* 2 FETCH (UID 4 FLAGS () BODY[] {2}\r\nhi)\r\n* OK Still here\r\na2 OK Fetch completed.\r\n");
        var client = await ImapClient.ConnectAsync(stream, Options, CancellationToken.None).WaitAsync(Timeouts.Await);
        await client.SelectAsync("INBOX", CancellationToken.None).WaitAsync(Timeouts.Await);

        var message = await client.UidFetchAsync(4, CancellationToken.None).WaitAsync(Timeouts.Await);

        Assert.Equal(4u, message!.Uid);
        Assert.Equal(5u, message.UidValidity);
        Assert.Equal("hi"u8.ToArray(), message.RawMessage);
        Assert.Equal(3u, client.Selected!.Exists);
    }

    [Fact]
    public async Task FolderNamesWithSpacesAreQuoted()
    {
        var stream = new ScriptedStream("* OK [CAPABILITY IMAP4rev1] ready\r\na1 OK done\r\n");
        var client = await ImapClient.ConnectAsync(stream, Options, CancellationToken.None).WaitAsync(Timeouts.Await);

        await client.CreateAsync("Support \"EU\"", CancellationToken.None).WaitAsync(Timeouts.Await);

        Assert.Equal("a1 CREATE \"Support \\\"EU\\\"\"\r\n", stream.Written);
    }

    [Fact]
    public void NonAsciiFolderNamesUseModifiedUtf7()
    {
        Assert.Equal("Entw&APw-rfe", ImapClient.EncodeMailboxName("Entwürfe"));
        Assert.Equal("A&-B", ImapClient.EncodeMailboxName("A&B"));
        Assert.Equal("&ZeVnLIqe-", ImapClient.EncodeMailboxName("日本語"));
    }
}
