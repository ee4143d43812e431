namespace ContactHub.Core.Routing;

/// <summary>Where a new conversation waits and how urgently: the routing decision made when it opens.</summary>
/// <param name="Priority">Higher goes first within the queue.</param>
/// <param name="RequiredSkills">Skills the task needs on top of the queue's own (skill -> minimum level).</param>
/// <param name="Rule">The routing rule that matched; null when nothing matched and the default queue was used.</param>
public sealed record QueueSelection(string Queue, int Priority, IReadOnlyDictionary<string, int> RequiredSkills, string? Rule)
{
    public static QueueSelection Default(int priority = 0) => new(DefaultQueueSelector.DefaultQueue, priority, new Dictionary<string, int>(), null);
}
