using System.Security.Cryptography;
using ContactHub.Channels.Email.Mime;
using ContactHub.Channels.Email.Threading;
using ContactHub.Core.Domain;
using ContactHub.Core.Stream;

namespace ContactHub.Channels.Email;

/// <summary>
/// One received e-mail as the canonical inbound interaction: the sender's address is the identity, the Message-ID
/// the external id (a hash of the raw source when a sender omits it, so a re-fetch still dedupes), and the
/// threading headers, then our conversation token, say which conversation it continues.
/// </summary>
public static class EmailInboundMapper
{
    /// <param name="tokens">Checks conversation tokens in the subject and plus-addresses; null = tokens are not read.</param>
    public static InboundInteraction Map(MimeMessage message, DateTimeOffset receivedAt, ConversationTokens? tokens = null)
    {
        var sender = message.From.FirstOrDefault() ?? message.ReplyTo.FirstOrDefault();
        var address = sender?.Address.Trim().ToLowerInvariant() is { Length: > 0 and <= InboundLimits.MaxAddressLength } a ? a : "unknown-sender@invalid";
        var externalId = message.MessageId is { Length: > 0 and <= 200 } id ? id : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(message.Raw.Span));
        var repliesTo = new List<string>();
        if (message.InReplyTo is { Length: > 0 } inReplyTo)
        {
            repliesTo.Add(inReplyTo);
        }
        // Newest reference first: the message it most likely answers.
        repliesTo.AddRange(message.References.Reverse().Where(r => r != message.InReplyTo));
        return new InboundInteraction(
            ChannelKind.Email,
            address,
            externalId,
            Text(message),
            [],
            message.Date ?? receivedAt,
            string.IsNullOrWhiteSpace(sender?.DisplayName) ? null : sender.DisplayName.Trim())
        {
            ThreadKey = externalId,
            RepliesTo = repliesTo,
            TokenConversations = tokens?.FoundIn(message) ?? [],
            RawSource = message.Raw.ToArray(),
            IsAutomated = IsAutomated(message),
            Files = EmailFiles.From(message),
        };
    }

    /// <summary>RFC 3834 and the common de-facto markers of machine-sent mail (auto-replies, lists, bulk, bounces).</summary>
    public static bool IsAutomated(MimeMessage message) =>
        (message.AutoSubmitted is { } autoSubmitted && !autoSubmitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
        || (message.Precedence?.Trim().ToLowerInvariant() is "bulk" or "junk" or "list" or "auto_reply")
        || message.XAutoreply is not null
        || message.ListId is not null
        || message.From.Any(f => f.Address.StartsWith("mailer-daemon@", StringComparison.OrdinalIgnoreCase) || f.Address.StartsWith("postmaster@", StringComparison.OrdinalIgnoreCase));

    /// <summary>The subject leads: in a contact centre it is the first thing an agent reads of an e-mail.</summary>
    private static string Text(MimeMessage message)
    {
        var body = message.TextBody.Trim();
        var subject = message.Subject.Trim();
        return subject.Length == 0 ? body : body.Length == 0 ? subject : subject + "\n\n" + body;
    }
}
