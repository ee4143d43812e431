using Microsoft.Playwright;

namespace ContactHub.EndToEnd.Tests;

/// <summary>
/// Hostile e-mail in a real browser: script in the subject, the sender's name and the HTML body must show as
/// inert text or be stripped, and nothing may run, neither in the console nor in the formatted view.
/// </summary>
public sealed class EmailXssTests() : BrowserHubTest(agents: 1)
{
    private readonly string _folder = "Xss" + Guid.NewGuid().ToString("N")[..8];

    protected override void Configure(Dictionary<string, string> settings)
    {
        Dovecot.WatchFolder(settings, _folder);
    }

    [Fact]
    public async Task ScriptInTheSubjectTheSendersNameAndTheBodyNeverRuns()
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

        Dovecot.Deliver(_folder, string.Join("\r\n",
            "From: \"<script>alert('name')</script>\" <mallory@example.com>",
            "To: support@example.net",
            "Subject: <img src=x onerror=alert('subject')>Refund",
            "Message-ID: <xss-" + _folder + "@example.com>",
            "MIME-Version: 1.0",
            "Content-Type: text/html; charset=utf-8",
            "",
            "<p>Hello</p><script>alert('body')</script><img src=x onerror=\"alert('img')\">",
            "<a href=\"javascript:alert('link')\">click</a><iframe src=\"javascript:alert('frame')\"></iframe>",
            "<svg onload=\"alert('svg')\"></svg><form action=\"https://evil.example\"><input name=p></form>",
            ""));

        await page.ClickAsync("[data-testid=offer-accept]", new() { Timeout = 20_000 });
        await page.ClickAsync("[data-testid=conversation-item]", new() { Timeout = 15_000 });
        var text = page.Locator("[data-testid=interaction][data-direction=in] .interaction-text");
        await Assertions.Expect(text).ToContainTextAsync("<img src=x onerror=alert('subject')>Refund", new() { Timeout = 15_000 });

        await page.ClickAsync("[data-testid=show-formatted]");
        var frameElement = page.Locator("[data-testid=email-html]");
        await Assertions.Expect(frameElement).ToHaveAttributeAsync("sandbox", "allow-popups allow-popups-to-escape-sandbox");
        var frame = page.FrameLocator("[data-testid=email-html]");
        await Assertions.Expect(frame.Locator("p")).ToHaveTextAsync("Hello", new() { Timeout = 15_000 });
        Assert.Equal(0, await frame.Locator("script, iframe, svg, form, input, [onerror], [onload]").CountAsync());
        Assert.Equal(0, await frame.Locator("a[href^='javascript' i]").CountAsync());
        await page.WaitForTimeoutAsync(500);
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "06-hostile-email.png") });

        // Loading remote images re-sanitises with images allowed; everything else stays as inert as before.
        await page.ClickAsync("[data-testid=load-images]");
        await Assertions.Expect(frameElement).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex(@"/html\?images=true$"));
        await Assertions.Expect(frame.Locator("p")).ToHaveTextAsync("Hello", new() { Timeout = 15_000 });
        Assert.Equal(0, await frame.Locator("script, iframe, svg, form, input, [onerror], [onload]").CountAsync());
        await page.WaitForTimeoutAsync(500);

        Assert.Empty(alerts);
    }
}
