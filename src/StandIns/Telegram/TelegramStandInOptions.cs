namespace ContactHub.StandIns.Telegram;

/// <summary>Bound from <c>StandIn:Telegram</c>: the one bot this fake Bot API serves. Without a token every call is 401.</summary>
public sealed class TelegramStandInOptions
{
    public const string Section = "StandIn:Telegram";

    public string BotToken { get; set; } = "";

    public string BotUsername { get; set; } = "contacthub_support_bot";

    public string BotName { get; set; } = "ContactHub Support";

    /// <summary>Sends the bot may make to one chat per second before answering 429 with retry_after (Telegram's guidance: about one).</summary>
    public double MessagesPerSecondPerChat { get; set; } = 1;

    /// <summary>Telegram only calls https webhooks; tests that receive them on a loopback http listener turn this off.</summary>
    public bool RequireHttpsWebhook { get; set; } = true;

    /// <summary>Pause before a webhook delivery that got a non-2xx answer (or none) is tried again.</summary>
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
