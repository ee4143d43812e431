using ContactHub.Core.Domain;
using ContactHub.Core.Routing;
using ContactHub.Core.Users;

namespace ContactHub.Core.Config;

public enum AdminOutcome
{
    Saved,
    Created,
    Deleted,
    NotFound,
    Invalid,
    Conflict,
}

/// <param name="Error">Why the change was refused (Invalid, Conflict), in words an admin can act on.</param>
public sealed record AdminResult(AdminOutcome Outcome, string? Error = null)
{
    public bool Succeeded => Outcome is AdminOutcome.Saved or AdminOutcome.Created or AdminOutcome.Deleted;

    public static AdminResult Invalid(string error) => new(AdminOutcome.Invalid, error);
}

/// <summary>
/// The one way routing configuration changes, for the REST API and the admin pages alike: validate, store,
/// then have <see cref="RoutingConfigSync"/> push the change to the router before answering.
/// </summary>
public sealed class RoutingAdministration(
    QueueStore queues,
    RoutingRuleStore rules,
    AgentProfileStore profiles,
    ContactAttributes attributes,
    UserStore users,
    RoutingConfigSync sync)
{
    public async Task<AdminResult> SaveQueueAsync(QueueDefinition queue, CancellationToken cancellationToken)
    {
        var normalized = queue with
        {
            DisplayName = string.IsNullOrWhiteSpace(queue.DisplayName) ? queue.Name : queue.DisplayName.Trim(),
            Team = Blank(queue.Team),
            TimeZone = queue.TimeZone?.Trim() ?? "",
            OutOfHoursReply = Blank(queue.OutOfHoursReply),
        };
        var known = await QueueNamesAsync(cancellationToken);
        if (RoutingValidation.Queue(normalized, known) is { } error)
        {
            return AdminResult.Invalid(error);
        }
        var created = await queues.UpsertAsync(normalized, cancellationToken);
        await sync.NotifyChangedAsync(cancellationToken);
        return new AdminResult(created ? AdminOutcome.Created : AdminOutcome.Saved);
    }

    public async Task<AdminResult> DeleteQueueAsync(string name, CancellationToken cancellationToken)
    {
        if (name == DefaultQueueSelector.DefaultQueue)
        {
            return AdminResult.Invalid("The default queue cannot be deleted: conversations no rule matches wait there.");
        }
        var all = await queues.ListAsync(cancellationToken);
        if (all.All(q => q.Name != name))
        {
            return new AdminResult(AdminOutcome.NotFound);
        }
        if ((await rules.ListAsync(cancellationToken)).FirstOrDefault(r => r.Queue == name) is { } rule)
        {
            return new AdminResult(AdminOutcome.Conflict, $"Rule '{rule.Name}' routes to this queue; change the rule first.");
        }
        if (all.FirstOrDefault(q => q.Overflow.Any(s => s.Queue == name)) is { } other)
        {
            return new AdminResult(AdminOutcome.Conflict, $"Queue '{other.Name}' overflows into this queue; change it first.");
        }
        // Conversations already in the queue keep its name; the router keeps its last configuration for them.
        await queues.DeleteAsync(name, cancellationToken);
        await sync.NotifyChangedAsync(cancellationToken);
        return new AdminResult(AdminOutcome.Deleted);
    }

    public async Task<AdminResult> ReplaceRulesAsync(IReadOnlyList<RoutingRule>? list, CancellationToken cancellationToken)
    {
        var normalized = list?.Select(r => r is null ? r! : r with
        {
            Name = r.Name?.Trim() ?? "",
            Channel = Blank(r.Channel)?.ToLowerInvariant(),
            Keyword = Blank(r.Keyword),
            AttributeKey = Blank(r.AttributeKey)?.ToLowerInvariant(),
            AttributeValue = Blank(r.AttributeValue),
        }).ToList();
        if (RoutingValidation.Rules(normalized, await QueueNamesAsync(cancellationToken)) is { } error)
        {
            return AdminResult.Invalid(error);
        }
        await rules.ReplaceAllAsync(normalized!, cancellationToken);
        await sync.NotifyChangedAsync(cancellationToken);
        return new AdminResult(AdminOutcome.Saved);
    }

    public async Task<AgentProfileInput?> GetAgentProfileAsync(long agentId, CancellationToken cancellationToken)
    {
        if (await users.AgentAsync(agentId, cancellationToken) is null)
        {
            return null;
        }
        var profile = await profiles.GetAsync(agentId, cancellationToken) ?? new AgentRoutingProfile(agentId);
        return AgentProfileInput.From(profile);
    }

    public async Task<AdminResult> SaveAgentProfileAsync(long agentId, AgentProfileInput? input, CancellationToken cancellationToken)
    {
        if (RoutingValidation.AgentProfile(input) is { } error)
        {
            return AdminResult.Invalid(error);
        }
        if (await users.AgentAsync(agentId, cancellationToken) is null)
        {
            return new AdminResult(AdminOutcome.NotFound);
        }
        var profile = new AgentRoutingProfile(agentId)
        {
            Team = Blank(input!.Team),
            Skills = new Dictionary<string, int>(input.Skills ?? new Dictionary<string, int>()),
            Capacity = (input.Capacity ?? new Dictionary<string, int>()).ToDictionary(c => ChannelNames.Parse(c.Key), c => c.Value),
        };
        await profiles.SaveAsync(profile, cancellationToken);
        await sync.NotifyChangedAsync(cancellationToken);
        return new AdminResult(AdminOutcome.Saved);
    }

    /// <summary>Replaces the contact's attributes. Rules read them when the contact's next conversation opens.</summary>
    public async Task<AdminResult> SetContactAttributesAsync(long contactId, IReadOnlyDictionary<string, string>? values, CancellationToken cancellationToken)
    {
        if (RoutingValidation.Attributes(values) is { } error)
        {
            return AdminResult.Invalid(error);
        }
        return await attributes.SetAsync(contactId, values!, cancellationToken)
            ? new AdminResult(AdminOutcome.Saved)
            : new AdminResult(AdminOutcome.NotFound);
    }

    private async Task<HashSet<string>> QueueNamesAsync(CancellationToken cancellationToken) =>
        (await queues.ListAsync(cancellationToken)).Select(q => q.Name).ToHashSet(StringComparer.Ordinal);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
