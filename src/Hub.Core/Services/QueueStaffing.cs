using ContactHub.Core.Config;
using ContactHub.Core.Domain;
using ContactHub.Core.Routing;

namespace ContactHub.Core.Services;

/// <summary>Asks the router's live agent states whether anyone who could take a queue's work is logged in.</summary>
public sealed class QueueStaffing(IQueueMetrics metrics, RoutingConfigState routing)
{
    public async Task<bool> AnyAgentLoggedInForAsync(string queue, ChannelKind channel)
    {
        var live = await metrics.GetLiveAsync();
        return QueueCoverage.AnyAgentLoggedInFor(queue, channel, routing.Current, live.Agents);
    }
}
