using ContactHub.Core.Domain;
using ContactHub.Core.Routing;
using ContactHub.Core.Stream;

namespace ContactHub.Core.Config;

/// <summary>The routing decision: the first rule (by position) whose conditions all match, else the default queue.</summary>
public sealed class RuleEngine(IRoutingSnapshotSource state) : IQueueSelector
{
    public QueueSelection SelectQueue(InboundInteraction interaction, IReadOnlyDictionary<string, string> contactAttributes)
    {
        var snapshot = state.Current;
        var channel = interaction.Channel.ToWire();
        foreach (var compiled in snapshot.CompiledRules)
        {
            if (compiled.Matches(interaction, contactAttributes, channel))
            {
                var rule = compiled.Rule;
                return new QueueSelection(rule.Queue, rule.Priority ?? QueuePriority(snapshot, rule.Queue), rule.RequiredSkills, rule.Name);
            }
        }
        return QueueSelection.Default(QueuePriority(snapshot, DefaultQueueSelector.DefaultQueue));
    }

    private static int QueuePriority(RoutingSnapshot snapshot, string queue) =>
        snapshot.Queues.TryGetValue(queue, out var configured) ? configured.Definition.Priority : 0;
}
