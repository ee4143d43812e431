using ContactHub.Core.Domain;
using ContactHub.Core.Stream;

namespace ContactHub.Core.Tests;

internal static class Inbound
{
    public static InboundInteraction Sms(string from, string text, string? sid = null) =>
        new(ChannelKind.Sms, from, sid ?? "SM" + Guid.NewGuid().ToString("N"), text, [], DateTimeOffset.UtcNow, RecipientAddress: "+15555550100");

    public static InboundInteraction Call(string from) =>
        new(ChannelKind.Voice, from, "CA" + Guid.NewGuid().ToString("N"), null, [], DateTimeOffset.UtcNow);

    /// <summary>An e-mail as the e-mail adapter maps it: its Message-ID is its external id and starts a thread unless it answers one.</summary>
    public static InboundInteraction Email(string from, string messageId, string text, params string[] repliesTo) =>
        new(ChannelKind.Email, from, messageId, text, [], DateTimeOffset.UtcNow) { ThreadKey = messageId, RepliesTo = repliesTo };

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
}
