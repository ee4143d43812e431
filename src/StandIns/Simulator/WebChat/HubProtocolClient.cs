using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContactHub.StandIns.Simulator.WebChat;

/// <summary>
/// The SignalR JSON hub protocol (v1) over one WebSocket, without negotiation: what the widget speaks, in C#, so the
/// simulated visitor reaches the hub exactly as a browser does. The .NET SignalR client is not on the package registry.
/// </summary>
public sealed class HubProtocolClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';

    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private int _nextId;
    private Task? _receiving;

    /// <summary>Server pushes by target name ("reply", "agentTyping"...), with their arguments.</summary>
    public event Action<string, JsonArray>? Received;

    public async Task ConnectAsync(Uri hub, CancellationToken cancellationToken)
    {
        var builder = new UriBuilder(hub) { Scheme = hub.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" };
        await _socket.ConnectAsync(builder.Uri, cancellationToken);
        await SendFrameAsync("""{"protocol":"json","version":1}""", cancellationToken);
        var handshake = await ReadFrameAsync(cancellationToken) ?? throw new WebSocketException("The hub closed during the handshake.");
        if (JsonNode.Parse(handshake)?["error"] is { } error)
        {
            throw new WebSocketException($"The hub refused the handshake: {error}");
        }
        _receiving = ReceiveLoopAsync(_stop.Token);
    }

    public async Task<JsonNode?> InvokeAsync(string target, JsonArray arguments, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        await SendFrameAsync(new JsonObject { ["type"] = 1, ["invocationId"] = id, ["target"] = target, ["arguments"] = arguments }.ToJsonString(), cancellationToken);
        return await completion.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
    }

    /// <summary>An invocation the client does not wait on (typing, receipts).</summary>
    public Task SendAsync(string target, JsonArray arguments, CancellationToken cancellationToken) =>
        SendFrameAsync(new JsonObject { ["type"] = 1, ["target"] = target, ["arguments"] = arguments }.ToJsonString(), cancellationToken);

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        using var ping = new PeriodicTimer(TimeSpan.FromSeconds(15));
        var pinging = PingAsync(ping, cancellationToken);
        try
        {
            while (await ReadFrameAsync(cancellationToken) is { } frame)
            {
                foreach (var message in frame.Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries).Select(part => JsonNode.Parse(part)))
                {
                    Dispatch(message);
                }
            }
        }
        catch (Exception error) when (error is OperationCanceledException or WebSocketException)
        {
            // Closed by us or by the hub.
        }
        finally
        {
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(new WebSocketException("The hub connection closed."));
            }
        }
        await pinging;
    }

    private void Dispatch(JsonNode? message)
    {
        switch ((int?)message?["type"])
        {
            case 1 when message!["target"]?.GetValue<string>() is { } target:
                Received?.Invoke(target, message["arguments"]?.AsArray() ?? []);
                break;
            case 3 when message!["invocationId"]?.GetValue<string>() is { } id && _pending.TryRemove(id, out var completion):
                if (message["error"] is { } error)
                {
                    completion.TrySetException(new InvalidOperationException(error.ToString()));
                }
                else
                {
                    completion.TrySetResult(message["result"]?.DeepClone());
                }
                break;
        }
    }

    private async Task PingAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await SendFrameAsync("""{"type":6}""", cancellationToken);
            }
        }
        catch (Exception error) when (error is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The connection ended.
        }
    }

    private async Task SendFrameAsync(string json, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(json + RecordSeparator), WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task<string?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length).TrimEnd(RecordSeparator);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "visit over", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2));
            }
            catch (Exception error) when (error is WebSocketException or TimeoutException)
            {
                // Already gone.
            }
        }
        if (_receiving is not null)
        {
            await _receiving.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        _socket.Dispose();
        _stop.Dispose();
        _sendLock.Dispose();
    }
}
