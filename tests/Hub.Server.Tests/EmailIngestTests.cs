using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ContactHub.Server.Api;

namespace ContactHub.Server.Tests;

/// <summary>A customer's e-mail delivered into a real Dovecot mailbox reaches the timeline, threaded by its headers.</summary>
public sealed class EmailIngestTests() : RealMailboxHubTest(new Dictionary<string, string> { ["Email:Threading:PlusAddressReplyTo"] = "true" })
{


    [Fact]
    public async Task DeliveredMailAppearsOnTheCustomersTimelineAndARepliedMailJoinsItsThread()
    {
        var customer = $"dana.{Id}@example.com";
        Deliver(Mail(customer, $"m1-{Id}@example.com", "Invoice question", "Why was I charged twice?"));
        Deliver(Mail(customer, $"m2-{Id}@example.com", "Re: Invoice question", "Any news?", inReplyTo: $"m1-{Id}@example.com"));
        Deliver(Mail(customer, $"m3-{Id}@example.com", "New address", "I moved last week."));

        var timeline = await WaitForTimelineAsync(customer, t => t.Count >= 3);

        Assert.All(timeline, i => Assert.Equal(("email", "in"), (i.Channel, i.Direction)));
        Assert.StartsWith("Invoice question\n\nWhy was I charged twice?", timeline[0].Text);
        Assert.Equal(timeline[0].ConversationId, timeline[1].ConversationId);
        Assert.NotEqual(timeline[0].ConversationId, timeline[2].ConversationId);
        Assert.Equal($"m1-{Id}@example.com", timeline[0].ExternalId);
    }

    [Fact]
    public async Task AnAgentsReplyLeavesBySmtpThreadedAndTheCustomersAnswerJoinsTheSameConversation()
    {
        var customer = $"omar.{Id}@example.com";
        Deliver(Mail(customer, $"q1-{Id}@example.com", "Broken lamp", "It arrived broken."));
        var first = (await WaitForTimelineAsync(customer, t => t.Count >= 1))[0];

        var api = Hub.CreateApiClient();
        var reply = await api.PostAsJsonAsync($"/api/conversations/{first.ConversationId}/replies", new { text = "Sorry! A new lamp ships today." }).WaitAsync(TestServers.Timeout);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, reply.StatusCode);
        var sent = await WaitForSentMailAsync(customer);
        var parsed = new ContactHub.Channels.Email.Mime.MimeReader().Read(sent);
        Assert.Equal($"q1-{Id}@example.com", parsed.InReplyTo);
        Assert.Matches($@"^Re: Broken lamp \[#CH-{first.ConversationId}-[a-z2-7]{{8}}\]$", parsed.Subject);
        Assert.Contains("A new lamp ships today.", parsed.TextBody);
        Assert.Equal("<!DOCTYPE html><html><body><p>Sorry! A new lamp ships today.</p></body></html>", parsed.UnsafeHtmlBody);

        Deliver(Mail(customer, $"q2-{Id}@example.com", "Re: Broken lamp", "Thanks!", inReplyTo: parsed.MessageId));
        var timeline = await WaitForTimelineAsync(customer, t => t.Count >= 3);

        Assert.Equal(["in", "out", "in"], timeline.Select(i => i.Direction));
        Assert.All(timeline, i => Assert.Equal(first.ConversationId, i.ConversationId));
        Assert.Equal(parsed.MessageId, timeline[1].ExternalId);
    }

    [Fact]
    public async Task AnAnswerWithoutThreadingHeadersJoinsByTheSubjectTokenAndByThePlusAddressAndTheQueuesAddressIsTheFrom()
    {
        var admin = Hub.CreateApiClient(HubFactory.AdminToken);
        var general = (await admin.GetFromJsonAsync<JsonObject>("/api/admin/queues/general").WaitAsync(TestServers.Timeout))!;
        general["emailFrom"] = "help@example.net";
        general["emailFromName"] = "Acme Help";
        (await admin.PutAsJsonAsync("/api/admin/queues/general", general).WaitAsync(TestServers.Timeout)).EnsureSuccessStatusCode();
        var customer = $"lena.{Id}@example.com";
        Deliver(Mail(customer, $"p1-{Id}@example.com", "Printer broken", "It prints nothing."));
        var first = (await WaitForTimelineAsync(customer, t => t.Count >= 1))[0];

        var reply = await Hub.CreateApiClient().PostAsJsonAsync($"/api/conversations/{first.ConversationId}/replies", new { text = "Please try a new cartridge." }).WaitAsync(TestServers.Timeout);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, reply.StatusCode);
        var parsed = new ContactHub.Channels.Email.Mime.MimeReader().Read(await WaitForSentMailAsync(customer));
        Assert.Equal([new ContactHub.Channels.Email.Mime.MimeMailbox("Acme Help", "help@example.net")], parsed.From);
        Assert.Matches($@"^Re: Printer broken \[#CH-{first.ConversationId}-[a-z2-7]{{8}}\]$", parsed.Subject);
        var replyTo = Assert.Single(parsed.ReplyTo).Address;
        Assert.Matches($@"^help\+ch{first.ConversationId}-[a-z2-7]{{8}}@example\.net$", replyTo);

        // The customer's client dropped In-Reply-To and References but kept the subject; then a new mail to the Reply-To.
        Deliver(Mail(customer, $"p2-{Id}@example.com", "AW: " + parsed.Subject, "Still nothing."));
        Deliver(Mail(customer, $"p3-{Id}@example.com", "Photo of the printer", "See attachment.", to: replyTo));
        var timeline = await WaitForTimelineAsync(customer, t => t.Count >= 4);

        Assert.Equal(["in", "out", "in", "in"], timeline.Select(i => i.Direction));
        Assert.All(timeline, i => Assert.Equal(first.ConversationId, i.ConversationId));
    }

    private static string Mail(string from, string messageId, string subject, string body, string? inReplyTo = null, string to = "support@example.net")
    {
        var headers = new StringBuilder()
            .Append($"From: Dana Customer <{from}>\r\n")
            .Append($"To: Support <{to}>\r\n")
            .Append($"Subject: {subject}\r\n")
            .Append("Date: Mon, 23 Nov 2026 10:00:00 +0000\r\n")
            .Append($"Message-ID: <{messageId}>\r\n");
        if (inReplyTo is not null)
        {
            headers.Append($"In-Reply-To: <{inReplyTo}>\r\nReferences: <{inReplyTo}>\r\n");
        }
        return headers.Append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n").Append(body).Append("\r\n").ToString();
    }
}
