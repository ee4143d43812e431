using ContactHub.Core.Config;
using ContactHub.Core.Domain;
using ContactHub.Core.Routing;
using ContactHub.Core.Services;
using ContactHub.Core.Stream;

namespace ContactHub.Channels.WebChat;

/// <summary>
/// Whether a new chat would reach somebody now (its queue is open and someone who could take it is logged in, as the
/// voice channel decides before a caller waits), and what a waiting visitor is told: their place and the expected
/// wait, worded as callers hear it, from the router's queue and the queue's average speed of answer today.
/// </summary>
public sealed class WebChatQueue(
    IQueueSelector selector,
    RoutingConfigState routing,
    QueueStaffing staffing,
    IQueuePositions positions,
    IQueueMetrics metrics,
    TimeProvider time)
{
    public async Task<(bool Open, string? Reason)> AvailabilityAsync()
    {
        var now = time.GetUtcNow();
        var queue = selector.SelectQueue(new InboundInteraction(ChannelKind.WebChat, "", "", null, [], now), new Dictionary<string, string>()).Queue;
        if (routing.Current.Queues.TryGetValue(queue, out var configured) && !configured.Hours.IsOpen(now))
        {
            return (false, "We are closed right now. Leave us a message and we will answer by e-mail.");
        }
        if (!await staffing.AnyAgentLoggedInForAsync(queue, ChannelKind.WebChat))
        {
            return (false, "Nobody is available to chat right now. Leave us a message and we will answer by e-mail.");
        }
        return (true, null);
    }

    public async Task<ChatStatus> StatusAsync(long? conversationId)
    {
        if (conversationId is not { } id)
        {
            return new ChatStatus("none", null, null, null);
        }
        var place = await positions.PlaceOfAsync(id);
        if (place is null)
        {
            return new ChatStatus("waiting", null, null, "Waiting for an agent.");
        }
        if (!place.IsWaiting)
        {
            return place.State == "assigned"
                ? new ChatStatus("connected", null, null, "You are chatting with an agent.")
                : new ChatStatus("waiting", null, null, "An agent is about to join.");
        }
        var live = await metrics.GetLiveAsync();
        var average = live.Queues.FirstOrDefault(q => q.Queue == place.Queue)?.AsaSeconds ?? 0;
        int? expected = average > 0 ? (int)Math.Ceiling(average) : null;
        return new ChatStatus("waiting", place.Position, expected, WaitAnnouncement.Text(place.Position, expected));
    }
}
