using Microsoft.Playwright;

namespace ContactHub.EndToEnd.Tests;

/// <summary>A customer's answer with Gmail-style quoted history: the agent reads the new text, the history is one click away, still inert.</summary>
public sealed class EmailQuotedTextTests() : BrowserHubTest(agents: 1)
{
    private readonly string _folder = "Quoted" + Guid.NewGuid().ToString("N")[..8];

    protected override void Configure(Dictionary<string, string> settings)
    {
        Dovecot.WatchFolder(settings, _folder);
    }

    [Fact]
    public async Task QuotedHistoryIsFoldedAwayUntilTheAgentAsksForIt()
    {
        var (context, page) = await SignInAsync(HubCluster.AgentName(0));
        await using var _ = context;
        await GoAvailableAsync(page);

        Dovecot.Deliver(_folder, string.Join("\r\n",
            "From: Dana <dana@example.com>",
            "To: support@example.net",
            "Subject: Re: Printer broken",
            "Message-ID: <quoted-" + _folder + "@example.com>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "",
            "The new cartridge works, thanks!",
            "",
            "On Mon, Nov 23, 2026 at 10:02 AM Acme Support <support@example.net> wrote:",
            "> Please try a new cartridge. <script>alert('quoted')</script>",
            ""));

        await page.ClickAsync("[data-testid=offer-accept]", new() { Timeout = 20_000 });
        await page.ClickAsync("[data-testid=conversation-item]", new() { Timeout = 15_000 });
        var text = page.Locator("[data-testid=interaction][data-direction=in] .interaction-text");
        await Assertions.Expect(text).ToContainTextAsync("The new cartridge works, thanks!", new() { Timeout = 15_000 });
        await Assertions.Expect(text).Not.ToContainTextAsync("Please try a new cartridge");
        var toggle = page.Locator("[data-testid=show-quoted]");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");

        await toggle.ClickAsync();

        await Assertions.Expect(text).ToContainTextAsync("> Please try a new cartridge. <script>alert('quoted')</script>", new() { Timeout = 15_000 });
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        Assert.Equal(0, await page.Locator("[data-testid=interaction] .interaction-text script").CountAsync());
        await toggle.ClickAsync();
        await Assertions.Expect(text).Not.ToContainTextAsync("Please try a new cartridge", new() { Timeout = 15_000 });
    }
}
