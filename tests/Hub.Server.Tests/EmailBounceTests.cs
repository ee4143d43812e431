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
public sealed class EmailBounceTests() : RealMailboxHubTest()
{


    [Fact]
    public async Task ABounceForAnAgentsReplyMarksItFailedWithCodeAndReasonAndOpensNoConversation()
    {
        var customer = $"lena.{Id}@example.com";
        var daemon = $"mailer-daemon@mx-{Id}.example.com";
        Deliver(CustomerMail(customer, $"b1-{Id}@example.com", "Where is my order?", "Order #A-4521 has not arrived."));
        var first = (await WaitForTimelineAsync(customer, t => t.Count >= 1))[0];
        var api = Hub.CreateApiClient();
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
        var events = await Hub.Services.GetRequiredService<ConversationEventLog>().ListAsync(first.ConversationId, CancellationToken.None).WaitAsync(TestServers.Timeout);
        var bounced = Assert.Single(events, e => e.Kind == ConversationEventKinds.DeliveryFailed);
        Assert.Equal(outbound.Id, bounced.Data!.Value.GetProperty("interactionId").GetInt64());
        var kept = await Hub.Services.GetRequiredService<DeliveryReports>().SourcesAsync(outbound.Id, CancellationToken.None).WaitAsync(TestServers.Timeout);
        Assert.Contains($"Message-Id: <bounce-{Id}@mx-{Id}.example.com>", Encoding.UTF8.GetString(Assert.Single(kept)));
    }

    [Fact]
    public async Task ABounceAboutNoMessageOfOursIsKeptAsAnAutomatedMessageFromTheMailSystem()
    {
        var daemon = $"mailer-daemon@mx-{Id}.example.com";
        var stranger = Encoding.ASCII.GetBytes($"From: someone@example.org\r\nTo: x-{Id}@example.com\r\nSubject: Hi\r\nMessage-ID: <not-ours-{Id}@example.org>\r\n\r\nHello\r\n");

        Deliver(PostfixBounce(daemon, $"x-{Id}@example.com", stranger));
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
        Content-Type: multipart/report; report-type=delivery-status; boundary="B-{Id}"
        Message-Id: <bounce-{Id}@mx-{Id}.example.com>

        This is a MIME-encapsulated message.

        --B-{Id}
        Content-Description: Notification
        Content-Type: text/plain; charset=us-ascii

        I'm sorry to have to inform you that your message could not
        be delivered to one or more recipients. It's attached below.

        --B-{Id}
        Content-Description: Delivery report
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx-{Id}.example.com

        Final-Recipient: rfc822; {recipient}
        Action: failed
        Status: 5.1.1
        Diagnostic-Code: smtp; 550 5.1.1 <{recipient}>: Recipient address
            rejected: User unknown in virtual mailbox table

        --B-{Id}
        Content-Description: Undelivered Message
        Content-Type: message/rfc822


        """.ReplaceLineEndings("\r\n") + Encoding.UTF8.GetString(original).TrimEnd() + $"\r\n\r\n--B-{Id}--\r\n";

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
}
