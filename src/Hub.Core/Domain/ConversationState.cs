namespace ContactHub.Core.Domain;

public enum ConversationState
{
    /// <summary>Waiting in a queue or being handled.</summary>
    Open,
    /// <summary>The agent answered and waits on the customer.</summary>
    Pending,
    Resolved,
}

public enum InteractionDirection
{
    In,
    Out,
}
