using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ContactHub.Server.Api;

namespace ContactHub.Server.Tests;

/// <summary>A customer's e-mail delivered into a real Dovecot mailbox reaches the timeline, threaded by its headers.</summary>
public sealed class EmailIngestTests : IDisposable
{
    private readonly string _folder = "Support" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _id = Guid.NewGuid().ToString("N")[..8];
    private readonly HubFactory _hub;

    public EmailIngestTests()
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
            ["Email:Threading:PlusAddressReplyTo"] = "true",
        });
        _hub.CreateClient().Dispose();
    }

    [Fact]
    public async Task DeliveredMailAppearsOnTheCustomersTimelineAndARepliedMailJoinsItsThread()
    {
        var customer = $"dana.{_id}@example.com";
        Deliver(Mail(customer, $"m1-{_id}@example.com", "Invoice question", "Why was I charged twice?"));
        Deliver(Mail(customer, $"m2-{_id}@example.com", "Re: Invoice question", "Any news?", inReplyTo: $"m1-{_id}@example.com"));
        Deliver(Mail(customer, $"m3-{_id}@example.com", "New address", "I moved last week."));

        var timeline = await WaitForTimelineAsync(customer, count: 3);

        Assert.All(timeline, i => Assert.Equal(("email", "in"), (i.Channel, i.Direction)));
        Assert.StartsWith("Invoice question\n\nWhy was I charged twice?", timeline[0].Text);
        Assert.Equal(timeline[0].ConversationId, timeline[1].ConversationId);
        Assert.NotEqual(timeline[0].ConversationId, timeline[2].ConversationId);
        Assert.Equal($"m1-{_id}@example.com", timeline[0].ExternalId);
    }

    [Fact]
    public async Task AnAgentsReplyLeavesBySmtpThreadedAndTheCustomersAnswerJoinsTheSameConversation()
    {
        var customer = $"omar.{_id}@example.com";
        Deliver(Mail(customer, $"q1-{_id}@example.com", "Broken lamp", "It arrived broken."));
        var first = (await WaitForTimelineAsync(customer, count: 1))[0];

        var api = _hub.CreateApiClient();
        var reply = await api.PostAsJsonAsync($"/api/conversations/{first.ConversationId}/replies", new { text = "Sorry! A new lamp ships today." }).WaitAsync(TestServers.Timeout);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, reply.StatusCode);
        var sent = await WaitForSentMailAsync(customer);
        var parsed = new ContactHub.Channels.Email.Mime.MimeReader().Read(sent);
        Assert.Equal($"q1-{_id}@example.com", parsed.InReplyTo);
        Assert.Matches($@"^Re: Broken lamp \[#CH-{first.ConversationId}-[a-z2-7]{{8}}\]$", parsed.Subject);
        Assert.Contains("A new lamp ships today.", parsed.TextBody);
        Assert.Equal("<!DOCTYPE html><html><body><p>Sorry! A new lamp ships today.</p></body></html>", parsed.UnsafeHtmlBody);

        Deliver(Mail(customer, $"q2-{_id}@example.com", "Re: Broken lamp", "Thanks!", inReplyTo: parsed.MessageId));
        var timeline = await WaitForTimelineAsync(customer, count: 3);

        Assert.Equal(["in", "out", "in"], timeline.Select(i => i.Direction));
        Assert.All(timeline, i => Assert.Equal(first.ConversationId, i.ConversationId));
        Assert.Equal(parsed.MessageId, timeline[1].ExternalId);
    }

    [Fact]
    public async Task AnAnswerWithoutThreadingHeadersJoinsByTheSubjectTokenAndByThePlusAddressAndTheQueuesAddressIsTheFrom()
    {
        var admin = _hub.CreateApiClient(HubFactory.AdminToken);
        var general = (await admin.GetFromJsonAsync<JsonObject>("/api/admin/queues/general").WaitAsync(TestServers.Timeout))!;
        general["emailFrom"] = "help@example.net";
        general["emailFromName"] = "Acme Help";
        (await admin.PutAsJsonAsync("/api/admin/queues/general", general).WaitAsync(TestServers.Timeout)).EnsureSuccessStatusCode();
        var customer = $"lena.{_id}@example.com";
        Deliver(Mail(customer, $"p1-{_id}@example.com", "Printer broken", "It prints nothing."));
        var first = (await WaitForTimelineAsync(customer, count: 1))[0];

        var reply = await _hub.CreateApiClient().PostAsJsonAsync($"/api/conversations/{first.ConversationId}/replies", new { text = "Please try a new cartridge." }).WaitAsync(TestServers.Timeout);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, reply.StatusCode);
        var parsed = new ContactHub.Channels.Email.Mime.MimeReader().Read(await WaitForSentMailAsync(customer));
        Assert.Equal([new ContactHub.Channels.Email.Mime.MimeMailbox("Acme Help", "help@example.net")], parsed.From);
        Assert.Matches($@"^Re: Printer broken \[#CH-{first.ConversationId}-[a-z2-7]{{8}}\]$", parsed.Subject);
        var replyTo = Assert.Single(parsed.ReplyTo).Address;
        Assert.Matches($@"^help\+ch{first.ConversationId}-[a-z2-7]{{8}}@example\.net$", replyTo);

        // The customer's client dropped In-Reply-To and References but kept the subject; then a new mail to the Reply-To.
        Deliver(Mail(customer, $"p2-{_id}@example.com", "AW: " + parsed.Subject, "Still nothing."));
        Deliver(Mail(customer, $"p3-{_id}@example.com", "Photo of the printer", "See attachment.", to: replyTo));
        var timeline = await WaitForTimelineAsync(customer, count: 4);

        Assert.Equal(["in", "out", "in", "in"], timeline.Select(i => i.Direction));
        Assert.All(timeline, i => Assert.Equal(first.ConversationId, i.ConversationId));
    }

    private static async Task<byte[]> WaitForSentMailAsync(string recipient)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(TestServers.Smtp.Maildir, "new")))
            {
                var bytes = await File.ReadAllBytesAsync(file);
                if (Encoding.UTF8.GetString(bytes).Contains(recipient, StringComparison.Ordinal))
                {
                    return bytes;
                }
            }
            Assert.True(DateTime.UtcNow < deadline, $"no reply to {recipient} reached the SMTP server");
            await Task.Delay(200);
        }
    }

    private async Task<List<InteractionDto>> WaitForTimelineAsync(string address, int count)
    {
        var api = _hub.CreateApiClient();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var contacts = await api.GetFromJsonAsync<List<ContactSummary>>($"/api/contacts?q={Uri.EscapeDataString(address)}").WaitAsync(TestServers.Timeout);
            if (contacts is [var contact])
            {
                var timeline = (await api.GetFromJsonAsync<List<InteractionDto>>($"/api/contacts/{contact.Id}/timeline").WaitAsync(TestServers.Timeout))!;
                if (timeline.Count >= count)
                {
                    return timeline;
                }
            }
            Assert.True(DateTime.UtcNow < deadline, $"the mail of {address} did not reach the timeline");
            await Task.Delay(200);
        }
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
