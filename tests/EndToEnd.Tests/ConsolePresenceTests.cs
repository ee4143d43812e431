using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContactHub.Server.Api;

namespace ContactHub.EndToEnd.Tests;

/// <summary>Presence follows the console: an agent whose browser is gone is set offline after the grace period.</summary>
public sealed class ConsolePresenceTests() : BrowserHubTest(agents: 1)
{
    private const string SupervisorToken = "presence-supervisor-token-0123456789";

    protected override void Configure(Dictionary<string, string> settings)
    {
        settings["Console:PresenceGraceSeconds"] = "2";
        settings["Api:Tokens:0:Name"] = "wallboard";
        settings["Api:Tokens:0:Token"] = SupervisorToken;
        settings["Api:Tokens:0:Role"] = "supervisor";
    }

    [Fact]
    public async Task AnAgentWhoClosesTheConsoleGoesOfflineAfterTheGracePeriodButNotBefore()
    {
        var (context, page) = await SignInAsync(HubCluster.AgentName(0));
        await GoAvailableAsync(page);

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
        var agents = await http.GetFromJsonAsync<List<AgentDto>>(Hub.BaseUrl + "/api/agents", ApiJson.Options);
        return agents!.Single().Presence;
    }
}
