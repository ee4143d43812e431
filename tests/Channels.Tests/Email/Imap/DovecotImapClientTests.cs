using System.Diagnostics;
using ContactHub.Channels.Email.Imap;
using ContactHub.Channels.Tests.Email;

namespace ContactHub.Channels.Tests.Email.Imap;

/// <summary>ImapClient against the real Dovecot from scripts/lib/mail-servers.sh; each test works in its own new folder.</summary>
public sealed class DovecotImapClientTests
{
    private readonly ImapTestServer server = ImapTestServer.FromEnvironment();
    private readonly CancellationToken ct = CancellationToken.None;

    [Fact]
    public async Task LoginOverStartTlsSelectsInbox()
    {
        await using var client = await ImapClient.ConnectAsync(server.ClientOptions(ImapSecurity.StartTls), ct).WaitAsync(Timeouts.Await);
        Assert.True(client.IsEncrypted);
        Assert.False(client.HasCapability("STARTTLS")); // capabilities were asked again inside TLS

        await client.LoginAsync(server.User, server.Password, ct).WaitAsync(Timeouts.Await);
        var inbox = await client.SelectAsync("INBOX", ct).WaitAsync(Timeouts.Await);

        Assert.True(inbox.UidValidity > 0);
        Assert.True(inbox.UidNext > 0);
        Assert.True(client.HasCapability("IDLE"));
        await client.LogoutAsync(ct).WaitAsync(Timeouts.Await);
    }

    [Fact]
    public async Task AuthenticatePlainOverStartTlsUsesSaslIrAndLogsIn()
    {
        await using var client = await ImapClient.ConnectAsync(server.ClientOptions(ImapSecurity.StartTls), ct).WaitAsync(Timeouts.Await);
        Assert.True(client.HasCapability("SASL-IR"));
        Assert.True(client.HasCapability("AUTH=PLAIN"));

        await client.AuthenticatePlainAsync(server.User, server.Password, ct).WaitAsync(Timeouts.Await);
        var inbox = await client.SelectAsync("INBOX", ct).WaitAsync(Timeouts.Await);

        Assert.True(inbox.UidValidity > 0);
        await client.LogoutAsync(ct).WaitAsync(Timeouts.Await);
    }

    [Fact]
    public async Task WrongPasswordFailsWithTheServersTextAndKeepsTheConnection()
    {
        await using var client = await ImapClient.ConnectAsync(server.ClientOptions(ImapSecurity.StartTls), ct).WaitAsync(Timeouts.Await);

        var error = await Assert.ThrowsAsync<ImapCommandException>(() => client.AuthenticatePlainAsync(server.User, "wrong", ct).WaitAsync(Timeouts.Await));

        Assert.Equal(ImapStatus.No, error.Status);
        Assert.Contains("AUTHENTICATIONFAILED", error.ServerText);
        await client.NoopAsync(ct).WaitAsync(Timeouts.Await);
    }

    [Fact]
    public async Task LoginOverImplicitTlsSelectsInbox()
    {
        await using var front = new TlsTerminatingProxy(server.CertificatePath, server.KeyPath, server.Host, server.Port);
        await using var client = await ImapClient.ConnectAsync(server.ClientOptions(ImapSecurity.ImplicitTls, front.Port), ct).WaitAsync(Timeouts.Await);
        Assert.True(client.IsEncrypted);

        await client.LoginAsync(server.User, server.Password, ct).WaitAsync(Timeouts.Await);
        var inbox = await client.SelectAsync("INBOX", ct).WaitAsync(Timeouts.Await);

        Assert.True(inbox.UidValidity > 0);
        await client.LogoutAsync(ct).WaitAsync(Timeouts.Await);
    }

    [Fact]
    public async Task PlainConnectionLogsInWhenSecurityIsNone()
    {
        await using var client = await ImapClient.ConnectAsync(server.ClientOptions(ImapSecurity.None), ct).WaitAsync(Timeouts.Await);
        Assert.True(client.HasCapability("STARTTLS"));
        Assert.False(client.IsEncrypted);

        await client.LoginAsync(server.User, server.Password, ct).WaitAsync(Timeouts.Await);

        await client.NoopAsync(ct).WaitAsync(Timeouts.Await);
    }

    [Fact]
    public async Task UntrustedCertificateFailsTheStartTlsHandshake()
    {
        var options = server.ClientOptions(ImapSecurity.StartTls);
        options.CertificateValidation = null; // default validation: a self-signed certificate is not trusted

        await Assert.ThrowsAnyAsync<Exception>(() => ImapClient.ConnectAsync(options, ct).WaitAsync(Timeouts.Await));
    }

