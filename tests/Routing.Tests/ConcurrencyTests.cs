using System.Collections.Concurrent;
using ContactHub.Core.Domain;
using ContactHub.Core.Routing;

namespace ContactHub.Routing.Tests;

/// <summary>Two nodes (two multiplexers) hammering one router state from parallel tasks.</summary>
public sealed class ConcurrencyTests : IDisposable
{
    private const int Tasks = 300;
    private const int Agents = 8;
    private const int Capacity = 3;

    private readonly RouterHarness harness = new(capacity: Capacity);
    // Held now, by whom: a second accept of a held conversation is the double assignment this test hunts.
    private readonly ConcurrentDictionary<long, long> heldBy = new();
    private readonly ConcurrentDictionary<long, bool> everAssigned = new();
    private readonly ConcurrentQueue<string> violations = new();

    private bool offersMayExpire;
    private bool profiles;
    private int expiredOffers;

    [Fact]
    public async Task ParallelNodesNeverAssignATaskTwiceNorExceedAnAgentsCapacity()
    {
        await HammerAsync(sweeping: false);
    }

    [Fact]
    public async Task ParallelNodesRacingTheExpirySweepNeverAssignATaskTwiceNorExceedAnAgentsCapacity()
    {
        await HammerAsync(sweeping: true);
    }

    /// <summary>
    /// Odd agents have billing at level 2, even ones at level 1; every fifth task needs billing 2. Agents take one
    /// call and two chats at once; every fourth task is a call.
    /// </summary>
    [Fact]
    public async Task ParallelNodesWithSkillsAndVoicePlusChatCapacityNeverBreakSkillsNorAChannelsCapacity()
    {
        profiles = true;
        for (var agent = 1; agent <= Agents; agent++)
        {
            await harness.ApplyAgentAsync(new AgentRoutingProfile(agent)
            {
                Skills = new Dictionary<string, int> { ["billing"] = agent % 2 == 1 ? 2 : 1 },
                Capacity = new Dictionary<ChannelKind, int> { [ChannelKind.Voice] = 1, [ChannelKind.WebChat] = 2 },
            });
        }
        await HammerAsync(sweeping: false);
    }

    private static ChannelKind ChannelOf(long conversation, bool profiled) =>
        profiled && conversation % 4 == 0 ? ChannelKind.Voice : ChannelKind.WebChat;

    private static bool NeedsBilling(long conversation) => conversation % 5 == 0;

    private async Task HammerAsync(bool sweeping)
    {
        offersMayExpire = sweeping;
        using var secondNode = TestRedis.Connect();
        IRouter[] nodes = [harness.Router, harness.CreateRouter(secondNode)];
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var agents = Enumerable.Range(1, Agents).Select(agent => Task.Run(() => RunAgentAsync(nodes, agent, deadline.Token))).ToList();
        var enqueuer = Task.Run(() => EnqueueAllAsync(nodes, profiles));
        var sweeper = sweeping ? Task.Run(() => SweepAsync(nodes[1], deadline.Token)) : Task.CompletedTask;

        await enqueuer.WaitAsync(TimeSpan.FromSeconds(60));
        await Task.WhenAll(agents).WaitAsync(TimeSpan.FromSeconds(70));
        await sweeper.WaitAsync(TimeSpan.FromSeconds(70));

        Assert.Empty(violations);
        // The sweep variant is only a test of the race if offers really did lapse under the agents.
        Assert.True(!sweeping || expiredOffers > 0, "No offer expired during the sweeping run.");
        Assert.Equal(Tasks, everAssigned.Count);
        for (var agent = 1; agent <= Agents; agent++)
        {
            var state = await harness.StateAsync(agent);
            Assert.InRange(state.ActiveConversations, 0, Capacity);
        }
    }

    /// <summary>Moves the clock a fifth of the offer timeout per tick, so offers lapse while agents are answering them.</summary>
    private async Task SweepAsync(IRouter node, CancellationToken cancellationToken)
    {
        while (everAssigned.Count < Tasks && !cancellationToken.IsCancellationRequested)
        {
            harness.Clock.Advance(harness.OfferTimeout / 5);
            var expired = await node.ExpireOffersAsync().WithTimeout();
            Interlocked.Add(ref expiredOffers, expired.Count);
            await Task.Delay(2, CancellationToken.None).WithTimeout();
        }
    }

