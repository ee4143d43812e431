namespace ContactHub.Core.Config;

/// <summary>
/// The routing configuration every node decides with, held in memory because the queue selector runs inside the
/// append transaction. <see cref="RoutingConfigSync"/> reloads it at start, after every admin change and on its
/// timer (which is how other nodes pick up an edit).
/// </summary>
public sealed class RoutingConfigState(QueueStore queues, RoutingRuleStore rules, AgentProfileStore agents) : IRoutingSnapshotSource
{
    private volatile RoutingSnapshot _current = RoutingSnapshot.Empty;

    public RoutingSnapshot Current => _current;

    public async Task<RoutingSnapshot> ReloadAsync(CancellationToken cancellationToken)
    {
        var snapshot = RoutingSnapshot.Create(
            await queues.ListAsync(cancellationToken),
            await rules.ListAsync(cancellationToken),
            await agents.ListAsync(cancellationToken));
        _current = snapshot;
        return snapshot;
    }
}
