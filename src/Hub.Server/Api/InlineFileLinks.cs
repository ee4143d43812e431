using System.Globalization;
using System.Security.Cryptography;
using ContactHub.Core;
using ContactHub.Core.Files;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ContactHub.Server.Api;

/// <summary>
/// Short-lived signed URLs for the images an e-mail shows by cid:. The formatted e-mail runs in a sandboxed iframe
/// with an opaque origin, whose image requests carry no console cookie, so the URL itself is the permission: a token
/// from ASP.NET Core Data Protection (authenticated encryption with the hub's shared, rotating key ring) naming one
/// file and expiring after <see cref="Lifetime"/>.
/// </summary>
public sealed class InlineFileLinks(IDataProtectionProvider protection, IOptions<HubOptions> hubOptions, TimeProvider time) : IPublicFileLinks
{
    /// <summary>Long enough to render and scroll a message; a copied URL stops working soon after.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("ContactHub.Files.Inline.v1").ToTimeLimitedDataProtector();

    /// <summary>The absolute URL of an inline image on <paramref name="origin"/> (scheme://host[:port]).</summary>
    public string UrlFor(string origin, long fileId) =>
        $"{origin.TrimEnd('/')}/api/files/{fileId}/inline?t={Uri.EscapeDataString(Sign(fileId, time.GetUtcNow() + Lifetime))}";

    /// <summary>MMS media: Twilio fetches it within seconds of the send, from the hub's public address.</summary>
    public string? PublicUrlFor(string attachmentUrl)
    {
        const string prefix = "/api/files/";
        if (!attachmentUrl.StartsWith(prefix, StringComparison.Ordinal))
        {
            return Uri.TryCreate(attachmentUrl, UriKind.Absolute, out var external) && external.Scheme == Uri.UriSchemeHttps ? attachmentUrl : null;
        }
        return long.TryParse(attachmentUrl.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var fileId)
            ? UrlFor(hubOptions.Value.PublicBaseUrl, fileId)
            : null;
    }

    public string Sign(long fileId, DateTimeOffset expires) => _protector.Protect(Payload(fileId), expires);

    /// <summary>True only for an unexpired token made by this hub's key ring for this very file.</summary>
    public bool IsValid(long fileId, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return false;
        }
        try
        {
            return _protector.Unprotect(token, out _) == Payload(fileId);
        }
        catch (CryptographicException)
        {
            // Tampered, expired, or made with a key this hub does not hold.
            return false;
        }
    }

    private static string Payload(long fileId) => "inline-file:" + fileId.ToString(CultureInfo.InvariantCulture);
}
