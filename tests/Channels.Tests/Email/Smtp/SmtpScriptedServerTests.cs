using ContactHub.Channels.Email.Smtp;

namespace ContactHub.Channels.Tests.Email.Smtp;

public class SmtpScriptedServerTests
{
    private static SmtpMessage Message(int bodyBytes = 10) =>
        new("a@example.net", ["b@example.org", "c@example.org"], System.Text.Encoding.ASCII.GetBytes("Subject: x\r\n\r\n" + new string('x', bodyBytes) + "\r\n"));

    private static SmtpClientOptions Options(ScriptedSmtpServer server, SmtpSecurity security = SmtpSecurity.None) => new()
    {
        Host = "127.0.0.1",
        Port = server.Port,
        Security = security,
        CommandTimeout = TimeSpan.FromSeconds(5),
        CertificateValidation = server.Certificate is null ? null : (_, cert, _, _) => cert?.GetCertHashString() == server.Certificate.GetCertHashString(),
    };

    private static string? Plain(string command) => command switch
    {
        _ when command.StartsWith("EHLO") => "250-test\r\n250-PIPELINING\r\n250-SIZE 1000\r\n250 AUTH PLAIN\r\n",
        "DATA" => "354 go\r\n",
        "<DATA>" => "250 2.0.0 Ok: queued as Q1\r\n",
        "QUIT" => "221 bye\r\n",
        _ when command.StartsWith("AUTH PLAIN ") => "235 2.7.0 ok\r\n",
        _ => "250 ok\r\n",
    };

    [Fact]
    public async Task ImplicitTlsSpeaksTlsFromTheFirstByteAndAuthenticates()
    {
        using var server = new ScriptedSmtpServer("220 tls.test\r\n", Plain, implicitTls: true);
        var options = Options(server, SmtpSecurity.ImplicitTls);
        options.UserName = "u";
        options.Password = "p";

        var result = await new SmtpClient(options).SendAsync(Message()).WaitAsync(Timeouts.Await);
        await server.Finished.WaitAsync(Timeouts.Await);

        Assert.Equal(SmtpOutcome.Accepted, result.Outcome);
        Assert.Equal("Q1", result.QueueId);
        Assert.Contains(server.Received, c => c.StartsWith("AUTH PLAIN "));
    }

    [Fact]
    public async Task MailFromCarriesSizeAndRecipientsArePipelined()
    {
        using var server = new ScriptedSmtpServer("220 test\r\n", Plain);

        var result = await new SmtpClient(Options(server)).SendAsync(Message()).WaitAsync(Timeouts.Await);
        await server.Finished.WaitAsync(Timeouts.Await);

        Assert.Equal(SmtpOutcome.Accepted, result.Outcome);
        Assert.Equal(["MAIL FROM:<a@example.net> SIZE=26", "RCPT TO:<b@example.org>", "RCPT TO:<c@example.org>", "DATA", "<DATA>", "QUIT"], server.Received.Skip(1));
    }

    [Fact]
    public async Task MessageOverTheServersSizeLimitFailsPermanentlyWithoutBeingSent()
    {
        using var server = new ScriptedSmtpServer("220 test\r\n", Plain);

        var result = await new SmtpClient(Options(server)).SendAsync(Message(bodyBytes: 2000)).WaitAsync(Timeouts.Await);
        await server.Finished.WaitAsync(Timeouts.Await);

        Assert.Equal(SmtpOutcome.PermanentFailure, result.Outcome);
        Assert.DoesNotContain(server.Received, c => c.StartsWith("MAIL"));
    }

    [Fact]
    public async Task ServerClosingWith421MidSessionMakesTheRestTransient()
    {
        using var server = new ScriptedSmtpServer("220 test\r\n", c => c == "DATA" ? "421 4.3.2 shutting down\r\n" : Plain(c));

        var results = await new SmtpClient(Options(server)).SendAsync([Message(), Message()]).WaitAsync(Timeouts.Await);
        await server.Finished.WaitAsync(Timeouts.Await);

        Assert.All(results, r => Assert.Equal(SmtpOutcome.TransientFailure, r.Outcome));
        Assert.Equal("4.3.2", results[0].EnhancedStatus);
    }

    [Fact]
    public async Task MultiLineRepliesAreReadWhole()
    {
        using var server = new ScriptedSmtpServer("220-first\r\n220-second\r\n220 third\r\n",
            c => c == "<DATA>" ? "250-2.0.0 Ok\r\n250 2.0.0 queued as MULTI\r\n" : Plain(c));

        var result = await new SmtpClient(Options(server)).SendAsync(Message()).WaitAsync(Timeouts.Await);
        await server.Finished.WaitAsync(Timeouts.Await);

        Assert.Equal(SmtpOutcome.Accepted, result.Outcome);
        Assert.Equal("MULTI", result.QueueId);
    }

    [Fact]
    public async Task RefusingGreetingIsAConfigurationErrorAndBusyGreetingIsTransient()
    {
        using var refusing = new ScriptedSmtpServer("554 5.7.1 go away\r\n", Plain);
        using var busy = new ScriptedSmtpServer("421 4.3.2 busy\r\n", Plain);

        var refused = await new SmtpClient(Options(refusing)).SendAsync(Message()).WaitAsync(Timeouts.Await);
        var later = await new SmtpClient(Options(busy)).SendAsync(Message()).WaitAsync(Timeouts.Await);

        Assert.Equal(SmtpOutcome.ConfigurationError, refused.Outcome);
        Assert.Equal(SmtpOutcome.TransientFailure, later.Outcome);
    }
}
