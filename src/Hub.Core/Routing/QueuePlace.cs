namespace ContactHub.Core.Routing;

/// <summary>Where a conversation stands in the router.</summary>
/// <param name="Position">1 = next in line; 0 once it is no longer waiting (offered to an agent or assigned).</param>
/// <param name="State">The router's word for it: queued, offered or assigned.</param>
public sealed record QueuePlace(string Queue, int Position, string State)
{
    public bool IsWaiting => Position > 0;
}

/// <summary>Read-only: a waiting customer's place in line, for the "you are number 3" a caller or a chat visitor sees.</summary>
public interface IQueuePositions
{
    /// <returns>Null when the router does not know the conversation (resolved, or not routed yet).</returns>
    Task<QueuePlace?> PlaceOfAsync(long conversationId);
}
