using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.WebChat;

public enum VisitorLimit
{
    /// <summary>Messages per visitor per minute.</summary>
    Message,
    /// <summary>Uploads per visitor per hour.</summary>
    Upload,
    /// <summary>New sessions and left messages per IP address per hour.</summary>
    Session,
    /// <summary>Agent replies pushed to one visitor per second (outbound pacing).</summary>
    Reply,
}

/// <summary>
/// Fixed-window limits per visitor (or per IP address for new sessions), so one visitor or script cannot flood the
/// agents, the store or the widget. Refusals say how long to wait.
/// </summary>
/// <remarks>REVIEW: the windows are per node; behind a load balancer without affinity a visitor gets the limit once per
/// node. Redis counters would make them cluster-wide when that matters.</remarks>
public sealed class VisitorRateLimits : IDisposable
{
    private readonly Dictionary<VisitorLimit, (PartitionedRateLimiter<string> Limiter, TimeSpan Window)> _limiters;

    public VisitorRateLimits(IOptions<WebChatOptions> options)
    {
        var o = options.Value;
        _limiters = new()
        {
            [VisitorLimit.Message] = Window(o.MessagesPerMinute, TimeSpan.FromMinutes(1)),
            [VisitorLimit.Upload] = Window(o.UploadsPerHour, TimeSpan.FromHours(1)),
            [VisitorLimit.Session] = Window(o.SessionsPerHour, TimeSpan.FromHours(1)),
            [VisitorLimit.Reply] = Window(o.RepliesPerSecond, TimeSpan.FromSeconds(1)),
        };
    }

    /// <returns>Null when allowed; otherwise how long until the window lets the next one through.</returns>
    public TimeSpan? RetryAfter(VisitorLimit limit, string key)
    {
        var (limiter, window) = _limiters[limit];
        using var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired)
        {
            return null;
        }
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window;
    }

    /// <summary>The visitor's refusal, in words.</summary>
    public static string Refusal(VisitorLimit limit, TimeSpan retryAfter)
    {
        var wait = retryAfter.TotalSeconds <= 90
            ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))} seconds")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Ceiling(retryAfter.TotalMinutes)} minutes");
        return limit switch
        {
            VisitorLimit.Message => $"You are sending messages too quickly. Please wait {wait} and try again.",
            VisitorLimit.Upload => $"You have sent the most files allowed for now. Please wait {wait} before sending another.",
            _ => $"Too many new chats from your network. Please wait {wait} and try again.",
        };
    }

    public void Dispose()
    {
        foreach (var (limiter, _) in _limiters.Values)
        {
            limiter.Dispose();
        }
    }

    private static (PartitionedRateLimiter<string>, TimeSpan) Window(int permits, TimeSpan window) =>
        (PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = window,
            QueueLimit = 0,
        })), window);
}
