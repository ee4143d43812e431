using Microsoft.Playwright;

namespace ContactHub.EndToEnd.Tests;

/// <summary>The supervisor's wallboard follows routing events live, in a real browser.</summary>
public sealed class WallboardTests : IAsyncLifetime
{
    private const string SupervisorPassword = "supervisor-e2e-password";
    private TwilioStandInServer _twilio = null!;
    private HubProcess _hub = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _twilio = await TwilioStandInServer.StartAsync(HubCluster.AccountSid, HubCluster.AuthToken, HubCluster.OurNumber);
        var settings = new HubCluster("unused", _twilio.BaseUrl, agents: 1).Settings;
        settings.Remove("Store:Provider");
        settings.Remove("ConnectionStrings:Store");
        settings["Seed:Users:1:UserName"] = "sam";
        settings["Seed:Users:1:DisplayName"] = "Sam Supervisor";
        settings["Seed:Users:1:Role"] = "supervisor";
        settings["Seed:Users:1:Password"] = SupervisorPassword;
        _hub = await HubProcess.StartAsync(settings);
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
    public async Task TheWallboardShowsAWaitingCustomerAndTheAnswerWithinASecond()
    {
        var page = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 800 } });
        await page.GotoAsync(_hub.BaseUrl + "/login?returnUrl=%2Fwallboard");
        await page.FillAsync("#username", "sam");
        await page.FillAsync("#password", SupervisorPassword);
        await page.ClickAsync("#login");
        var general = page.Locator("[data-testid=queue-row][data-queue=general]");
        await Assertions.Expect(general).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(general.Locator("[data-metric=waiting]")).ToHaveTextAsync("0", new() { Timeout = 15_000 });

        using (var http = new HttpClient())
        {
            var response = await SignedSms.PostAsync(http, _hub.BaseUrl, HubCluster.AuthToken, HubCluster.AccountSid, "+15555559001", HubCluster.OurNumber, "is anyone there?");
            Assert.True(response.IsSuccessStatusCode);
        }
        await Assertions.Expect(general.Locator("[data-metric=waiting]")).ToHaveTextAsync("1", new() { Timeout = 1_500 });
        await Assertions.Expect(general.Locator("[data-metric=offered]")).ToHaveTextAsync("1", new() { Timeout = 1_500 });

        using var agent = await AgentClient.SignInAsync(_hub.BaseUrl, HubCluster.AgentName(0), HubCluster.Password);
        await agent.SetPresenceAsync("available");
        var agentRow = page.Locator($"[data-testid=agent-row][data-agent-id='{agent.Id}']");
        await Assertions.Expect(agentRow.Locator("[data-testid=agent-activity]")).ToContainTextAsync("available", new() { Timeout = 1_500, IgnoreCase = true });
        var offer = (await agent.MeAsync()).Offer ?? throw new Xunit.Sdk.XunitException("the available agent got no offer");
        Assert.True(await agent.AcceptAsync(offer.ConversationId));

        await Assertions.Expect(general.Locator("[data-metric=answered]")).ToHaveTextAsync("1", new() { Timeout = 1_500 });
        await Assertions.Expect(general.Locator("[data-metric=waiting]")).ToHaveTextAsync("0", new() { Timeout = 1_500 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "03-wallboard.png") });
    }
}
