using ContactHub.Channels.Email.Bounces;
using ContactHub.Channels.Email.Mime;
using ContactHub.Channels.Tests.Email.Imap;
using ContactHub.Core.Outbound;
using ContactHub.StandIns.Simulator.Email;

namespace ContactHub.Channels.Tests.Email;

/// <summary>The demo's e-mail customers: what they deliver into the real Dovecot, and how they answer the hub.</summary>
public sealed class EmailCustomerSimulatorTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly ImapTestServer _server = ImapTestServer.FromEnvironment();
    private readonly string _maildir = Path.Combine(Path.GetTempPath(), $"contacthub-sim-{Guid.NewGuid():N}");

    [Fact]
    public async Task ACustomersHtmlFollowUpAppendedOverImapReadsBackWithItsThreadAndEncodedSubject()
    {
        var folder = await _server.NewFolderAsync(CancellationToken.None).WaitAsync(Timeouts.Await);
        var options = new EmailSimulatorOptions { ImapHost = _server.Host, ImapPort = _server.Port, UserName = _server.User, Password = _server.Password, Folder = folder };
        var customer = EmailCustomers.Pool.Single(c => c.Address == "j.boehm@example.com");
        var draft = new CustomerMail.Draft(customer, "support@example.net", CustomerMail.ReplySubject("Rückerstattung für Bestellung B-1187"),
            "Danke!", "<p>Danke!</p>", InReplyTo: "answer-2@example.net", References: ["first-1@example.com", "answer-2@example.net"]);
        var (content, messageId) = CustomerMail.Write(draft, Now);

        await ImapAppender.AppendAsync(options, content, CancellationToken.None).WaitAsync(Timeouts.Await);

        await using var client = await _server.LoginAsync(CancellationToken.None).WaitAsync(Timeouts.Await);
        await client.SelectAsync(folder, CancellationToken.None).WaitAsync(Timeouts.Await);
        var uid = Assert.Single(await client.UidSearchFromAsync(1, CancellationToken.None).WaitAsync(Timeouts.Await));
        var fetched = await client.UidFetchAsync(uid, CancellationToken.None).WaitAsync(Timeouts.Await);
        var message = new MimeReader().Read(fetched!.RawMessage);
        Assert.Equal(messageId, message.MessageId);
        Assert.Equal("Re: Rückerstattung für Bestellung B-1187", message.Subject);
        Assert.Equal(("Jürgen Böhm", "j.boehm@example.com"), (message.From[0].DisplayName, message.From[0].Address));
        Assert.Equal("answer-2@example.net", message.InReplyTo);
        Assert.Equal(["first-1@example.com", "answer-2@example.net"], message.References);
        Assert.Equal("Danke!", message.TextBody.Trim());
        Assert.Contains("<p>Danke!</p>", message.UnsafeHtmlBody);
        Assert.Empty(message.Warnings);
    }

    [Fact]
    public async Task AWrongPasswordIsReportedWithTheServersRefusal()
    {
        var options = new EmailSimulatorOptions { ImapHost = _server.Host, ImapPort = _server.Port, UserName = _server.User, Password = "wrong", Folder = "INBOX" };

        var error = await Assert.ThrowsAsync<IOException>(() => ImapAppender.AppendAsync(options, "Subject: x\r\n\r\nx\r\n"u8.ToArray(), CancellationToken.None).WaitAsync(Timeouts.Await));

        Assert.Contains("a1 NO", error.Message);
    }

    [Fact]
    public void TheHubsAnswerIsOfferedOnceAndAnAnswerToAGoneMailboxComesBackAsABounceTheHubAttachesToIt()
    {
        var gone = EmailCustomers.Pool.Single(c => c.MailboxGone);
        Directory.CreateDirectory(Path.Combine(_maildir, "new"));
        File.WriteAllText(Path.Combine(_maildir, "new", "1700000000.M1P1.sink"),
            $"From: Acme Support <support@example.net>\r\nTo: <{gone.Address}>\r\nSubject: Re: My account\r\nMessage-ID: <hub-answer-1@example.net>\r\n\r\nDone.\r\n");
        File.WriteAllText(Path.Combine(_maildir, "new", "1700000001.M2P1.sink"),
            "From: Acme Support <support@example.net>\r\nTo: <stranger@example.com>\r\nSubject: Re: Hi\r\nMessage-ID: <hub-answer-2@example.net>\r\n\r\nHi.\r\n");
        var answers = new HubAnswers(_maildir);

        var first = answers.TakeNew();
        var again = answers.TakeNew();

        var answer = Assert.Single(first);
        Assert.Empty(again);
        var report = BounceReader.Read(new MimeReader().Read(BounceMail.For(answer, "support@example.net", Now)))!;
        Assert.Equal("hub-answer-1@example.net", report.ConcernsExternalIds[0]);
        Assert.Equal((DeliveryReportActions.Failed, "5.1.1", gone.Address), (report.Action, report.StatusCode, report.Recipient));
    }

    public void Dispose()
    {
        if (Directory.Exists(_maildir))
        {
            Directory.Delete(_maildir, recursive: true);
        }
    }
}
