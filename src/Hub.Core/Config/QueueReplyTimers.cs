using ContactHub.Core.Services;

namespace ContactHub.Core.Config;

/// <summary>The reply timer of each queue as an admin configured it (0 = no timer).</summary>
public sealed class QueueReplyTimers(RoutingConfigState state) : IReplyTimers
{
    public TimeSpan? ReplyTimer(string queue) =>
        state.Current.Queues.TryGetValue(queue, out var configured) && configured.Definition.ReplyTimerSeconds > 0
            ? TimeSpan.FromSeconds(configured.Definition.ReplyTimerSeconds)
            : null;
}
