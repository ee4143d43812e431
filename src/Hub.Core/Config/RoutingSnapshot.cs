using ContactHub.Core.Routing;

namespace ContactHub.Core.Config;

/// <summary>A queue's definition with its parsed business hours.</summary>
public sealed record ConfiguredQueue(QueueDefinition Definition, BusinessHours Hours);

/// <summary>The whole routing configuration as loaded at one moment; immutable, swapped as a unit.</summary>
public sealed class RoutingSnapshot
{
    private RoutingSnapshot(IReadOnlyDictionary<string, ConfiguredQueue> queues, IReadOnlyList<RoutingRule> rules, IReadOnlyList<AgentRoutingProfile> agents)
    {
        Queues = queues;
        Rules = rules;
        Agents = agents;
        CompiledRules = rules.Select(r => new CompiledRule(r)).ToList();
    }

    public static RoutingSnapshot Empty { get; } = new(new Dictionary<string, ConfiguredQueue>(), [], []);

    public IReadOnlyDictionary<string, ConfiguredQueue> Queues { get; }

    public IReadOnlyList<RoutingRule> Rules { get; }

    public IReadOnlyList<AgentRoutingProfile> Agents { get; }

    internal IReadOnlyList<CompiledRule> CompiledRules { get; }

    /// <summary>
    /// A stored queue whose hours no longer parse (edited by hand in the database) stays routable and
    /// counts as always open, rather than stopping every other queue from loading.
    /// </summary>
    public static RoutingSnapshot Create(IEnumerable<QueueDefinition> queues, IReadOnlyList<RoutingRule> rules, IReadOnlyList<AgentRoutingProfile> agents) =>
        new(
            queues.ToDictionary(
                q => q.Name,
                q => new ConfiguredQueue(q, BusinessHours.TryCreate(q.Hours, q.TimeZone, out var hours) is null ? hours : BusinessHours.AlwaysOpen)),
            rules,
            agents);
}
