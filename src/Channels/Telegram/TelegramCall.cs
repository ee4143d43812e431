using System.Diagnostics.CodeAnalysis;

namespace ContactHub.Channels.Telegram;

/// <summary>How a Bot API call ended, in the terms a caller decides on (retry, give up, or fear a duplicate).</summary>
public enum TelegramCallOutcome
{
    /// <summary><c>"ok": true</c>.</summary>
    Ok,

    /// <summary>Telegram refused for good (400 bad request, 401 wrong token, 403 blocked, 404...).</summary>
    Refused,

    /// <summary>429: wait <see cref="TelegramCall{T}.RetryAfter"/> and try again.</summary>
    RateLimited,

    /// <summary>5xx or an answer that is not the Bot API's JSON: Telegram did not take the request.</summary>
    ServerError,

    /// <summary>No connection was made, so Telegram cannot have acted on the request.</summary>
    Unreachable,

    /// <summary>The connection failed or timed out after the request was sent: Telegram may or may not have acted on it.</summary>
    Interrupted,
}

/// <summary>One Bot API call's result. <see cref="Description"/> is Telegram's words (or ours for transport failures), never the token.</summary>
public sealed record TelegramCall<T>(TelegramCallOutcome Outcome, T? Result, int? ErrorCode, string Description, TimeSpan? RetryAfter = null)
{
    [MemberNotNullWhen(true, nameof(Result))]
    public bool Succeeded => Outcome == TelegramCallOutcome.Ok && Result is not null;

    /// <summary>"bot was blocked by the user" (403): the customer stopped the bot; writing to it again lifts that.</summary>
    public bool BotBlocked => ErrorCode == 403 && Description.Contains("blocked by the user", StringComparison.OrdinalIgnoreCase);

    public static TelegramCall<T> Failed(TelegramCallOutcome outcome, string description) => new(outcome, default, null, description);
}
