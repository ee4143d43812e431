using ContactHub.Core.Routing;
using StackExchange.Redis;

namespace ContactHub.Routing;

/// <summary>One thing a routing script did, as it reports it: a tag with a conversation, an agent and a time.</summary>
internal readonly record struct RoutingStep(string Tag, long ConversationId, long AgentId, long AtMs)
{
    /// <summary>An offer the call answers with.</summary>
    public const string Next = "next";

    /// <summary>An offer the contract has no place to return; the router announces it itself.</summary>
    public const string Extra = "extra";

    public const string Expired = "expired";
    public const string Withdrawn = "withdrawn";
    public const string Accepted = "accepted";

    public Offer ToOffer() => new(ConversationId, AgentId, DateTimeOffset.FromUnixTimeMilliseconds(AtMs));

    public static IReadOnlyList<RoutingStep> Parse(RedisResult result)
    {
        var items = (RedisResult[])result;
        var steps = new List<RoutingStep>(items.Length / 4);
        for (var i = 0; i + 3 < items.Length; i += 4)
        {
            steps.Add(new RoutingStep((string)items[i], (long)items[i + 1], (long)items[i + 2], (long)items[i + 3]));
        }
        return steps;
    }
}
