using System.Net;

namespace ContactHub.Server.Tests;

/// <summary>The admin pages render for admins (server prerender) and stay closed to agents.</summary>
public sealed class AdminPagesTests(HubFactoryFixture hub) : IClassFixture<HubFactoryFixture>
{
    [Theory]
    [InlineData("/admin/queues", "General")]
    [InlineData("/admin/rules", "Save all rules")]
    [InlineData("/admin/agents", "Alice Agent")]
    public async Task AnAdminSeesTheAdminPages(string path, string expected)
    {
        var client = await SignedInAsync("root", HubFactory.AdminPassword);

        var response = await client.GetAsync(path).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnAgentDoesNotSeeTheAdminPages()
    {
        var client = await SignedInAsync("alice", HubFactory.AgentPassword);

        var response = await client.GetAsync("/admin/queues").WaitAsync(TestServers.Timeout);

        Assert.DoesNotContain("Save all rules", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("admin-list", await response.Content.ReadAsStringAsync());
    }

    private Task<HttpClient> SignedInAsync(string userName, string password) => hub.Factory.SignedInClientAsync(userName, password);
}
