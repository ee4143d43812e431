namespace ContactHub.Channels.Http;

/// <summary>A provider's Retry-After header (seconds or an HTTP date) as a wait, so the outbox retries when it was told to.</summary>
public static class RetryAfterHeader
{
    /// <returns>Null when the response names no wait; never negative.</returns>
    public static TimeSpan? Wait(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }
}
