using ContactHub.Channels.Email.Mime;
using Microsoft.Playwright;

namespace ContactHub.EndToEnd.Tests;

/// <summary>
/// Attachments in a real browser: hostile file names show as inert text, an image the HTML shows by cid: really
/// loads inside the sandboxed frame, a file over the limit is listed without a link, and a file the agent attaches
/// to a reply reaches the real SMTP server.
/// </summary>
public sealed class EmailAttachmentTests() : BrowserHubTest(agents: 1)
{
    /// <summary>A valid 1x1 PNG.</summary>
    private const string Png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    private static readonly string[] HostileNames =
    [
        "\"><img src=x onerror=alert('name')>.pdf",
        "<svg onload=alert('svg')>.txt",
        "<b onmouseover=alert('b')>bold.png",
    ];

    private readonly string _folder = "Att" + Guid.NewGuid().ToString("N")[..8];

    protected override void Configure(Dictionary<string, string> settings)
    {
        Dovecot.WatchFolder(settings, _folder);
        var smtp = SmtpSink.Endpoint.Split(':');
        settings["Email:Smtp:Host"] = smtp[0];
        settings["Email:Smtp:Port"] = smtp[1];
        settings["Email:Smtp:Security"] = "StartTls";
        settings["Email:Smtp:UserName"] = SmtpSink.User;
        settings["Email:Smtp:Password"] = SmtpSink.Password;
        settings["Email:Smtp:From"] = "support@example.net";
        settings["Email:Smtp:TrustedCertificateFile"] = SmtpSink.Certificate;
        settings["Files:MaxFileBytes"] = "4096";
    }

    private static string Encode2231(string name) =>
        string.Concat(System.Text.Encoding.UTF8.GetBytes(name).Select(b => char.IsAsciiLetterOrDigit((char)b) || b == '.' ? ((char)b).ToString() : $"%{b:X2}"));

    private string CustomerMail(string customer)
    {
        var lines = new List<string>
        {
            $"From: Mallory <{customer}>", "To: support@example.net", "Subject: Files for you",
            $"Message-ID: <att-{_folder}@example.com>", "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=m", "",
            "--m", "Content-Type: multipart/related; boundary=r", "",
            "--r", "Content-Type: text/html; charset=utf-8", "", "<p>Our logo:</p><img src=\"cid:logo@acme.example\" alt=\"logo\">",
            "--r", "Content-Type: image/png", "Content-ID: <logo@acme.example>", "Content-Transfer-Encoding: base64", "", Png,
            "--r--",
        };
        foreach (var name in HostileNames)
        {
            lines.AddRange(["--m", "Content-Type: application/octet-stream", $"Content-Disposition: attachment; filename*=UTF-8''{Encode2231(name)}", "", "harmless"]);
        }
        var scan = Convert.ToBase64String(new byte[5000]);
        lines.AddRange(["--m", "Content-Type: application/pdf", "Content-Disposition: attachment; filename=\"big-scan.pdf\"", "Content-Transfer-Encoding: base64", ""]);
        lines.AddRange(scan.Chunk(76).Select(chunk => new string(chunk)));
        lines.AddRange(["--m--", ""]);
        return string.Join("\r\n", lines);
    }

    [Fact]
    public async Task HostileFileNamesStayTextTheCidImageLoadsInTheFrameAndAReplyCarriesItsFileToTheSmtpServer()
    {
        var (context, page) = await SignInAsync(HubCluster.AgentName(0));
        await using var _ = context;
        var alerts = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            alerts.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        await GoAvailableAsync(page);
        var customer = $"mallory.{_folder.ToLowerInvariant()}@example.com";

        Dovecot.Deliver(_folder, CustomerMail(customer));

        await page.ClickAsync("[data-testid=offer-accept]", new() { Timeout = 20_000 });
        await page.ClickAsync("[data-testid=conversation-item]", new() { Timeout = 15_000 });
        var inbound = page.Locator("[data-testid=interaction][data-direction=in]");
        var names = inbound.Locator("[data-testid=attachment-name]");
        await Assertions.Expect(names).ToHaveTextAsync([.. HostileNames, "big-scan.pdf"], new() { Timeout = 15_000 });
        Assert.Equal(0, await inbound.Locator("[data-testid=attachments] img, [data-testid=attachments] svg:not(.file-icon), [data-testid=attachments] b, [onerror], [onload], [onmouseover]").CountAsync());
        Assert.Equal(3, await inbound.Locator("[data-testid=attachment][data-state=file] a[download][href^='/api/files/']").CountAsync());
        var tooLarge = inbound.Locator("[data-testid=attachment][data-state=too-large]");
        await Assertions.Expect(tooLarge.Locator("[data-testid=attachment-size]")).ToHaveTextAsync("4.9 KB");
        Assert.Equal(0, await tooLarge.Locator("a").CountAsync());
        await inbound.Locator("[data-testid=attachment-name]").First.HoverAsync();

        await page.ClickAsync("[data-testid=show-formatted]");
        var logo = page.FrameLocator("[data-testid=email-html]").Locator("img[alt=logo]");
        await Assertions.Expect(logo).ToHaveJSPropertyAsync("complete", true, new() { Timeout = 15_000 });
        Assert.Equal(1, await logo.EvaluateAsync<int>("img => img.naturalWidth"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "07-email-attachments.png") });

        await page.SetInputFilesAsync("[data-testid=reply-files]", new FilePayload { Name = "setup.exe", MimeType = "application/pdf", Buffer = [1, 2, 3] });
        await Assertions.Expect(page.Locator("[data-testid=reply-file-problem]")).ToContainTextAsync("“setup.exe” cannot be attached", new() { Timeout = 10_000 });
        var quote = "%PDF-1.4 quote for Mallory"u8.ToArray();
        await page.SetInputFilesAsync("[data-testid=reply-files]", new FilePayload { Name = "Quote – März.pdf", MimeType = "application/octet-stream", Buffer = quote });
        await Assertions.Expect(page.Locator("[data-testid=reply-file]")).ToContainTextAsync("Quote – März.pdf", new() { Timeout = 10_000 });
        await page.FillAsync("[data-testid=reply-text]", "Here is your quote.");
        await page.ClickAsync("[data-testid=reply-send]");

        var sent = new MimeReader().Read(await SmtpSink.WaitForMailToAsync(customer, TimeSpan.FromSeconds(20)));
        var attached = Assert.Single(sent.Attachments);
        Assert.Equal(("Quote – März.pdf", "application/pdf"), (attached.FileName, attached.ContentType));
        Assert.Equal(quote, attached.Content.ToArray());
        Assert.Contains("Here is your quote.", sent.TextBody);
        var outbound = page.Locator("[data-testid=interaction][data-direction=out]");
        await Assertions.Expect(outbound.Locator("[data-testid=attachment-name]")).ToHaveTextAsync("Quote – März.pdf", new() { Timeout = 10_000 });

        Assert.Empty(alerts);
    }
}
