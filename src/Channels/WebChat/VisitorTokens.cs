using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.WebChat;

/// <summary>Who a visitor is, as their token says: the id their messages are stored under, and what the pre-chat form asked.</summary>
/// <param name="Email">Typed in, never verified: only ever a merge suggestion.</param>
public sealed record Visitor(string Id, string Name, string? Email);

/// <summary>
/// A visitor's proof of identity, kept in their browser's localStorage: the <see cref="Visitor"/> sealed with ASP.NET
/// Core Data Protection (authenticated encryption under the hub's key ring) and an expiry. A forged, altered or expired
/// token reads as nothing, so the visitor starts afresh and can never land in somebody else's conversation.
/// </summary>
public sealed class VisitorTokens(IDataProtectionProvider protection, IOptions<WebChatOptions> options, TimeProvider time)
{
    /// <summary>Tokens are a few hundred characters; anything much longer is not one of ours.</summary>
    public const int MaxTokenLength = 2000;

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("ContactHub.WebChat.Visitor.v1").ToTimeLimitedDataProtector();

    /// <summary>A new visitor id: 128 random bits, so ids cannot be guessed or enumerated.</summary>
    public static string NewVisitorId() => "v_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public string Issue(Visitor visitor) =>
        _protector.Protect(JsonSerializer.Serialize(visitor, WebChatJsonContext.Default.Visitor), time.GetUtcNow() + options.Value.VisitorTokenLifetime);

    public Visitor? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }
        try
        {
            var visitor = JsonSerializer.Deserialize(_protector.Unprotect(token, out var expires), WebChatJsonContext.Default.Visitor);
            // Unprotect checks the expiry against the system clock; the hub's clock decides too, so tests can move it.
            return expires > time.GetUtcNow() && visitor is { Id.Length: > 0 } ? visitor : null;
        }
        catch (Exception error) when (error is CryptographicException or FormatException or JsonException)
        {
            // Tampered, expired, or made with a key this hub does not hold.
            return null;
        }
    }
}
