using ContactHub.Channels.Email.Mime;
using ContactHub.Core.Domain;
using ContactHub.Core.Outbound;

namespace ContactHub.Channels.Email.Bounces;

/// <summary>
/// An RFC 3464 report: the machine-readable message/delivery-status part says what happened to each recipient, and
/// the returned message (or its headers) carries the Message-ID we gave the message.
/// </summary>
internal static class StandardBounce
{
    private static readonly string[] StatusTypes = ["message/delivery-status", "message/global-delivery-status"];
    private static readonly string[] ReturnedTypes = ["message/rfc822", "message/global", "text/rfc822-headers", "message/global-headers"];

    public static DeliveryReport? Read(MimeMessage message, MimeEntity report)
    {
        var statusPart = Descendants(report).FirstOrDefault(e => StatusTypes.Contains(e.MediaType));
        if (statusPart is null)
        {
            return null;
        }
        var fields = DeliveryStatusFields.Read(Decode(statusPart));
        // One report can cover several recipients; the worst outcome is the one the agent must see.
        var recipient = fields.Recipients.FirstOrDefault(r => r.Action == DeliveryReportActions.Failed)
            ?? fields.Recipients.FirstOrDefault(r => r.Action == DeliveryReportActions.Delayed)
            ?? fields.Recipients.FirstOrDefault();
        if (recipient is null)
        {
            return null;
        }
        var code = EnhancedStatusCode.MostSpecific(recipient.Status, recipient.DiagnosticCode);
        return new DeliveryReport(
            ChannelKind.Email,
            BounceReader.ReportId(message),
            OriginalMessageIds(message, report, fields),
            recipient.Action,
            recipient.Recipient,
            code,
            DiagnosticText.Readable(recipient.DiagnosticCode) ?? EnhancedStatusCode.Meaning(code),
            message.Raw.ToArray());
    }

    /// <summary>The returned message's Message-ID first; then what some MTAs add (Gmail's X-Original-Message-ID, In-Reply-To, References).</summary>
    private static List<string> OriginalMessageIds(MimeMessage message, MimeEntity report, DeliveryStatusFields fields)
    {
        var ids = new List<string>();
        if (Descendants(report).FirstOrDefault(e => ReturnedTypes.Contains(e.MediaType)) is { } returned)
        {
            var headers = HeaderBlock.Read(Decode(returned), isTopLevel: false, new WarningCollector()).Fields;
            if (MessageIds.ParseFirst(DeliveryStatusFields.Field(headers, "Message-ID")) is { } returnedId)
            {
                ids.Add(returnedId);
            }
        }
        if (MessageIds.ParseFirst(DeliveryStatusFields.Field(fields.PerMessage, "X-Original-Message-ID")) is { } original)
        {
            ids.Add(original);
        }
        if (message.InReplyTo is { } inReplyTo)
        {
            ids.Add(inReplyTo);
        }
        ids.AddRange(message.References.Reverse());
        return ids.Where(id => id != message.MessageId).Distinct().ToList();
    }

    private static IEnumerable<MimeEntity> Descendants(MimeEntity entity) =>
        entity.Children.SelectMany(child => Descendants(child).Prepend(child));

    private static byte[] Decode(MimeEntity part) =>
        TransferDecoding.Decode(part.Body.Span, part.TransferEncoding, new WarningCollector(), part.MediaType);
}
