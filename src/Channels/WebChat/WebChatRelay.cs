using ContactHub.Core.Events;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactHub.Channels.WebChat;

/// <summary>
/// Turns hub events into pushes to the visitors connected to this node. Every node hears every event, so whichever
/// node holds a visitor's connection delivers; a group with nobody in it on this node costs nothing.
/// </summary>
public sealed partial class WebChatRelay(IHubEventBus events, IHubContext<WebChatHub> hub, ILogger<WebChatRelay> logger) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = events.Subscribe(hubEvent => _ = PushAsync(hubEvent));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private async Task PushAsync(HubEvent hubEvent)
    {
        try
        {
            switch (hubEvent)
            {
                case LiveReplyReady reply:
                    await hub.Clients.Group(WebChatGroups.Visitor(reply.CustomerAddress)).SendAsync(
                        "reply", new ChatMessage(reply.InteractionId, "agent", reply.Text, reply.At, null, "sent", []));
                    break;
                case AgentTyping typing:
                    await hub.Clients.Group(WebChatGroups.Conversation(typing.ConversationId)).SendAsync("agentTyping");
                    break;
                case AgentSeen seen:
                    await hub.Clients.Group(WebChatGroups.Conversation(seen.ConversationId)).SendAsync("agentSeen", seen.UpToInteractionId);
                    break;
                case ConversationAssigned assigned:
                    await hub.Clients.Group(WebChatGroups.Conversation(assigned.ConversationId)).SendAsync("status");
                    break;
                case ConversationStateChanged changed:
                    await hub.Clients.Group(WebChatGroups.Conversation(changed.ConversationId)).SendAsync("status");
                    break;
            }
        }
        catch (Exception error)
        {
            // A push is a courtesy: the visitor's transcript and status calls catch up on their next read.
            LogPushFailed(error, hubEvent.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 7603, Level = LogLevel.Warning, Message = "Web chat push for {Event} failed")]
    private partial void LogPushFailed(Exception error, string @event);
}
