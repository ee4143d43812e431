using System.Security.Cryptography;
using System.Text;

namespace ContactHub.Channels.Telegram;

/// <summary>The webhook's authentication: the secret_token given to setWebhook, echoed in a header on every call.</summary>
public static class TelegramSecretToken
{
    public const string HeaderName = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>Telegram's rule for secret_token: 1-256 characters of A-Z, a-z, 0-9, underscore and hyphen.</summary>
    public static bool IsWellFormed(string? secret) =>
        secret is { Length: >= 1 and <= 256 } && secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    /// <summary>Constant-time, so response timing does not reveal how much of a guess was right. An unset secret matches nothing.</summary>
    public static bool Matches(string configured, string? presented) =>
        configured.Length > 0
        && presented is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(configured), Encoding.UTF8.GetBytes(presented));
}
