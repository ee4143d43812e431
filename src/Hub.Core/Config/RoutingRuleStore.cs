using ContactHub.Core.Store;
using Dapper;

namespace ContactHub.Core.Config;

/// <summary>The ordered routing rules. Admins save the whole list at once, so order and content never mix two edits.</summary>
public sealed class RoutingRuleStore(StoreConnections connections)
{
    public async Task<IReadOnlyList<RoutingRule>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RuleRow>(
            "SELECT name, queue, channel, keyword, attribute_key, attribute_value, priority, required_skills_json FROM routing_rules ORDER BY position");
        return rows.Select(r => new RoutingRule(r.Name, r.Queue, r.Channel, r.Keyword, r.AttributeKey, r.AttributeValue, r.Priority)
        {
            RequiredSkills = ConfigJson.Skills(r.RequiredSkillsJson),
        }).ToList();
    }

    /// <summary>Replaces every rule in one transaction; list order becomes the evaluation order.</summary>
    public async Task ReplaceAllAsync(IReadOnlyList<RoutingRule> rules, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM routing_rules", transaction: transaction);
        for (var position = 0; position < rules.Count; position++)
        {
            var rule = rules[position];
            await connection.ExecuteAsync(
                """
                INSERT INTO routing_rules (position, name, channel, keyword, attribute_key, attribute_value, queue, priority, required_skills_json)
                VALUES (@position, @Name, @Channel, @Keyword, @AttributeKey, @AttributeValue, @Queue, @Priority, @skills)
                """,
                new { position, rule.Name, rule.Channel, rule.Keyword, rule.AttributeKey, rule.AttributeValue, rule.Queue, rule.Priority, skills = ConfigJson.Write(rule.RequiredSkills) },
                transaction);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private sealed class RuleRow
    {
        public string Name { get; set; } = "";
        public string Queue { get; set; } = "";
        public string? Channel { get; set; }
        public string? Keyword { get; set; }
        public string? AttributeKey { get; set; }
        public string? AttributeValue { get; set; }
        public int? Priority { get; set; }
        public string? RequiredSkillsJson { get; set; }
    }
}
