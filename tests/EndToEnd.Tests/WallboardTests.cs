using Microsoft.Playwright;

namespace ContactHub.EndToEnd.Tests;

/// <summary>The supervisor's wallboard follows routing events live, in a real browser.</summary>
public sealed class WallboardTests() : BrowserHubTest(agents: 1)
{
    private const string SupervisorPassword = "supervisor-e2e-password";

    protected override void Configure(Dictionary<string, string> settings)
    {
        SeedUser(settings, 1, "sam", "Sam Supervisor", "supervisor", SupervisorPassword);
    }

    [Fact]
    public async Task TheWallboardShowsAWaitingCustomerAndTheAnswerWithinASecond()
    {
        var (context, page) = await SignInAsync("sam", SupervisorPassword, returnUrl: "/wallboard");
        await using var _ = context;
        var general = page.Locator("[data-testid=queue-row][data-queue=general]");
        await Assertions.Expect(general).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(general.Locator("[data-metric=waiting]")).ToHaveTextAsync("0", new() { Timeout = 15_000 });

        await SendCustomerSmsAsync("+15555559001", "is anyone there?");
        await Assertions.Expect(general.Locator("[data-metric=waiting]")).ToHaveTextAsync("1", new() { Timeout = 1_500 });
        await Assertions.Expect(general.Locator("[data-metric=offered]")).ToHaveTextAsync("1", new() { Timeout = 1_500 });

        using var agent = await AgentClient.SignInAsync(Hub.BaseUrl, HubCluster.AgentName(0), HubCluster.Password);
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
