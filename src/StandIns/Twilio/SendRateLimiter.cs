using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ContactHub.StandIns.Twilio;

/// <summary>Twilio queues or refuses sends beyond an account's throughput; the stand-in refuses, so senders must honour 429.</summary>
public sealed class SendRateLimiter : IDisposable
{
    private readonly TokenBucketRateLimiter limiter;

    public SendRateLimiter(IOptions<TwilioStandInOptions> options)
    {
        var perSecond = Math.Max(1, options.Value.MessagesPerSecond);
        limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perSecond,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    public bool TryAcquire()
    {
        using var lease = limiter.AttemptAcquire();
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
