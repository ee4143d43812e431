using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using ContactHub.Core.Store;
using ContactHub.Server.Api;
using Microsoft.Extensions.DependencyInjection;

namespace ContactHub.Server.Tests;

/// <summary>
/// A bounce for an agent's reply, delivered into the real Dovecot mailbox the hub watches, marks that reply failed
/// with the code and reason instead of opening a conversation with the mail system.
/// </summary>
public sealed class EmailBounceTests : IDisposable
{
    private readonly string _folder = "Bounce" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _id = Guid.NewGuid().ToString("N")[..8];
    private readonly HubFactory _hub;

    public EmailBounceTests()
    {
        var imap = TestServers.Imap;
        var smtp = TestServers.Smtp;
        Doveadm(input: null, "mailbox", "create", "-u", imap.User, _folder);
        _hub = new HubFactory(extraSettings: new Dictionary<string, string>
        {
            ["Email:Imap:Host"] = imap.Host,
            ["Email:Imap:Port"] = imap.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Imap:Security"] = "StartTls",
            ["Email:Imap:UserName"] = imap.User,
            ["Email:Imap:Password"] = imap.Password,
            ["Email:Imap:Folder"] = _folder,
            ["Email:Imap:TrustedCertificateFile"] = Path.Combine(Path.GetDirectoryName(imap.Config)!, "cert.pem"),
            ["Email:Smtp:Host"] = smtp.Host,
            ["Email:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "StartTls",
            ["Email:Smtp:UserName"] = smtp.User,
            ["Email:Smtp:Password"] = smtp.Password,
            ["Email:Smtp:From"] = "support@example.net",
            ["Email:Smtp:FromName"] = "Acme Support",
            ["Email:Smtp:TrustedCertificateFile"] = Path.Combine(Path.GetDirectoryName(smtp.Maildir.TrimEnd('/'))!, "cert.pem"),
        });
        _hub.CreateClient().Dispose();
    }

    [Fact]
    public async Task ABounceForAnAgentsReplyMarksItFailedWithCodeAndReasonAndOpensNoConversation()
    {
        var customer = $"lena.{_id}@example.com";
        var daemon = $"mailer-daemon@mx-{_id}.example.com";
        Deliver(CustomerMail(customer, $"b1-{_id}@example.com", "Where is my order?", "Order #A-4521 has not arrived."));
        var first = (await WaitForTimelineAsync(customer, t => t.Count >= 1))[0];
        var api = _hub.CreateApiClient();
        var reply = await api.PostAsJsonAsync($"/api/conversations/{first.ConversationId}/replies", new { text = "It ships tomorrow." }).WaitAsync(TestServers.Timeout);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, reply.StatusCode);
        var sent = await WaitForSentMailAsync(customer);
        var messageId = new ContactHub.Channels.Email.Mime.MimeReader().Read(sent).MessageId!;

        Deliver(PostfixBounce(daemon, customer, sent));
        var timeline = await WaitForTimelineAsync(customer, t => t.Count >= 2 && t[1].Status == "failed");

        var outbound = timeline[1];
        Assert.Equal(("out", messageId), (outbound.Direction, outbound.ExternalId));
        Assert.Equal("5.1.1", outbound.ErrorCode);
        Assert.Equal($"<{customer}>: Recipient address rejected: User unknown in virtual mailbox table", outbound.ErrorReason);
        Assert.Equal(2, timeline.Count);
        Assert.Empty((await api.GetFromJsonAsync<List<ContactSummary>>($"/api/contacts?q={Uri.EscapeDataString(daemon)}").WaitAsync(TestServers.Timeout))!);
        var events = await _hub.Services.GetRequiredService<ConversationEventLog>().ListAsync(first.ConversationId, CancellationToken.None).WaitAsync(TestServers.Timeout);
        var bounced = Assert.Single(events, e => e.Kind == ConversationEventKinds.DeliveryFailed);
        Assert.Equal(outbound.Id, bounced.Data!.Value.GetProperty("interactionId").GetInt64());
        var kept = await _hub.Services.GetRequiredService<DeliveryReports>().SourcesAsync(outbound.Id, CancellationToken.None).WaitAsync(TestServers.Timeout);
        Assert.Contains($"Message-Id: <bounce-{_id}@mx-{_id}.example.com>", Encoding.UTF8.GetString(Assert.Single(kept)));
    }

