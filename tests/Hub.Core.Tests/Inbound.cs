using ContactHub.Core.Domain;
using ContactHub.Core.Stream;

namespace ContactHub.Core.Tests;

internal static class Inbound
{
    public static InboundInteraction Sms(string from, string text, string? sid = null) =>
        new(ChannelKind.Sms, from, sid ?? "SM" + Guid.NewGuid().ToString("N"), text, [], DateTimeOffset.UtcNow, RecipientAddress: "+15555550100");

    public static InboundInteraction Call(string from) =>
        new(ChannelKind.Voice, from, "CA" + Guid.NewGuid().ToString("N"), null, [], DateTimeOffset.UtcNow);

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
}
