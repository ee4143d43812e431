using System.Globalization;
using ContactHub.Core.Routing;
using StackExchange.Redis;

namespace ContactHub.Routing;

/// <summary>A waiting task's place: its rank in the queue's ZSET, which is ordered exactly as matching serves it.</summary>
public sealed partial class RedisRouter : IQueuePositions
{
    public async Task<QueuePlace?> PlaceOfAsync(long conversationId)
    {
        var database = redis.GetDatabase();
        var fields = await database.HashGetAsync(keys.Task(conversationId), ["state", "queue"]);
        if (fields[0].IsNull || fields[1].IsNull)
        {
            return null;
        }
        string state = fields[0]!, queue = fields[1]!;
        if (state != "queued")
        {
            return new QueuePlace(queue, 0, state);
        }
        // Read without a script: the two reads may straddle a change, and the next poll corrects a stale answer.
        var rank = await database.SortedSetRankAsync(keys.Queue(queue), conversationId.ToString(CultureInfo.InvariantCulture));
        return rank is { } zeroBased ? new QueuePlace(queue, (int)zeroBased + 1, state) : null;
    }
}
