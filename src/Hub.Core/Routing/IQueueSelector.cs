using ContactHub.Core.Stream;

namespace ContactHub.Core.Routing;

/// <summary>Chooses the queue a new conversation waits in.</summary>
public interface IQueueSelector
{
    string SelectQueue(InboundInteraction interaction);
}

/// <summary>The foundation's rule: everything waits in the default queue until routing rules exist.</summary>
public sealed class DefaultQueueSelector : IQueueSelector
{
    public const string DefaultQueue = "general";

    public string SelectQueue(InboundInteraction interaction) => DefaultQueue;
}
