namespace ContactHub.Routing;

public sealed partial class RedisRouter
{
    /// <summary>
    /// True for exactly one caller after the routing state was lost (first start, or a Redis that came back
    /// empty): that caller rebuilds assignments from the store. Restoring while the state is intact would
    /// count conversations that were released in the meantime.
    /// </summary>
    public async Task<bool> ClaimRebuildAsync() =>
        await redis.GetDatabase().StringSetAsync(keys.RebuildMarker, time.GetUtcNow().ToUnixTimeMilliseconds(), when: StackExchange.Redis.When.NotExists);
}
