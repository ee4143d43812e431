using System.Net;

namespace ContactHub.Server.Tests;

public sealed class ConsoleAccessTests(HubFactoryFixture hub) : IClassFixture<HubFactoryFixture>
{
    [Fact]
    public async Task TheConsoleSendsAnonymousVisitorsToTheLoginPage()
    {
        var client = hub.Factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/").WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TheLoginPageRendersAFormWithAnAntiforgeryToken()
    {
        var html = await hub.Factory.CreateClient().GetStringAsync("/login").WaitAsync(TestServers.Timeout);

        Assert.Contains("id=\"username\"", html);
        Assert.Contains("__RequestVerificationToken", html);
    }

    [Fact]
    public async Task ALoginPostWithoutTheAntiforgeryTokenIsRefused()
    {
        var client = hub.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "alice", ["password"] = HubFactory.AgentPassword });

        var response = await client.PostAsync("/account/login", form).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AWrongPasswordReturnsToTheLoginPageAndTheRightOneOpensTheConsole()
    {
        var client = hub.Factory.CreateClient(new() { AllowAutoRedirect = false });

        var wrong = await PostLoginAsync(client, HubFactory.AgentPassword + "x");
        var right = await PostLoginAsync(client, HubFactory.AgentPassword);
        var console = await client.GetAsync("/").WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.Redirect, wrong.StatusCode);
        Assert.Contains("error=1", wrong.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/", right.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
    }

    [Fact]
    public async Task LoginNeverRedirectsToAnotherSite()
    {
        var client = hub.Factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await PostLoginAsync(client, HubFactory.AgentPassword, returnUrl: "//evil.example.com/");

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string password, string returnUrl = "/")
    {
        var page = await client.GetStringAsync("/login").WaitAsync(TestServers.Timeout);
        var token = System.Text.RegularExpressions.Regex.Match(page, "__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "alice",
            ["password"] = password,
            ["returnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = token,
        });
        return await client.PostAsync("/account/login", form).WaitAsync(TestServers.Timeout);
    }
}
