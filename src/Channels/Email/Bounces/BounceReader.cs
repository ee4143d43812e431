using System.Security.Cryptography;
using ContactHub.Channels.Email.Mime;
using ContactHub.Core.Outbound;

namespace ContactHub.Channels.Email.Bounces;

/// <summary>
/// Recognises a delivery status notification about a message we sent: the RFC 3464 multipart/report first, else
/// the older kind of bounce that only quotes the returned message. Every other e-mail gives null.
/// </summary>
public static class BounceReader
{
    public static DeliveryReport? Read(MimeMessage message)
    {
        var root = new EntityReader(new MimeReaderOptions(), new WarningCollector()).Read(message.Raw, depth: 0);
        var report = ReportPart(root, depth: 0);
        return (report is null ? null : StandardBounce.Read(message, report))
            ?? (LegacyBounce.IsFromMailSystem(message) ? LegacyBounce.Read(message) : null);
    }

    /// <summary>The report's own id: its Message-ID, else a hash of its bytes, so the same bounce re-fetched is the same report.</summary>
    internal static string ReportId(MimeMessage message) =>
        message.MessageId is { Length: > 0 and <= 200 } id ? id : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(message.Raw.Span));

    /// <summary>The multipart/report of type delivery-status: the whole message, or (behind a gateway) a part of it.</summary>
    private static MimeEntity? ReportPart(MimeEntity entity, int depth)
    {
        if (entity.MediaType == "multipart/report"
            && entity.ContentType["report-type"]?.Trim().ToLowerInvariant() is "delivery-status" or "global-delivery-status")
        {
            return entity;
        }
        return depth >= 3 ? null : entity.Children.Select(child => ReportPart(child, depth + 1)).FirstOrDefault(found => found is not null);
    }
}
