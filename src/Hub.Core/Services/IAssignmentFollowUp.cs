using ContactHub.Core.Domain;

namespace ContactHub.Core.Services;

/// <summary>
/// Channel work that must happen once an agent has accepted a conversation (a phone call is put through to them).
/// Called on the node that recorded the acceptance, exactly once per acceptance.
/// </summary>
public interface IAssignmentFollowUp
{
    Task OnAcceptedAsync(Conversation conversation, long agentId, CancellationToken cancellationToken);
}
