using ContactHub.Core.Config;
using ContactHub.Core.Domain;
using ContactHub.Core.Routing;
using ContactHub.Core.Stream;

namespace ContactHub.Core.Tests.Config;

/// <summary>The routing decision alone, on an in-memory snapshot.</summary>
public sealed class RuleEngineTests
{
    private static readonly Dictionary<string, string> NoAttributes = [];

    private static QueueSelection Select(IReadOnlyList<RoutingRule> rules, InboundInteraction interaction, IReadOnlyDictionary<string, string>? attributes = null)
    {
        var queues = new[] { new QueueDefinition("general") { Priority = 3 }, new QueueDefinition("billing") { Priority = 20 }, new QueueDefinition("vip") };
        var engine = new RuleEngine(new FixedState(RoutingSnapshot.Create(queues, rules, [])));
        return engine.SelectQueue(interaction, attributes ?? NoAttributes);
    }

    private static InboundInteraction Email(string text) => new(ChannelKind.Email, "ann@example.com", Guid.NewGuid().ToString("N"), text, [], DateTimeOffset.UtcNow);

    [Fact]
    public void TheFirstMatchingRuleWinsEvenWhenALaterOneAlsoMatches()
    {
        var selection = Select(
            [new RoutingRule("email", "billing", Channel: "email"), new RoutingRule("vip", "vip", Keyword: "invoice")],
            Email("invoice please"));

        Assert.Equal(("billing", "email"), (selection.Queue, selection.Rule));
    }

    [Fact]
    public void AKeywordMatchesAWholeWordInAnyCaseButNotInsideALongerWord()
    {
        RoutingRule[] rules = [new RoutingRule("refunds", "billing", Keyword: "refund")];

        Assert.Equal("billing", Select(rules, Email("REFUND!")).Queue);
        Assert.Equal("billing", Select(rules, Email("a refund, please")).Queue);
        Assert.Equal("general", Select(rules, Email("I was refunded")).Queue);
        Assert.Equal("general", Select(rules, Inbound.Call("+15555550100")).Queue);
    }

    [Fact]
    public void AKeywordOfSeveralWordsMatchesThePhrase()
    {
        RoutingRule[] rules = [new RoutingRule("cancel", "billing", Keyword: "cancel my contract")];

        Assert.Equal("billing", Select(rules, Email("Please cancel my contract today")).Queue);
        Assert.Equal("general", Select(rules, Email("cancel the contract")).Queue);
    }

    [Fact]
    public void AllConditionsOfARuleMustMatch()
    {
        RoutingRule[] rules = [new RoutingRule("sms vip", "vip", Channel: "sms", AttributeKey: "vip", AttributeValue: "true")];
        var vip = new Dictionary<string, string> { ["vip"] = "True" };

        Assert.Equal("vip", Select(rules, Inbound.Sms("+15555550100", "hi"), vip).Queue);
        Assert.Equal("general", Select(rules, Email("hi"), vip).Queue);
        Assert.Equal("general", Select(rules, Inbound.Sms("+15555550100", "hi")).Queue);
    }

    [Fact]
    public void AnAttributeRuleWithoutAValueMatchesAnyValue()
    {
        RoutingRule[] rules = [new RoutingRule("german", "vip", AttributeKey: "language")];

        Assert.Equal("vip", Select(rules, Email("hallo"), new Dictionary<string, string> { ["language"] = "de" }).Queue);
        Assert.Equal("general", Select(rules, Email("hallo")).Queue);
    }

    [Fact]
    public void NoMatchGoesToTheDefaultQueueWithItsPriority()
    {
        var selection = Select([new RoutingRule("refunds", "billing", Keyword: "refund")], Email("hello"));

        Assert.Equal(new QueueSelection("general", 3, selection.RequiredSkills, null), selection);
        Assert.Empty(selection.RequiredSkills);
    }

    [Fact]
    public void ARuleWithoutPriorityTakesItsQueuesPriority()
    {
        var selection = Select([new RoutingRule("all", "billing")], Email("hello"));

        Assert.Equal(20, selection.Priority);
    }

    private sealed class FixedState(RoutingSnapshot snapshot) : IRoutingSnapshotSource
    {
        public RoutingSnapshot Current => snapshot;
    }
}