    [Fact]
    public async Task DeliveredMessagesAreFetchedByteForByte()
    {
        var folder = await server.NewFolderAsync(ct).WaitAsync(Timeouts.Await);
        string[] files = ["01_plain_ascii.eml", "03_mixed_pdf_rfc2047_subject.eml", "04_reply_threading.eml"];
        foreach (var file in files)
        {
            await server.DeliverAsync(folder, TestMail.FixtureBytes(file), ct).WaitAsync(Timeouts.Await);
        }

        await using var client = await server.LoginAsync(ct).WaitAsync(Timeouts.Await);
        var mailbox = await client.SelectAsync(folder, ct).WaitAsync(Timeouts.Await);
        var uids = await client.UidSearchFromAsync(1, ct).WaitAsync(Timeouts.Await);

        Assert.Equal(3u, mailbox.Exists);
        Assert.Equal(3, uids.Count);
        for (var i = 0; i < files.Length; i++)
        {
            var message = await client.UidFetchAsync(uids[i], ct).WaitAsync(Timeouts.Await);
            Assert.NotNull(message);
            Assert.Equal(uids[i], message.Uid);
            Assert.Equal(mailbox.UidValidity, message.UidValidity);
            Assert.Equal(TestMail.FixtureBytes(files[i]), message.RawMessage);
            Assert.DoesNotContain("\\Seen", message.Flags); // BODY.PEEK leaves the message unread
        }
    }

    [Fact]
    public async Task SearchFromBeyondTheLastUidReturnsNothing()
    {
        var folder = await server.NewFolderAsync(ct).WaitAsync(Timeouts.Await);
        await server.DeliverAsync(folder, ImapTestServer.MakeMessage("only"), ct).WaitAsync(Timeouts.Await);
        await using var client = await server.LoginAsync(ct).WaitAsync(Timeouts.Await);
        await client.SelectAsync(folder, ct).WaitAsync(Timeouts.Await);

        var uids = await client.UidSearchFromAsync(2, ct).WaitAsync(Timeouts.Await); // "2:*" matches UID 1 too

        Assert.Empty(uids);
    }

    [Fact]
    public async Task StoredKeywordIsReportedOnTheNextFetch()
    {
        var folder = await server.NewFolderAsync(ct).WaitAsync(Timeouts.Await);
        await server.DeliverAsync(folder, ImapTestServer.MakeMessage("flag me"), ct).WaitAsync(Timeouts.Await);
        await using var client = await server.LoginAsync(ct).WaitAsync(Timeouts.Await);
        await client.SelectAsync(folder, ct).WaitAsync(Timeouts.Await);

        await client.UidAddFlagsAsync(1, ["$ContactHubProcessed", "\\Seen"], ct).WaitAsync(Timeouts.Await);
        var message = await client.UidFetchAsync(1, ct).WaitAsync(Timeouts.Await);

        Assert.Contains("$ContactHubProcessed", message!.Flags);
        Assert.Contains("\\Seen", message.Flags);
    }

    [Fact]
    public async Task SelectOfAMissingFolderFailsWithNo()
    {
        await using var client = await server.LoginAsync(ct).WaitAsync(Timeouts.Await);

        var error = await Assert.ThrowsAsync<ImapCommandException>(() => client.SelectAsync("no-such-" + Guid.NewGuid().ToString("N"), ct).WaitAsync(Timeouts.Await));

        Assert.Equal(ImapStatus.No, error.Status);
    }

    [Fact]
    public async Task IdleWakesUpWithinThreeSecondsOfDelivery()
    {
        var folder = await server.NewFolderAsync(ct).WaitAsync(Timeouts.Await);
        await using var client = await server.LoginAsync(ct).WaitAsync(Timeouts.Await);
        await client.SelectAsync(folder, ct).WaitAsync(Timeouts.Await);

        var idle = client.IdleAsync(TimeSpan.FromSeconds(20), ct);
        await Task.Delay(300);
        await server.DeliverAsync(folder, ImapTestServer.MakeMessage("wake up"), ct).WaitAsync(Timeouts.Await);
        var delivered = Stopwatch.StartNew();
        var result = await idle.WaitAsync(Timeouts.Await);

        Assert.Equal(ImapIdleResult.MailboxChanged, result);
        Assert.True(delivered.Elapsed < TimeSpan.FromSeconds(3), $"IDLE woke {delivered.Elapsed} after delivery");
        Assert.Equal([1u], await client.UidSearchFromAsync(1, ct).WaitAsync(Timeouts.Await));
    }

    [Fact]
    public async Task IdleWithNothingNewEndsAfterItsTimeoutAndLeavesTheConnectionUsable()
    {
        var folder = await server.NewFolderAsync(ct).WaitAsync(Timeouts.Await);
        await using var client = await server.LoginAsync(ct).WaitAsync(Timeouts.Await);
        await client.SelectAsync(folder, ct).WaitAsync(Timeouts.Await);

        var result = await client.IdleAsync(TimeSpan.FromMilliseconds(500), ct).WaitAsync(Timeouts.Await);

        Assert.Equal(ImapIdleResult.TimedOut, result);
        await client.NoopAsync(ct).WaitAsync(Timeouts.Await);
    }
}
