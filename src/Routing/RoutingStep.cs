using ContactHub.Core.Routing;
using StackExchange.Redis;

namespace ContactHub.Routing;

/// <summary>One thing a routing script did, as it reports it: a tag, a conversation, an agent, a time and the offer's "why".</summary>
internal readonly record struct RoutingStep(string Tag, long ConversationId, long AgentId, long AtMs, string Basis, int Candidates, string Rule, int Step)
{
    /// <summary>An offer the call answers with.</summary>
    public const string Next = "next";

    /// <summary>An offer the contract has no place to return; the router announces it itself.</summary>
    public const string Extra = "extra";

    public const string Expired = "expired";
    public const string Withdrawn = "withdrawn";
    public const string Accepted = "accepted";
    public const string Abandoned = "abandoned";

    /// <summary>An agent the sweep set away after too many missed offers (Basis holds the reason).</summary>
    public const string Away = "away";

    /// <summary>The sweep left due work for another call.</summary>
    public const string More = "more";

    private const int Width = 8;

    public Offer ToOffer() => new(ConversationId, AgentId, DateTimeOffset.FromUnixTimeMilliseconds(AtMs))
    {
        Reason = Basis.Length == 0 ? null : new AssignmentReason(Basis, Candidates, Rule.Length == 0 ? null : Rule, Step),
    };

    public static IReadOnlyList<RoutingStep> Parse(RedisResult result)
    {
        var items = (RedisResult[])result;
        var steps = new List<RoutingStep>(items.Length / Width);
        for (var i = 0; i + Width - 1 < items.Length; i += Width)
        {
            steps.Add(new RoutingStep(
                (string)items[i], (long)items[i + 1], (long)items[i + 2], (long)items[i + 3],
                (string)items[i + 4] ?? "", (int)(long)items[i + 5], (string)items[i + 6] ?? "", (int)(long)items[i + 7]));
        }
        return steps;
    }
}
