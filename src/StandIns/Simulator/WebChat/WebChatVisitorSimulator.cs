using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ContactHub.StandIns.Simulator.WebChat;

/// <summary>
/// Plays visitors of a shop that embeds the web chat: each fills the pre-chat form, connects to the hub's visitor
/// SignalR hub as the widget does, types, waits for an agent, reads the replies (sending read receipts) and thanks them.
/// When the hub says nobody can chat, the visitor leaves a message for an e-mail answer instead.
/// </summary>
public sealed partial class WebChatVisitorSimulator(
    IOptions<SimulatorOptions> simulatorOptions,
    IOptions<WebChatSimulatorOptions> options,
    IHttpClientFactory httpClients,
    ILogger<WebChatVisitorSimulator> logger) : BackgroundService
{
    private int _visiting;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled || !simulatorOptions.Value.Enabled)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, o.IntervalSeconds)));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (Volatile.Read(ref _visiting) < o.MaxConcurrentVisitors)
                {
                    Interlocked.Increment(ref _visiting);
                    _ = VisitAsync(WebChatVisitors.Next(), stoppingToken).ContinueWith(_ => Interlocked.Decrement(ref _visiting), TaskScheduler.Default);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }

    private async Task VisitAsync(WebChatVisitors.Visitor visitor, CancellationToken stoppingToken)
    {
        var o = options.Value;
        var hub = new Uri(simulatorOptions.Value.HubBaseUrl.TrimEnd('/') + "/");
        using var visit = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        visit.CancelAfter(TimeSpan.FromSeconds(o.VisitSeconds));
        try
        {
            var http = httpClients.CreateClient(CustomerSimulator.HttpClientName);
            var availability = await http.GetFromJsonAsync<JsonElement>(new Uri(hub, $"webchat/api/availability?key={Uri.EscapeDataString(o.ChannelKey)}"), visit.Token);
            if (!availability.GetProperty("open").GetBoolean())
            {
                using var left = await http.PostAsJsonAsync(new Uri(hub, "webchat/api/leave-message"),
                    new { channelKey = o.ChannelKey, name = visitor.Name, email = visitor.Email ?? "visitor@example.com", message = visitor.Question, messageId = NewId() }, visit.Token);
                LogLeftMessage(visitor.Name, (int)left.StatusCode);
                return;
            }
            using var started = await http.PostAsJsonAsync(new Uri(hub, "webchat/api/sessions"),
                new { channelKey = o.ChannelKey, name = visitor.Name, email = visitor.Email, message = visitor.Question, messageId = NewId() }, visit.Token);
            if (!started.IsSuccessStatusCode)
            {
                LogRefused(visitor.Name, (int)started.StatusCode);
                return;
            }
            var token = (await started.Content.ReadFromJsonAsync<JsonElement>(visit.Token)).GetProperty("token").GetString()!;
            await ChatAsync(new Uri(hub, "webchat/hub"), visitor, token, visit.Token);
        }
        catch (Exception error) when (error is OperationCanceledException or HttpRequestException or System.Net.WebSockets.WebSocketException or InvalidOperationException or JsonException)
        {
            if (!stoppingToken.IsCancellationRequested && error is not OperationCanceledException)
            {
                LogVisitFailed(visitor.Name, error.Message);
            }
        }
    }

    private async Task ChatAsync(Uri hubUrl, WebChatVisitors.Visitor visitor, string token, CancellationToken cancellationToken)
    {
        await using var connection = new HubProtocolClient();
        var replies = System.Threading.Channels.Channel.CreateUnbounded<long>();
        connection.Received += (target, arguments) =>
        {
            if (target == "reply" && arguments.Count > 0 && arguments[0]?["id"]?.GetValue<long>() is { } id)
            {
                replies.Writer.TryWrite(id);
            }
        };
        await connection.ConnectAsync(hubUrl, cancellationToken);
        var joined = await connection.InvokeAsync("Join", [options.Value.ChannelKey, token], cancellationToken);
        if (joined?["joined"]?.GetValue<bool>() != true)
        {
            LogRefused(visitor.Name, 401);
            return;
        }
        LogChatting(visitor.Name);
        var thanked = false;
        await foreach (var replyId in replies.Reader.ReadAllAsync(cancellationToken))
        {
            // Reads the answer a moment later, as a person would, then answers once.
            await Task.Delay(TimeSpan.FromSeconds(Random.Shared.Next(2, 5)), cancellationToken);
            await connection.SendAsync("Seen", [replyId], cancellationToken);
            if (!thanked)
            {
                thanked = true;
                await connection.SendAsync("Typing", [], cancellationToken);
                await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
                await connection.InvokeAsync("Send", [NewId(), visitor.FollowUp], cancellationToken);
            }
        }
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    [LoggerMessage(EventId = 9401, Level = LogLevel.Information, Message = "Simulated web chat visitor {Name} is chatting")]
    private partial void LogChatting(string name);

    [LoggerMessage(EventId = 9402, Level = LogLevel.Information, Message = "Simulated web chat visitor {Name} found nobody and left a message ({StatusCode})")]
    private partial void LogLeftMessage(string name, int statusCode);

    [LoggerMessage(EventId = 9403, Level = LogLevel.Warning, Message = "Simulated web chat visitor {Name} was refused ({StatusCode})")]
    private partial void LogRefused(string name, int statusCode);

    [LoggerMessage(EventId = 9404, Level = LogLevel.Warning, Message = "Simulated web chat visitor {Name} gave up: {Reason}")]
    private partial void LogVisitFailed(string name, string reason);
}