    [Fact]
    public async Task ABounceAboutNoMessageOfOursIsKeptAsAnAutomatedMessageFromTheMailSystem()
    {
        var daemon = $"mailer-daemon@mx-{_id}.example.com";
        var stranger = Encoding.ASCII.GetBytes($"From: someone@example.org\r\nTo: x-{_id}@example.com\r\nSubject: Hi\r\nMessage-ID: <not-ours-{_id}@example.org>\r\n\r\nHello\r\n");

        Deliver(PostfixBounce(daemon, $"x-{_id}@example.com", stranger));
        var timeline = await WaitForTimelineAsync(daemon, t => t.Count >= 1);

        Assert.Equal(("email", "in"), (timeline[0].Channel, timeline[0].Direction));
        Assert.StartsWith("Undelivered Mail Returned to Sender", timeline[0].Text);
    }

    /// <summary>What Postfix sends back when the remote server refuses the recipient: the original message is returned whole.</summary>
    private string PostfixBounce(string daemon, string recipient, byte[] original) =>
        $"""
        Return-Path: <>
        Date: Mon, 23 Nov 2026 10:00:02 +0000 (UTC)
        From: {daemon} (Mail Delivery System)
        Subject: Undelivered Mail Returned to Sender
        To: support@example.net
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="B-{_id}"
        Message-Id: <bounce-{_id}@mx-{_id}.example.com>

        This is a MIME-encapsulated message.

        --B-{_id}
        Content-Description: Notification
        Content-Type: text/plain; charset=us-ascii

        I'm sorry to have to inform you that your message could not
        be delivered to one or more recipients. It's attached below.

        --B-{_id}
        Content-Description: Delivery report
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx-{_id}.example.com

        Final-Recipient: rfc822; {recipient}
        Action: failed
        Status: 5.1.1
        Diagnostic-Code: smtp; 550 5.1.1 <{recipient}>: Recipient address
            rejected: User unknown in virtual mailbox table

        --B-{_id}
        Content-Description: Undelivered Message
        Content-Type: message/rfc822


        """.ReplaceLineEndings("\r\n") + Encoding.UTF8.GetString(original).TrimEnd() + $"\r\n\r\n--B-{_id}--\r\n";

    private static string CustomerMail(string from, string messageId, string subject, string body) =>
        $"""
        From: Lena Customer <{from}>
        To: Support <support@example.net>
        Subject: {subject}
        Date: Mon, 23 Nov 2026 09:00:00 +0000
        Message-ID: <{messageId}>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        {body}

        """.ReplaceLineEndings("\r\n");

    private static async Task<byte[]> WaitForSentMailAsync(string recipient)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(TestServers.Smtp.Maildir, "new")))
            {
                var bytes = await File.ReadAllBytesAsync(file).WaitAsync(TestServers.Timeout);
                if (Encoding.UTF8.GetString(bytes).Contains(recipient, StringComparison.Ordinal))
                {
                    return bytes;
                }
            }
            Assert.True(DateTime.UtcNow < deadline, $"no reply to {recipient} reached the SMTP server");
            await Task.Delay(200);
        }
    }

    private async Task<List<InteractionDto>> WaitForTimelineAsync(string address, Func<List<InteractionDto>, bool> done)
    {
        var api = _hub.CreateApiClient();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var seen = "no contact";
        while (true)
        {
            var contacts = await api.GetFromJsonAsync<List<ContactSummary>>($"/api/contacts?q={Uri.EscapeDataString(address)}").WaitAsync(TestServers.Timeout);
            if (contacts is [var contact])
            {
                var timeline = (await api.GetFromJsonAsync<List<InteractionDto>>($"/api/contacts/{contact.Id}/timeline").WaitAsync(TestServers.Timeout))!;
                if (done(timeline))
                {
                    return timeline;
                }
                seen = string.Join(", ", timeline.Select(i => $"{i.Direction} {i.Status}"));
            }
            Assert.True(DateTime.UtcNow < deadline, $"the timeline of {address} did not reach the expected state; last seen: {seen}");
            await Task.Delay(200);
        }
    }

    private void Deliver(string message) => Doveadm(input: message, "save", "-u", TestServers.Imap.User, "-m", _folder);

    private static void Doveadm(string? input, params string[] arguments)
    {
        var start = new ProcessStartInfo("doveadm") { RedirectStandardInput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(TestServers.Imap.Config);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            process.StandardInput.Write(input);
        }
        process.StandardInput.Close();
        process.WaitForExit(10_000);
        Assert.True(process.ExitCode == 0, $"doveadm {string.Join(' ', arguments)} failed: {process.StandardError.ReadToEnd()}");
    }

    public void Dispose() => _hub.Dispose();
}
