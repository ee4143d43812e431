using System.Net;

namespace ContactHub.Server.Tests.WebChat;

/// <summary>A hub without <c>WebChat:ChannelKey</c> starts and serves no widget, visitor API or visitor hub.</summary>
public sealed class HubWithoutWebChatTests : IDisposable
{
    private readonly HubFactory _hub = new();

    [Fact]
    public async Task ItStartsReadyWithoutTheWidgetOrTheVisitorEndpoints()
    {
        var client = _hub.CreateClient();

        var ready = await client.GetAsync("/health/ready").WaitAsync(TestServers.Timeout);
        var script = await client.GetAsync("/webchat/widget.js").WaitAsync(TestServers.Timeout);
        var session = await client.PostAsync("/webchat/api/sessions", new StringContent("{}", System.Text.Encoding.UTF8, "application/json")).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, script.StatusCode);
        Assert.Contains(session.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
    }

    public void Dispose() => _hub.Dispose();
}
