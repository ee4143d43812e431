using System.Net;
using System.Net.Sockets;
using System.Text;
using ContactHub.Channels.Email.Mime;
using ContactHub.Channels.Email.Smtp;
using Microsoft.Extensions.Logging;

namespace ContactHub.Channels.Tests.Email.Smtp;

/// <summary>Against the real test server (scripts/smtp-sink.py): STARTTLS, AUTH, Maildir delivery, refusals.</summary>
public class SmtpDeliveryTests
{
    private static readonly MimeMailbox Queue = new("Acme Support", "support@example.net");
    private readonly SmtpSink _sink = SmtpSink.FromEnvironment();

    private static ComposedMessage Reply(string to = "helene.dupre@example.org")
    {
        var customer = TestMail.Fixture("04_reply_threading.eml");
        var draft = ReplyDraft.Answering(customer, Queue, "Bonjour Hélène,\n.Nous renvoyons le colis.\n.\nAcme") with
        {
            To = [new MimeMailbox("Hélène Dupré", to)],
            HtmlBody = "<p>Bonjour Hélène</p>",
        };
        return new ReplyComposer().Compose(draft);
    }

    private static SmtpMessage Envelope(ComposedMessage composed, params string[] recipients) =>
        new(Queue.Address, recipients.Length == 0 ? ["helene.dupre@example.org"] : recipients, composed.Content);

    private async Task<SmtpSendResult> SendAsync(SmtpClientOptions options, SmtpMessage message, ILogger<SmtpClient>? logger = null) =>
        await new SmtpClient(options, logger).SendAsync(message).WaitAsync(Timeouts.Await);

    [Theory]
    [InlineData("PLAIN")]
    [InlineData("LOGIN")]
    public async Task StartTlsAndAuthDeliverAThreadedReplyTheMaildirReceives(string mechanism)
    {
        var composed = Reply();

        var result = await SendAsync(_sink.Options(mechanism: mechanism), Envelope(composed));

        Assert.Equal(SmtpOutcome.Accepted, result.Outcome);
        Assert.Equal(250, result.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.QueueId));
        var received = await _sink.WaitForMessageAsync(composed.MessageId);
        Assert.Equal(composed.MessageId, received.MessageId);
        Assert.Equal("CAF4k9q-Z1xw8pZ0r5fUw0nEw3Zs7uVQ2Kq@mail.example.org", received.InReplyTo);
        Assert.Equal(
            ["1b7e0c2a-5d41-4e8f-9a63-0c4d2f9e1a77@example.org", "tkt1042.r1.1773150122@helpdesk.example.net", "CAF4k9q-Z1xw8pZ0r5fUw0nEw3Zs7uVQ2Kq@mail.example.org"],
            received.References);
        Assert.Equal("Re: [#1042] Commande n°4521 non reçue", received.Subject);
        Assert.Equal("Bonjour Hélène,\n.Nous renvoyons le colis.\n.\nAcme", received.TextBody);
        Assert.Equal("<p>Bonjour Hélène</p>", received.UnsafeHtmlBody);
    }

    [Fact]
    public async Task DotLinesInARawMessageArriveUnchanged()
    {
        var marker = Guid.NewGuid().ToString("N");
        var raw = $"From: support@example.net\nTo: a@example.org\nSubject: dots {marker}\nMessage-ID: <{marker}@example.net>\n\n.one dot\n..two dots\n.\nend\n";

        var result = await SendAsync(_sink.Options(), new SmtpMessage("support@example.net", ["a@example.org"], Encoding.ASCII.GetBytes(raw)));

        Assert.Equal(SmtpOutcome.Accepted, result.Outcome);
        var received = Encoding.ASCII.GetString(await _sink.WaitForRawAsync(marker));
        Assert.EndsWith("\n\n.one dot\n..two dots\n.\nend\n", received.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task WrongPasswordIsAPermanentConfigurationError()
    {
        var result = await SendAsync(_sink.Options(password: "not-the-password"), Envelope(Reply()));

        Assert.Equal(SmtpOutcome.ConfigurationError, result.Outcome);
        Assert.False(result.ShouldRetry);
        Assert.Equal(535, result.Code);
    }

    [Fact]
    public async Task MailBeforeAuthIsRefusedAsAConfigurationError()
    {
        var options = _sink.Options();
        options.UserName = null;
        options.Password = null;

        var result = await SendAsync(options, Envelope(Reply()));

        Assert.Equal(SmtpOutcome.ConfigurationError, result.Outcome);
        Assert.Equal(530, result.Code);
    }

    [Fact]
    public async Task UnknownRecipientIsAPermanentFailureWithItsEnhancedStatus()
    {
        var result = await SendAsync(_sink.Options(), Envelope(Reply(), "bounce-nobody@example.org"));

        Assert.Equal(SmtpOutcome.PermanentFailure, result.Outcome);
        Assert.False(result.ShouldRetry);
        Assert.Equal(550, result.Code);
        Assert.Equal("5.1.1", result.EnhancedStatus);
        Assert.Equal("bounce-nobody@example.org", Assert.Single(result.RejectedRecipients).Address);
    }

    [Fact]
    public async Task TemporarilyRefusedRecipientIsATransientFailure()
    {
        var result = await SendAsync(_sink.Options(), Envelope(Reply(), "tempfail@example.org"));

        Assert.Equal(SmtpOutcome.TransientFailure, result.Outcome);
        Assert.True(result.ShouldRetry);
        Assert.Equal(451, result.Code);
        Assert.Equal("4.3.0", result.EnhancedStatus);
    }

    [Fact]
    public async Task OneRefusedRecipientAmongSeveralStillDeliversToTheOthers()
    {
        var composed = Reply();

        var result = await SendAsync(_sink.Options(), Envelope(composed, "ok1@example.org", "bounce@example.org", "ok2@example.org"));

        Assert.Equal(SmtpOutcome.Accepted, result.Outcome);
        var rejected = Assert.Single(result.RejectedRecipients);
        Assert.Equal(("bounce@example.org", SmtpOutcome.PermanentFailure, "5.1.1"), (rejected.Address, rejected.Outcome, rejected.EnhancedStatus));
        await _sink.WaitForMessageAsync(composed.MessageId);
    }

    [Fact]
    public async Task SeveralMessagesOnOneConnectionEachGetTheirOwnResult()
    {
        var first = Reply();
        var second = Reply();
        var client = new SmtpClient(_sink.Options());

        var results = await client.SendAsync([Envelope(first), Envelope(Reply(), "bounce@example.org"), Envelope(second)]).WaitAsync(Timeouts.Await);

        Assert.Equal([SmtpOutcome.Accepted, SmtpOutcome.PermanentFailure, SmtpOutcome.Accepted], results.Select(r => r.Outcome));
        Assert.NotEqual(results[0].QueueId, results[2].QueueId);
        await _sink.WaitForMessageAsync(first.MessageId);
        await _sink.WaitForMessageAsync(second.MessageId);
    }

    [Fact]
    public async Task SelfSignedCertificateIsRefusedByDefaultAsAConfigurationError()
    {
        var options = _sink.Options();
        options.CertificateValidation = null;

        var result = await SendAsync(options, Envelope(Reply()));

        Assert.Equal(SmtpOutcome.ConfigurationError, result.Outcome);
        Assert.Contains("TLS", result.Text);
    }

    [Fact]
    public async Task PasswordNeverReachesTheLog()
    {
        var log = new CapturingLogger();

        var result = await SendAsync(_sink.Options(mechanism: "LOGIN"), Envelope(Reply()), log);
        await SendAsync(_sink.Options(mechanism: "PLAIN"), Envelope(Reply()), log);

        Assert.Equal(SmtpOutcome.Accepted, result.Outcome);
        var all = string.Join("\n", log.Lines);
        Assert.Contains("AUTH", all);
        Assert.DoesNotContain(_sink.Password, all);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(_sink.Password)), all);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{_sink.User}\0{_sink.Password}")), all);
    }

    private sealed class CapturingLogger : ILogger<SmtpClient>
    {
        public List<string> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines)
                Lines.Add(formatter(state, exception));
        }
    }
}

