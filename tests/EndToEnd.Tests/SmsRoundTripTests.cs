using Microsoft.Playwright;

namespace ContactHub.EndToEnd.Tests;

/// <summary>
/// The foundation's whole path in a real browser: an agent goes available, a customer's signed SMS
/// arrives through the webhook, the offer pops, the agent accepts, reads, replies, the Twilio stand-in
/// receives the send, and its signed "delivered" callback shows on the timeline.
/// </summary>
public sealed class SmsRoundTripTests() : BrowserHubTest(agents: 0)
{
    private const string AgentPassword = "agent-e2e-password";
    private static readonly float Timeout = 15_000;

    protected override void Configure(Dictionary<string, string> settings)
    {
        SeedUser(settings, 0, "alice", "Alice Agent", "agent", AgentPassword);
    }

    [Fact]
    public async Task AnAgentAcceptsACustomerSmsRepliesAndSeesItDelivered()
    {
        var (context, page) = await SignInAsync("alice", AgentPassword);
        await using var _ = context;
        var browserLog = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Console += (_, message) => browserLog.Enqueue($"[{message.Type}] {message.Text}");
        page.PageError += (_, error) => browserLog.Enqueue($"[pageerror] {error}");
        try
        {
            await GoAvailableAsync(page);

            const string customer = "+15555550123";
            const string question = "Hi, my order #4417 arrived damaged. Can you help?";
            await SendCustomerSmsAsync(customer, question);

            var offer = page.Locator("[data-testid=offer]");
            await Assertions.Expect(offer).ToBeVisibleAsync(new() { Timeout = Timeout });
            await Assertions.Expect(page.Locator("[data-testid=offer-text]")).ToContainTextAsync("arrived damaged", new() { Timeout = Timeout });
            await Assertions.Expect(page.Locator("[data-testid=offer-countdown]")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "01-offer.png") });

            await page.ClickAsync("[data-testid=offer-accept]");
            await Assertions.Expect(offer).ToBeHiddenAsync(new() { Timeout = Timeout });
            var item = page.Locator("[data-testid=conversation-item]").First;
            await Assertions.Expect(item).ToBeVisibleAsync(new() { Timeout = Timeout });
            await item.ClickAsync();
            var inbound = page.Locator("[data-testid=interaction][data-direction=in]");
            await Assertions.Expect(inbound.Locator(".interaction-text")).ToHaveTextAsync(question, new() { Timeout = Timeout });
            // Times show on the agent's own clock (the browser's zone), not the server's.
            Assert.EndsWith("+09:00", await inbound.Locator("time").GetAttributeAsync("title"));

            const string answer = "Sorry about that! A replacement ships today.";
            await page.FillAsync("[data-testid=reply-text]", answer);
            await page.ClickAsync("[data-testid=reply-send]");

            var sent = await Twilio.WaitForMessageAsync(m => m.To == customer && m.Body == answer, TimeSpan.FromSeconds(15));
            Assert.Equal(HubCluster.OurNumber, sent.From);

            var outbound = page.Locator("[data-testid=interaction][data-direction=out]");
            await Assertions.Expect(outbound.Locator(".interaction-text")).ToHaveTextAsync(answer, new() { Timeout = Timeout });
            await Assertions.Expect(outbound).ToHaveAttributeAsync("data-status", "delivered", new() { Timeout = Timeout });
            await Assertions.Expect(outbound.Locator("[data-testid=interaction-status]")).ToContainTextAsync("delivered", new() { IgnoreCase = true });
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "02-delivered.png") });
        }
        catch (Exception error)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "failure.png") });
            throw new Xunit.Sdk.XunitException($"{error.Message}\n--- browser console ---\n{string.Join('\n', browserLog)}\n--- hub output ---\n{Hub.Output}");
        }
    }

    [Fact]
    public async Task ACustomerWhoTextedStopCannotBeTextedAndTheConsoleSaysWhyBeforeTheAgentTypes()
    {
        var (context, page) = await SignInAsync("alice", AgentPassword);
        await using var _ = context;
        await GoAvailableAsync(page);

        const string customer = "+15555550124";
        await SendCustomerSmsAsync(customer, "Stop");

        await page.ClickAsync("[data-testid=offer-accept]", new() { Timeout = Timeout });
        var item = page.Locator("[data-testid=conversation-item]").First;
        await Assertions.Expect(item).ToBeVisibleAsync(new() { Timeout = Timeout });
        await item.ClickAsync();

        var notice = page.Locator("[data-testid=reply-opted-out]");
        await Assertions.Expect(notice).ToContainTextAsync("\"STOP\"", new() { Timeout = Timeout });
        await Assertions.Expect(notice).ToContainTextAsync("until they send START");
        await Assertions.Expect(page.Locator("[data-testid=reply-text]")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("[data-testid=reply-send]")).ToBeDisabledAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "03-opted-out.png") });
        Assert.DoesNotContain(await Twilio.MessagesAsync(), m => m.To == customer);
    }
}
