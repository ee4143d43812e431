using ContactHub.Core.Store;

namespace ContactHub.Core.Config;

/// <summary>
/// The customer's last agent, while the queue's sticky window since that conversation's last activity lasts:
/// a returning customer reaches someone who knows their story.
/// </summary>
public sealed class StickyAgents(RoutingConfigState config, ConversationRepository conversations, TimeProvider time)
{
    public async Task<long?> PreferredAgentAsync(long contactId, long newConversationId, string queue, CancellationToken cancellationToken)
    {
        if (!config.Current.Queues.TryGetValue(queue, out var configured) || configured.Definition.StickySeconds <= 0)
        {
            return null;
        }
        var last = await conversations.LastAssigneeAsync(contactId, newConversationId, cancellationToken);
        return last is { } found && time.GetUtcNow() - found.LastActivityAt <= TimeSpan.FromSeconds(configured.Definition.StickySeconds)
            ? found.AgentId
            : null;
    }
}