    /// <summary>
    /// Each task is enqueued by both nodes at once, as a webhook retry racing the reconciler would. (A conversation
    /// enqueued again after its release is a new task by design, so the two enqueues must overlap to test idempotency.)
    /// </summary>
    private static async Task EnqueueAllAsync(IRouter[] nodes, bool profiled)
    {
        for (var conversation = 1; conversation <= Tasks; conversation++)
        {
            var task = new RoutingTask(conversation, conversation % 3 == 0 ? "sales" : "support", ChannelOf(conversation, profiled), DateTimeOffset.UtcNow)
            {
                Priority = conversation % 7 == 0 ? 1 : 0,
                RequiredSkills = profiled && NeedsBilling(conversation) ? new Dictionary<string, int> { ["billing"] = 2 } : new Dictionary<string, int>(),
            };
            await Task.WhenAll(nodes.Select(node => node.EnqueueAsync(task))).WithTimeout();
        }
    }

    private async Task RunAgentAsync(IRouter[] nodes, long agent, CancellationToken cancellationToken)
    {
        var random = new Random((int)agent);
        var mine = new List<long>();
        IRouter Any() => nodes[random.Next(nodes.Length)];
        await Any().SetPresenceAsync(agent, AgentPresence.Available).WithTimeout();

        while (everAssigned.Count < Tasks && !cancellationToken.IsCancellationRequested)
        {
            var state = await Any().GetAgentStateAsync(agent).WithTimeout();
            if (state.ActiveConversations > Capacity || state.ActiveConversations != mine.Count)
            {
                violations.Enqueue($"agent {agent}: router counts {state.ActiveConversations}, agent holds {mine.Count}");
            }
            if (state.Presence == AgentPresence.Away)
            {
                // Set away by the sweep after missed offers: the agent comes back, as a person would.
                await Any().SetPresenceAsync(agent, AgentPresence.Available).WithTimeout();
            }
            else if (state.PendingOffer is { } offer)
            {
                await AnswerAsync(nodes, agent, offer.ConversationId, random, mine);
            }
            else if (mine.Count > 0 && (mine.Count == Capacity || random.Next(3) == 0))
            {
                var done = mine[random.Next(mine.Count)];
                mine.Remove(done);
                heldBy.TryRemove(done, out _);
                await Any().ReleaseAsync(agent, done).WithTimeout();
            }
            else if (random.Next(20) == 0)
            {
                // A short break: withdraws any offer made meanwhile, which races the other agents' accepts.
                await Any().SetPresenceAsync(agent, AgentPresence.Away).WithTimeout();
                await Any().SetPresenceAsync(agent, AgentPresence.Available).WithTimeout();
            }
            else
            {
                await Task.Yield();
            }
        }
        if (cancellationToken.IsCancellationRequested)
        {
            violations.Enqueue($"agent {agent}: gave up with {everAssigned.Count} of {Tasks} assigned");
        }
    }

    private async Task AnswerAsync(IRouter[] nodes, long agent, long conversation, Random random, List<long> mine)
    {
        // A task every agent declined or let lapse waits for a newcomer, so the run keeps such answers rare
        // (a tenth declines without the sweep, a sixth slow answers with it) to make sure it finishes.
        if (offersMayExpire && random.Next(6) == 0)
        {
            await Task.Delay(random.Next(30), CancellationToken.None).WithTimeout();
        }
        else if (!offersMayExpire && random.Next(10) == 0)
        {
            await nodes[random.Next(nodes.Length)].DeclineAsync(agent, conversation).WithTimeout();
            return;
        }
        // The same accept from both nodes at once (a double click reaching two nodes): exactly one may win.
        var answers = await Task.WhenAll(nodes.Select(node => node.AcceptAsync(agent, conversation))).WithTimeout();
        var wins = answers.Count(answer => answer == OfferAnswer.Accepted);
        // Without the sweep nothing can take the offer away between reading it and accepting it.
        if (wins > 1 || (wins == 0 && !offersMayExpire))
        {
            violations.Enqueue($"agent {agent}: {wins} accepts of conversation {conversation} succeeded");
        }
        if (wins > 0)
        {
            mine.Add(conversation);
            if (profiles && NeedsBilling(conversation) && agent % 2 == 0)
            {
                violations.Enqueue($"agent {agent} without billing 2 was assigned billing conversation {conversation}");
            }
            var (calls, chats) = (mine.Count(c => ChannelOf(c, profiles) == ChannelKind.Voice), mine.Count(c => ChannelOf(c, profiles) == ChannelKind.WebChat));
            if (profiles && (calls > 1 || chats > 2))
            {
                violations.Enqueue($"agent {agent} holds {calls} calls and {chats} chats");
            }
            everAssigned.TryAdd(conversation, true);
            if (!heldBy.TryAdd(conversation, agent))
            {
                violations.Enqueue($"conversation {conversation} held by agent {heldBy[conversation]} and assigned again to {agent}");
            }
        }
    }

    public void Dispose() => harness.Dispose();
}
