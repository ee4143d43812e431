using System.Text.RegularExpressions;

namespace ContactHub.Channels.Email.Threading;

/// <summary>
/// The subject of our reply in a conversation: one "Re: ", the customer's words, one token at the end. Prefixes and
/// tokens already in the subject are dropped first, so the tenth reply reads like the first instead of
/// "Re: AW: Re: Printer [#CH-1-..] [#CH-1-..]".
/// </summary>
public static partial class TokenSubject
{
    // Reply prefixes of common clients: English, German (AW), Nordic (SV), Dutch (Antw), French (Réf), Italian (Rif),
    // Polish (Odp); "Re[2]:" and "Re(2):" are counters some clients add. Forward prefixes stay: they say something.
    [GeneratedRegex(@"^\s*(re|aw|sv|antw|réf|rif|odp)\s*(\[\d+\]|\(\d+\))?\s*:\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReplyPrefix();

    public static string Reply(string subject, ConversationToken token)
    {
        var words = ConversationTokens.WithoutTokens(subject ?? "");
        while (ReplyPrefix().Match(words) is { Success: true } prefix)
        {
            words = words[prefix.Length..];
        }
        return $"Re: {(words.Length == 0 ? "your message" : words)} {token.SubjectTag}";
    }
}
