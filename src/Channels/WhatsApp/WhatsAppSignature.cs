using System.Security.Cryptography;
using System.Text;

namespace ContactHub.Channels.WhatsApp;

/// <summary>
/// Meta's webhook signature: <c>X-Hub-Signature-256: sha256=&lt;hex HMAC-SHA256(app secret, raw body)&gt;</c>. Always over
/// the bytes received: Meta escapes non-ASCII as \uXXXX, so a re-serialised body never matches.
/// </summary>
public static class WhatsAppSignature
{
    public const string HeaderName = "X-Hub-Signature-256";

    private const string Prefix = "sha256=";

    public static string Sign(string appSecret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));

    /// <summary>True when <paramref name="presented"/> is the signature of <paramref name="body"/>; compared in constant time.</summary>
    public static bool IsValid(string appSecret, ReadOnlySpan<byte> body, string? presented)
    {
        if (string.IsNullOrEmpty(appSecret) || presented is null || !presented.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var hex = presented.AsSpan(Prefix.Length).Trim();
        if (hex.Length != HMACSHA256.HashSizeInBytes * 2)
        {
            return false;
        }
        Span<byte> claimed = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (Convert.FromHexString(hex, claimed, out _, out var written) != System.Buffers.OperationStatus.Done || written != claimed.Length)
        {
            return false;
        }
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, claimed);
    }

    /// <summary>Compares two secrets without leaking where they differ or how long the expected one is.</summary>
    public static bool SecretsMatch(string expected, string? presented) =>
        expected.Length > 0 && presented is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
}
