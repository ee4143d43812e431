using ContactHub.Core.Routing;
using StackExchange.Redis;

namespace ContactHub.Routing;

/// <summary>Live metrics: one read-only script over the counters the routing scripts keep as they go.</summary>
public sealed partial class RedisRouter
{
    // Row layout of metrics.lua: name, waiting, oldest enqueue ms, service-level s, then these counters, then the histogram.
    private const int CounterOffset = 4;

    public async Task<LiveQueues> GetLiveAsync()
    {
        var now = time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var result = (RedisResult[])await EvaluateAsync(RoutingLibrary.Metrics);
        var queues = new List<QueueLive>();
        foreach (var row in ((RedisResult[])result[0]).Select(item => (RedisResult[])item))
        {
            long Counter(int i) => (long)row[CounterOffset + i];
            var oldest = (long)row[2];
            var (offered, answered, abandoned, shortAbandoned) = (Counter(0), Counter(1), Counter(2), Counter(3));
            var (waitMs, slAnswered, handled, handleMs) = (Counter(4), Counter(5), Counter(6), Counter(7));
            var histogram = Enumerable.Range(8, WaitHistogram.BucketCount).Select(Counter).ToArray();
            // Short abandons are left out of the denominator; with nothing offered, nobody was kept waiting: 100%.
            var slDenominator = offered - shortAbandoned;
            queues.Add(new QueueLive(
                (string)row[0]!,
                (int)(long)row[1],
                oldest == 0 ? 0 : Math.Max(0, (nowMs - oldest) / 1000.0),
                offered,
                answered,
                abandoned,
                answered == 0 ? 0 : waitMs / 1000.0 / answered,
                handled == 0 ? 0 : handleMs / 1000.0 / handled,
                slDenominator <= 0 ? 1 : (double)slAnswered / slDenominator,
                (int)(long)row[3],
                WaitHistogram.Estimate(histogram, 0.5),
                WaitHistogram.Estimate(histogram, 0.9)));
        }
        var agents = new List<AgentLive>();
        foreach (var row in ((RedisResult[])result[1]).Select(item => (RedisResult[])item))
        {
            var since = (long)row[2];
            var reason = (string)row[3] ?? "";
            agents.Add(new AgentLive(
                (long)row[0],
                AgentPresenceNames.ActivityFromWire((string)row[1]),
                since == 0 ? 0 : Math.Max(0, (nowMs - since) / 1000.0),
                reason.Length == 0 ? null : reason,
                (int)(long)row[4]));
        }
        return new LiveQueues(
            [.. queues.OrderBy(queue => queue.Queue, StringComparer.Ordinal)],
            [.. agents.OrderBy(agent => agent.AgentId)],
            now);
    }
}
