using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace ContactHub.Server.Tests.WebChat;

/// <summary>The visitor SignalR hub over a real WebSocket with the JSON hub protocol, as the widget speaks it.</summary>
public sealed class WebChatHubTests : IDisposable
{
    private const char RecordSeparator = '\u001e';

    private string _afterHandshake = "";

    private readonly HubFactory _hub = new(extraSettings: VisitorApi.Settings(("WebChat:AllowedOrigins:0", "https://shop.example.com")));

    [Fact]
    public async Task AVisitorJoinsWithTheirTokenSeesTheirTranscriptAndSendsDurably()
    {
        var token = await new VisitorApi(_hub.CreateClient()).StartTokenAsync("Socket Visitor", message: "First, over HTTP");
        using var socket = await ConnectAsync("https://shop.example.com");

        var joined = await InvokeAsync(socket, "Join", [VisitorApi.ChannelKey, token]);
        var ack = await InvokeAsync(socket, "Send", ["socketmessage01", "Second, over the hub"]);
        var again = await InvokeAsync(socket, "Send", ["socketmessage01", "Second, over the hub"]);

        Assert.True(joined!["result"]!["joined"]!.GetValue<bool>());
        Assert.Equal("First, over HTTP", joined["result"]!["messages"]![0]!["text"]!.GetValue<string>());
        Assert.NotEqual(token, joined["result"]!["token"]!.GetValue<string>());
        Assert.Equal(ack!["result"]!["id"]!.GetValue<long>(), again!["result"]!["id"]!.GetValue<long>());
        var (_, transcript) = await new VisitorApi(_hub.CreateClient()).TranscriptAsync(token);
        Assert.Equal(2, transcript.GetArrayLength());
    }

    [Fact]
    public async Task AForgedTokenJoinsNothingAndCannotSend()
    {
        var token = await new VisitorApi(_hub.CreateClient()).StartTokenAsync("Hub Forger", message: "mine");
        using var socket = await ConnectAsync(origin: null);

        var joined = await InvokeAsync(socket, "Join", [VisitorApi.ChannelKey, token[..^4] + "AAAA"]);
        var sent = await InvokeAsync(socket, "Send", ["forgedmessage01", "let me in"]);

        Assert.False(joined!["result"]!["joined"]!.GetValue<bool>());
        Assert.Contains("session has ended", sent!["result"]!["error"]!.GetValue<string>());
        var (_, transcript) = await new VisitorApi(_hub.CreateClient()).TranscriptAsync(token);
        Assert.Equal(1, transcript.GetArrayLength());
    }

    [Fact]
    public async Task AWebSocketFromAnotherSitesPageIsClosedBeforeItCanJoin()
    {
        using var socket = await ConnectAsync("https://evil.example.org");

        await SendAsync(socket, new JsonObject { ["type"] = 1, ["invocationId"] = "1", ["target"] = "Join", ["arguments"] = new JsonArray(VisitorApi.ChannelKey, "x") });
        var frames = await ReadUntilClosedAsync(socket);
        frames.AddRange(_afterHandshake.Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries).Select(m => JsonNode.Parse(m)!));

        Assert.DoesNotContain(frames, f => (int?)f["type"] == 3);
        Assert.Contains(frames, f => (int?)f["type"] == 7);
    }

    private async Task<WebSocket> ConnectAsync(string? origin)
    {
        var client = _hub.Server.CreateWebSocketClient();
        if (origin is not null)
        {
            client.ConfigureRequest = request => request.Headers.Origin = origin;
        }
        var socket = await client.ConnectAsync(new Uri(_hub.Server.BaseAddress, "webchat/hub"), CancellationToken.None).WaitAsync(TestServers.Timeout);
        await socket.SendAsync(Encoding.UTF8.GetBytes("""{"protocol":"json","version":1}""" + RecordSeparator), WebSocketMessageType.Text, true, CancellationToken.None).WaitAsync(TestServers.Timeout);
        var handshake = await ReadAsync(socket);
        // The handshake answer; a refused connection has its close message right behind it.
        Assert.StartsWith("{}", handshake);
        _afterHandshake = handshake![2..];
        return socket;
    }

    private static async Task<JsonNode?> InvokeAsync(WebSocket socket, string target, JsonArray arguments)
    {
        var id = Guid.NewGuid().ToString("N");
        await SendAsync(socket, new JsonObject { ["type"] = 1, ["invocationId"] = id, ["target"] = target, ["arguments"] = arguments });
        while (true)
        {
            var frame = await ReadAsync(socket) ?? throw new WebSocketException("closed before the completion");
            foreach (var message in frame.Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries).Select(m => JsonNode.Parse(m)))
            {
                if ((int?)message?["type"] == 3 && (string?)message["invocationId"] == id)
                {
                    return message;
                }
            }
        }
    }

    private static Task SendAsync(WebSocket socket, JsonObject message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString() + RecordSeparator), WebSocketMessageType.Text, true, CancellationToken.None).WaitAsync(TestServers.Timeout);

    private static async Task<List<JsonNode>> ReadUntilClosedAsync(WebSocket socket)
    {
        var frames = new List<JsonNode>();
        try
        {
            while (await ReadAsync(socket) is { } frame)
            {
                frames.AddRange(frame.Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries).Select(m => JsonNode.Parse(m)!));
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or IOException)
        {
            // The server aborted the connection.
        }
        return frames;
    }

    private static async Task<string?> ReadAsync(WebSocket socket)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(TestServers.Timeout);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray()).TrimEnd(RecordSeparator);
            }
        }
    }

    public void Dispose() => _hub.Dispose();
}
