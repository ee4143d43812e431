using ContactHub.Channels.Email.Mime;
using ContactHub.Core.Domain;
using ContactHub.Core.Outbound;

namespace ContactHub.Channels.Email.Bounces;

/// <summary>
/// The bounce without a multipart/report that older or simpler mail systems (qmail's "failure notice", many
/// gateways) still send: the returned message is quoted in the body or attached, so its Message-ID line is found
/// by scanning; the status code is the first one in the text.
/// </summary>
internal static class LegacyBounce
{
    /// <summary>Only mail from the mail system itself is read this way: a customer quoting our headers is no bounce.</summary>
    public static bool IsFromMailSystem(MimeMessage message) =>
        message.From.Any(f => f.Address.Split('@')[0].ToLowerInvariant() is "mailer-daemon" or "postmaster")
        || message.Headers.Find("X-Failed-Recipients") is not null;

    public static DeliveryReport? Read(MimeMessage message)
    {
        var ids = QuotedMessageIds(message).Where(id => id != message.MessageId).Distinct().ToList();
        if (ids.Count == 0)
        {
            return null;
        }
        var line = message.TextBody.Split('\n').FirstOrDefault(l => EnhancedStatusCode.Find(l) is not null);
        var code = line is null ? null : EnhancedStatusCode.Find(line);
        var delayed = message.Subject.Contains("delay", StringComparison.OrdinalIgnoreCase) || message.Subject.Contains("warning", StringComparison.OrdinalIgnoreCase);
        var failedRecipient = message.Headers.Find("X-Failed-Recipients")?.RawValue.Split(',')[0].Trim();
        return new DeliveryReport(
            ChannelKind.Email,
            BounceReader.ReportId(message),
            ids,
            delayed ? DeliveryReportActions.Delayed : DeliveryReportActions.Failed,
            string.IsNullOrEmpty(failedRecipient) ? null : failedRecipient,
            code,
            DiagnosticText.Readable(FromReplyCode(line)) ?? EnhancedStatusCode.Meaning(code) ?? "The mail system returned the message as undeliverable",
            message.Raw.ToArray());
    }

    /// <summary>"Remote host said: 550 5.1.1 ..." keeps what the remote server said.</summary>
    private static string? FromReplyCode(string? line)
    {
        if (line is null)
        {
            return null;
        }
        var said = line.IndexOf("said:", StringComparison.OrdinalIgnoreCase);
        return said >= 0 ? line[(said + "said:".Length)..] : line;
    }

    /// <summary>Message-ID lines after the bounce's own header, in a quoted ("> ") or attached copy of the original.</summary>
    private static IEnumerable<string> QuotedMessageIds(MimeMessage message)
    {
        var data = message.Raw.Span;
        var position = HeaderBlock.Read(data, isTopLevel: true, new WarningCollector()).BodyStart;
        var ids = new List<string>();
        while (position < data.Length && ids.Count < 10)
        {
            position = Lines.Next(data, position, out var line);
            var text = System.Text.Encoding.Latin1.GetString(line).TrimStart(' ', '\t', '>');
            if (text.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase) && MessageIds.ParseFirst(text["Message-ID:".Length..]) is { } id)
            {
                ids.Add(id);
            }
        }
        return ids;
    }
}
