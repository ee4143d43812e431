using Microsoft.Playwright;

namespace ContactHub.EndToEnd.Tests;

/// <summary>
/// The foundation's whole path in a real browser: an agent goes available, a customer's signed SMS
/// arrives through the webhook, the offer pops, the agent accepts, reads, replies, the Twilio stand-in
/// receives the send, and its signed "delivered" callback shows on the timeline.
/// </summary>
public sealed class SmsRoundTripTests : IAsyncLifetime
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "e2e0auth0token0for0the0stand0in0";
    private const string OurNumber = "+15555550100";
    private const string AgentPassword = "agent-e2e-password";
    private static readonly float Timeout = 15_000;

    private TwilioStandInServer _twilio = null!;
    private HubProcess _hub = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _twilio = await TwilioStandInServer.StartAsync(AccountSid, AuthToken, OurNumber);
        _hub = await HubProcess.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings:Redis"] = Environment.GetEnvironmentVariable("CONTACTHUB_TEST_REDIS") ?? throw new InvalidOperationException("CONTACTHUB_TEST_REDIS is not set: run through scripts/test.sh."),
            ["Routing:KeyPrefix"] = "e2e-" + Guid.NewGuid().ToString("N")[..12],
            ["Twilio:AccountSid"] = AccountSid,
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:PhoneNumber"] = OurNumber,
            ["Twilio:ApiBaseUrl"] = _twilio.BaseUrl,
            ["Seed:Users:0:UserName"] = "alice",
            ["Seed:Users:0:DisplayName"] = "Alice Agent",
            ["Seed:Users:0:Role"] = "agent",
            ["Seed:Users:0:Password"] = AgentPassword,
        });
        (_playwright, _browser) = await Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _hub.DisposeAsync();
        await _twilio.DisposeAsync();
    }

    [Fact]
    public async Task AnAgentAcceptsACustomerSmsRepliesAndSeesItDelivered()
    {
        var page = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 800 } });
        var browserLog = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Console += (_, message) => browserLog.Enqueue($"[{message.Type}] {message.Text}");
        page.PageError += (_, error) => browserLog.Enqueue($"[pageerror] {error}");
        try
        {
            await page.GotoAsync(_hub.BaseUrl + "/");
            await page.FillAsync("#username", "alice");
            await page.FillAsync("#password", AgentPassword);
            await page.ClickAsync("#login");
            await page.ClickAsync("[data-testid=presence-available]", new() { Timeout = Timeout });
            await Assertions.Expect(page.Locator("[data-testid=presence-state]")).ToHaveTextAsync("available", new() { Timeout = Timeout });

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

            const string answer = "Sorry about that! A replacement ships today.";
            await page.FillAsync("[data-testid=reply-text]", answer);
            await page.ClickAsync("[data-testid=reply-send]");

            var sent = await _twilio.WaitForMessageAsync(m => m.To == customer && m.Body == answer, TimeSpan.FromSeconds(15));
            Assert.Equal(OurNumber, sent.From);

            var outbound = page.Locator("[data-testid=interaction][data-direction=out]");
            await Assertions.Expect(outbound.Locator(".interaction-text")).ToHaveTextAsync(answer, new() { Timeout = Timeout });
            await Assertions.Expect(outbound).ToHaveAttributeAsync("data-status", "delivered", new() { Timeout = Timeout });
            await Assertions.Expect(outbound.Locator("[data-testid=interaction-status]")).ToContainTextAsync("delivered", new() { IgnoreCase = true });
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "02-delivered.png") });
        }
        catch (Exception error)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "failure.png") });
            throw new Xunit.Sdk.XunitException($"{error.Message}\n--- browser console ---\n{string.Join('\n', browserLog)}\n--- hub output ---\n{_hub.Output}");
        }
    }

    private async Task SendCustomerSmsAsync(string from, string body)
    {
        using var client = new HttpClient();
        var response = await SignedSms.PostAsync(client, _hub.BaseUrl, AuthToken, AccountSid, from, OurNumber, body);
        Assert.True(response.IsSuccessStatusCode, $"webhook answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
