using ContactHub.Core.Stream;

namespace ContactHub.Core.Routing;

/// <summary>
/// Chooses the queue a new conversation waits in. Runs inside the append transaction on the stream's single
/// writer (the rules need the contact's stored attributes), so implementations decide in memory, without I/O.
/// </summary>
public interface IQueueSelector
{
    /// <param name="contactAttributes">The customer's attributes as stored before this interaction (empty for a new contact).</param>
    QueueSelection SelectQueue(InboundInteraction interaction, IReadOnlyDictionary<string, string> contactAttributes);
}

/// <summary>Everything waits in the default queue: the selector for stores without routing rules (tests of the stream alone).</summary>
public sealed class DefaultQueueSelector : IQueueSelector
{
    public const string DefaultQueue = "general";

    public QueueSelection SelectQueue(InboundInteraction interaction, IReadOnlyDictionary<string, string> contactAttributes) => QueueSelection.Default();
}
