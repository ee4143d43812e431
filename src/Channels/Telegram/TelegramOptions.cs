namespace ContactHub.Channels.Telegram;

/// <summary>Bound from <c>Telegram</c>. The bot token and the webhook secret are secrets: configuration or the environment only, never code or logs.</summary>
public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    /// <summary>The token @BotFather issued ("123456:ABC..."); the channel is registered only when it is set.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>
    /// Telegram sends it back in <c>X-Telegram-Bot-Api-Secret-Token</c> on every webhook call (1-256 of A-Z, a-z, 0-9,
    /// _ and -). Without it the webhook refuses everything and the hub long-polls getUpdates instead.
    /// </summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>Configurable so tests and the demo point the bot at the local stand-in.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>How long one getUpdates call waits for a message (long polling); 0 makes it a short poll.</summary>
    public int PollTimeoutSeconds { get; set; } = 25;

    /// <summary>Bounds one ordinary API call (sends, getFile, downloads) so a hung connection cannot stall the outbox.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest webhook body accepted; an update is a few kilobytes, so anything near this is not Telegram.</summary>
    public int MaxUpdateBytes { get; set; } = 256 * 1024;

    /// <summary>The bot's numeric id, the token's public part: names the bot's polling cursor without storing the secret.</summary>
    public string BotId => BotToken.Split(':', 2)[0];
}