/// <summary>Failures that need no SMTP server: a closed port and a server that never answers.</summary>
public class SmtpConnectionFailureTests
{
    private static SmtpMessage Message => new("a@example.net", ["b@example.org"], "Subject: x\r\n\r\nx\r\n"u8.ToArray());

    [Fact]
    public async Task ClosedPortIsATransientFailure()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await new SmtpClient(new SmtpClientOptions { Host = "127.0.0.1", Port = port }).SendAsync(Message).WaitAsync(Timeouts.Await);

        Assert.Equal(SmtpOutcome.TransientFailure, result.Outcome);
        Assert.Equal(0, result.Code);
    }

    [Fact]
    public async Task ServerThatNeverGreetsTimesOutAsATransientFailure()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accept = listener.AcceptTcpClientAsync();
        var options = new SmtpClientOptions { Host = "127.0.0.1", Port = port, CommandTimeout = TimeSpan.FromMilliseconds(300) };

        var result = await new SmtpClient(options).SendAsync(Message).WaitAsync(Timeouts.Await);

        Assert.Equal(SmtpOutcome.TransientFailure, result.Outcome);
        Assert.Contains("timed out", result.Text);
        (await accept.WaitAsync(Timeouts.Await)).Dispose();
    }

    [Fact]
    public async Task ServerWithoutStartTlsIsAConfigurationErrorBeforeAnyCredentialIsSent()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var received = new StringBuilder();
        var server = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await stream.WriteAsync("220 plain.test ESMTP\r\n"u8.ToArray());
            while (await reader.ReadLineAsync() is { } line)
            {
                received.AppendLine(line);
                var answer = line.StartsWith("EHLO") ? "250-plain.test\r\n250 AUTH PLAIN LOGIN\r\n" : line == "QUIT" ? "221 bye\r\n" : "500 no\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(answer));
            }
        });
        var options = new SmtpClientOptions { Host = "127.0.0.1", Port = port, UserName = "u", Password = "secret-pw", CommandTimeout = TimeSpan.FromSeconds(5) };

        var result = await new SmtpClient(options).SendAsync(Message).WaitAsync(Timeouts.Await);
        await server.WaitAsync(Timeouts.Await);

        Assert.Equal(SmtpOutcome.ConfigurationError, result.Outcome);
        Assert.Contains("STARTTLS", result.Text);
        Assert.DoesNotContain("AUTH", received.ToString());
    }
}
