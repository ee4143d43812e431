using ContactHub.Core.Domain;

namespace ContactHub.Agents.Blazor.Conversations;

/// <summary>One row of the agent's list: the conversation and the customer's name.</summary>
public sealed record ConversationItem(Conversation Conversation, string ContactName)
{
    public string StateLabel => Conversation.State switch
    {
        ConversationState.Open => "open",
        ConversationState.Pending => "pending",
        ConversationState.Resolved => "resolved",
        _ => Conversation.State.ToString().ToLowerInvariant(),
    };

    /// <summary>Open means the customer is waiting on us; pending means we wait on them.</summary>
    public string StateTitle => Conversation.State switch
    {
        ConversationState.Open => "Waiting for your answer",
        ConversationState.Pending => "Waiting for the customer",
        _ => "Resolved",
    };
}
