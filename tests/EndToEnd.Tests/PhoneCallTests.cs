using Microsoft.Playwright;

namespace ContactHub.EndToEnd.Tests;

/// <summary>
/// A whole phone call in a real browser against the hub process, with the Twilio stand-in playing the network: the
/// customer who texted earlier calls, the offer pops with that text, the agent accepts, the call is put through to
/// the agent's browser phone, shows in progress, and the hang-up shows how long they talked.
/// </summary>
public sealed class PhoneCallTests() : BrowserHubTest(agents: 0)
{
    private const string AgentPassword = "agent-e2e-password";
    private static readonly float Timeout = 15_000;

    protected override void Configure(Dictionary<string, string> settings)
    {
        settings["Seed:Users:0:UserName"] = "alice";
        settings["Seed:Users:0:DisplayName"] = "Alice Agent";
        settings["Seed:Users:0:Role"] = "agent";
        settings["Seed:Users:0:Password"] = AgentPassword;
    }

    [Fact]
    public async Task ACallFromACustomerWhoTextedPopsTheirHistoryConnectsToTheAgentAndEndsWithItsTalkTime()
    {
        var (context, page) = await SignInAsync("alice", AgentPassword);
        await using var _ = context;
        try
        {
            await GoAvailableAsync(page);
            const string customer = "+15555550177";
            await SendCustomerSmsAsync(customer, "My router keeps dropping the connection every evening");
            await page.ClickAsync("[data-testid=offer-accept]", new() { Timeout = Timeout });
            await Assertions.Expect(page.Locator("[data-testid=offer]")).ToBeHiddenAsync(new() { Timeout = Timeout });

            var call = await Twilio.Calls.PlaceCallAsync(Hub.BaseUrl + "/webhooks/twilio/voice", customer, CancellationToken.None);
            Assert.Contains("<Enqueue", call.LatestTwiml);

            var offer = page.Locator("[data-testid=offer]");
            await Assertions.Expect(offer.Locator("[data-testid=offer-text]")).ToHaveTextAsync("Incoming call", new() { Timeout = Timeout });
            await Assertions.Expect(offer.Locator("[data-testid=screen-pop-item][data-channel=sms]")).ToContainTextAsync("router keeps dropping");
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "10-call-screen-pop.png") });

            await page.ClickAsync("[data-testid=offer-accept]");
            await WaitForAsync(() => call.LatestTwiml?.Contains("<Dial") == true, "the call was never redirected to the agent");
            Assert.Contains(">agent-", call.LatestTwiml);

            var voiceItem = page.Locator("[data-testid=conversation-item]").Filter(new() { Has = page.Locator(".ch-voice") });
            await voiceItem.First.ClickAsync(new() { Timeout = Timeout });
            var summary = page.Locator("[data-testid=call-summary]");
            await Assertions.Expect(summary).ToContainTextAsync("waiting", new() { Timeout = Timeout });

            await Twilio.Calls.AnswerAgentLegAsync(call, CancellationToken.None);
            await Assertions.Expect(summary).ToHaveAttributeAsync("data-call-status", "in-progress", new() { Timeout = Timeout });
            await Assertions.Expect(summary).ToContainTextAsync("Call in progress");

            await Twilio.Calls.EndDialAsync(call, "completed", talkSeconds: 42, Hub.BaseUrl + "/webhooks/twilio/voice/status", CancellationToken.None);
            await Assertions.Expect(summary).ToHaveAttributeAsync("data-call-status", "completed", new() { Timeout = Timeout });
            await Assertions.Expect(summary).ToContainTextAsync("talked 42s");
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "11-call-ended.png") });

            await page.ClickAsync("[data-testid=resolve]");
            await Assertions.Expect(voiceItem).ToHaveCountAsync(0, new() { Timeout = Timeout });
            await Assertions.Expect(page.Locator("[data-testid=conversation-item]")).ToHaveCountAsync(1);
        }
        catch (Exception error)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "call-failure.png") });
            throw new Xunit.Sdk.XunitException($"{error.Message}\n--- hub output ---\n{Hub.Output}");
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(50);
        }
    }
}
