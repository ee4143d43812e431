using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContactHub.Server.Api;
using Microsoft.Playwright;

namespace ContactHub.EndToEnd.Tests;

/// <summary>Presence follows the console: an agent whose browser is gone is set offline after the grace period.</summary>
public sealed class ConsolePresenceTests : IAsyncLifetime
{
    private const string SupervisorToken = "presence-supervisor-token-0123456789";
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
        settings["Console:PresenceGraceSeconds"] = "2";
        settings["Api:Tokens:0:Name"] = "wallboard";
        settings["Api:Tokens:0:Token"] = SupervisorToken;
        settings["Api:Tokens:0:Role"] = "supervisor";
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
    public async Task AnAgentWhoClosesTheConsoleGoesOfflineAfterTheGracePeriodButNotBefore()
    {
        var context = await _browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(_hub.BaseUrl + "/");
        await page.FillAsync("#username", HubCluster.AgentName(0));
        await page.FillAsync("#password", HubCluster.Password);
        await page.ClickAsync("#login");
        await page.ClickAsync("[data-testid=presence-available]", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-testid=presence-state]")).ToHaveTextAsync("available", new() { Timeout = 15_000 });

        await context.CloseAsync();
        Assert.Equal("available", await PresenceAsync());

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await PresenceAsync() != "offline")
        {
            Assert.True(DateTime.UtcNow < deadline, "the agent stayed online after the console closed");
            await Task.Delay(250);
        }
    }

    private async Task<string> PresenceAsync()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SupervisorToken);
        var agents = await http.GetFromJsonAsync<List<AgentDto>>(_hub.BaseUrl + "/api/agents", ApiJson.Options);
        return agents!.Single().Presence;
    }
}
