using ContactHub.Core;

namespace ContactHub.Channels.Telegram;

/// <summary>How updates reach the hub: Telegram pushes them to the webhook, or the hub long-polls getUpdates.</summary>
public static class TelegramReceiveMode
{
    /// <summary>
    /// Telegram only calls https URLs, and an unsecured webhook would accept anyone's updates: without both the hub
    /// polls, which needs no public address at all (a laptop, the demo).
    /// </summary>
    public static bool UsesWebhook(TelegramOptions telegram, HubOptions hub) =>
        TelegramSecretToken.IsWellFormed(telegram.WebhookSecret)
        && Uri.TryCreate(hub.PublicBaseUrl, UriKind.Absolute, out var url)
        && url.Scheme == Uri.UriSchemeHttps;
}
