using ContactHub.Core.Config;

namespace ContactHub.Agents.Blazor.Admin;

/// <summary>One editable line of the rules table; empty inputs mean "no condition".</summary>
public sealed class RuleRow
{
    public string Name { get; set; } = "";
    public string Queue { get; set; } = "general";
    public string Channel { get; set; } = "";
    public string Keyword { get; set; } = "";
    public string AttributeKey { get; set; } = "";
    public string AttributeValue { get; set; } = "";

    /// <summary>Empty = the queue's priority.</summary>
    public string Priority { get; set; } = "";

    public string Skills { get; set; } = "";

    public static RuleRow From(RoutingRule rule) => new()
    {
        Name = rule.Name,
        Queue = rule.Queue,
        Channel = rule.Channel ?? "",
        Keyword = rule.Keyword ?? "",
        AttributeKey = rule.AttributeKey ?? "",
        AttributeValue = rule.AttributeValue ?? "",
        Priority = rule.Priority?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        Skills = SkillText.Format(rule.RequiredSkills),
    };

    public (RoutingRule? Rule, string? Error) ToRule()
    {
        int? priority = null;
        if (!string.IsNullOrWhiteSpace(Priority))
        {
            if (!int.TryParse(Priority, out var parsed))
            {
                return (null, $"Rule '{Name}': priority must be a number or empty.");
            }
            priority = parsed;
        }
        if (SkillText.TryParse(Skills, out var skills) is { } error)
        {
            return (null, $"Rule '{Name}': {error}");
        }
        return (new RoutingRule(Name, Queue, Channel, Keyword, AttributeKey, AttributeValue, priority) { RequiredSkills = skills }, null);
    }
}

/// <summary>Reordering for the rules list, kept out of the page so it can be tested without a browser.</summary>
public static class RuleOrder
{
    /// <returns>The item's new index (unchanged at either end).</returns>
    public static int Move<T>(IList<T> items, int index, int delta)
    {
        var target = index + delta;
        if (index < 0 || index >= items.Count || target < 0 || target >= items.Count)
        {
            return index;
        }
        (items[index], items[target]) = (items[target], items[index]);
        return target;
    }
}
