using Microsoft.Playwright;

namespace ContactHub.EndToEnd.Tests;

/// <summary>Click-to-call from a customer's conversation: the call is logged, placed through Twilio to the agent first, and follows the customer's leg.</summary>
public sealed class ClickToCallTests() : BrowserHubTest(agents: 0)
{
    private const string AgentPassword = "agent-e2e-password";
    private static readonly float Timeout = 15_000;

    protected override void Configure(Dictionary<string, string> settings)
    {
        SeedUser(settings, 0, "alice", "Alice Agent", "agent", AgentPassword);
    }

    [Fact]
    public async Task AnAgentCallsATextingCustomerBackAndTheTimelineFollowsTheCall()
    {
        var (context, page) = await SignInAsync("alice", AgentPassword);
        await using var _ = context;
        await GoAvailableAsync(page);
        const string customer = "+15555550188";
        await SendCustomerSmsAsync(customer, "Can someone call me about my contract?");
        await page.ClickAsync("[data-testid=offer-accept]", new() { Timeout = Timeout });
        await page.Locator("[data-testid=conversation-item]").First.ClickAsync(new() { Timeout = Timeout });

        await page.ClickAsync("[data-testid=call-customer]", new() { Timeout = Timeout });

        var placed = await WaitForPlacedCallAsync();
        Assert.StartsWith("client:agent-", placed.To);
        Assert.Contains($">{customer}</Number>", placed.LatestTwiml);
        var outbound = page.Locator("[data-testid=interaction][data-direction=out] [data-testid=call-summary]");
        // Twilio answered the create request with the call's sid, and the outbox recorded it: callbacks can be matched.
        await Assertions.Expect(outbound).ToHaveAttributeAsync("data-call-status", "queued", new() { Timeout = Timeout });

        await Twilio.Calls.ReportCustomerLegAsync(placed, "ringing", CancellationToken.None);
        await Assertions.Expect(outbound).ToHaveTextAsync("Ringing the customer", new() { Timeout = Timeout });
        await Twilio.Calls.ReportCustomerLegAsync(placed, "in-progress", CancellationToken.None);
        await Assertions.Expect(outbound).ToHaveTextAsync("Call in progress", new() { Timeout = Timeout });
        await Twilio.Calls.ReportCustomerLegAsync(placed, "completed", CancellationToken.None);
        await Twilio.Calls.ReportCustomerLegAsync(placed, "ringing", CancellationToken.None);
        await Assertions.Expect(outbound).ToHaveTextAsync("Call ended", new() { Timeout = Timeout });
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "12-click-to-call.png") });
        Assert.Single(Twilio.LiveCalls.Snapshot(), c => c.To.StartsWith("client:", StringComparison.Ordinal));
    }

    private async Task<ContactHub.StandIns.Twilio.Calls.LiveCall> WaitForPlacedCallAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (Twilio.LiveCalls.Snapshot().FirstOrDefault(c => c.To.StartsWith("client:", StringComparison.Ordinal)) is { } placed)
            {
                return placed;
            }
            Assert.True(DateTime.UtcNow < deadline, "The hub never placed the call through Twilio.");
            await Task.Delay(50);
        }
    }
}
