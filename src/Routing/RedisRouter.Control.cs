using System.Globalization;
using ContactHub.Core.Domain;
using ContactHub.Core.Routing;

namespace ContactHub.Routing;

/// <summary>Configuration, transfers, abandonment and rebuild: each one Lua function, like the offer cycle.</summary>
public sealed partial class RedisRouter
{
    private const int MaxPriority = 500;

    public async Task<IReadOnlyList<Offer>> ApplyQueueAsync(QueueRoutingConfig queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var steps = await RunAsync(RoutingLibrary.ApplyQueue,
            RoutingWire.Name(queue.Name), queue.IsOpen ? "1" : "0", Math.Max(1, queue.OfferTimeoutSeconds) * 1000L,
            Math.Max(0, queue.ServiceLevelSeconds), Math.Max(0, queue.WrapUpSeconds), Math.Max(0, queue.StickySeconds),
            RoutingWire.Skills(queue.RequiredSkills), RoutingWire.Name(queue.Team ?? ""), RoutingWire.Overflow(queue.Overflow),
            Math.Max(1, queue.MaxConsecutiveTimeouts));
        return await OffersAsync(steps);
    }

    public async Task<IReadOnlyList<Offer>> ApplyAgentAsync(AgentRoutingProfile agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var steps = await RunAsync(RoutingLibrary.ApplyAgent,
            agent.AgentId, RoutingWire.Name(agent.Team ?? ""), RoutingWire.Skills(agent.Skills), RoutingWire.Capacity(agent));
        return await OffersAsync(steps);
    }

    public async Task<IReadOnlyList<Offer>> SetQueueOpenAsync(string queue, bool open) =>
        await OffersAsync(await RunAsync(RoutingLibrary.SetOpen, RoutingWire.Name(queue), open ? "1" : "0"));

    public async Task SetAwayAsync(long agentId, string reason)
    {
        // The contract returns nothing, so a withdrawn task's new offer is announced rather than returned.
        var steps = await RunAsync(RoutingLibrary.Presence, agentId, "away", reason ?? "", RoutingStep.Extra);
        await AnnounceAsync(steps);
    }

    public async Task<Offer?> TransferToAgentAsync(long fromAgentId, long conversationId, long toAgentId) =>
        FirstOffer(await RunAsync(RoutingLibrary.TransferToAgent, fromAgentId, conversationId, toAgentId));

    public async Task<Offer?> TransferToQueueAsync(long fromAgentId, long conversationId, string queue, int priority, string basis = "transfer")
    {
        var steps = await RunAsync(RoutingLibrary.TransferToQueue,
            fromAgentId, conversationId, RoutingWire.Name(queue), ClampPriority(priority), basis);
        await AnnounceAsync(steps);
        return FirstOffer(steps);
    }

    public async Task<bool> AbandonAsync(long conversationId)
    {
        var steps = await RunAsync(RoutingLibrary.Abandon, conversationId);
        await AnnounceAsync(steps);
        return steps.Any(step => step.Tag == RoutingStep.Abandoned);
    }

    public async Task RestoreAssignmentAsync(long agentId, long conversationId, string queue, ChannelKind channel)
    {
        var steps = await RunAsync(RoutingLibrary.Restore,
            agentId, conversationId, RoutingWire.Name(queue), channel.ToWire());
        await AnnounceAsync(steps);
    }

    /// <summary>The score keeps priority and enqueue time apart only while |priority| stays within this bound.</summary>
    private static string ClampPriority(int priority) =>
        Math.Clamp(priority, -MaxPriority, MaxPriority).ToString(CultureInfo.InvariantCulture);

    /// <summary>Offers the call answers with; side-effect offers and withdrawals are announced.</summary>
    private async Task<IReadOnlyList<Offer>> OffersAsync(IReadOnlyList<RoutingStep> steps)
    {
        await AnnounceAsync(steps);
        return [.. steps.Where(step => step.Tag == RoutingStep.Next).Select(step => step.ToOffer())];
    }
}
