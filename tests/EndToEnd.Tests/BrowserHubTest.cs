using Microsoft.Playwright;

namespace ContactHub.EndToEnd.Tests;

/// <summary>
/// One hub process on SQLite with the Twilio stand-in and Chromium, for browser tests of one node.
/// Subclasses add users and settings in <see cref="Configure"/>.
/// </summary>
public abstract class BrowserHubTest(int agents) : IAsyncLifetime
{
    private IPlaywright _playwright = null!;

    protected TwilioStandInServer Twilio { get; private set; } = null!;

    protected HubProcess Hub { get; private set; } = null!;

    /// <summary>Where the agents' browsers are: not the server's zone, so a time shown in the wrong zone is caught.</summary>
    protected const string AgentTimeZone = "Asia/Tokyo";

    protected IBrowser Browser { get; private set; } = null!;

    protected virtual void Configure(Dictionary<string, string> settings)
    {
    }

    /// <summary>A console user the hub seeds at start (the seed step sets the password on every start).</summary>
    protected static void SeedUser(Dictionary<string, string> settings, int index, string userName, string displayName, string role, string password)
    {
        settings[$"Seed:Users:{index}:UserName"] = userName;
        settings[$"Seed:Users:{index}:DisplayName"] = displayName;
        settings[$"Seed:Users:{index}:Role"] = role;
        settings[$"Seed:Users:{index}:Password"] = password;
    }

    public async Task InitializeAsync()
    {
        Twilio = await TwilioStandInServer.StartAsync(HubCluster.AccountSid, HubCluster.AuthToken, HubCluster.OurNumber);
        var settings = new HubCluster("unused", Twilio.BaseUrl, agents).Settings;
        settings.Remove("Store:Provider");
        settings.Remove("ConnectionStrings:Store");
        Configure(settings);
        Hub = await HubProcess.StartAsync(settings);
        (_playwright, Browser) = await EndToEnd.Tests.Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await Hub.DisposeAsync();
        await Twilio.DisposeAsync();
    }

    /// <summary>Signs in through the login form in a fresh browser context and waits until the console is live.</summary>
    protected async Task<(IBrowserContext Context, IPage Page)> SignInAsync(string userName, string password = HubCluster.Password, string returnUrl = "/")
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 800 }, TimezoneId = AgentTimeZone });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Hub.BaseUrl + "/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#login");
        return (context, page);
    }

    protected static async Task GoAvailableAsync(IPage page)
    {
        await page.ClickAsync("[data-testid=presence-available]", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-testid=presence-state]")).ToHaveTextAsync("available", new() { Timeout = 15_000 });
    }

    protected async Task SendCustomerSmsAsync(string from, string body)
    {
        using var http = new HttpClient();
        var response = await SignedSms.PostAsync(http, Hub.BaseUrl, HubCluster.AuthToken, HubCluster.AccountSid, from, HubCluster.OurNumber, body);
        Assert.True(response.IsSuccessStatusCode, $"webhook answered {(int)response.StatusCode}");
    }
}
