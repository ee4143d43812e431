namespace ContactHub.Channels.Twilio;

/// <summary>What a customer's one-word SMS asks of the sender under the carriers' messaging rules.</summary>
public enum SmsKeywordKind
{
    None,
    OptOut,
    OptIn,
    Help,
}

/// <summary>
/// Twilio's default opt-out, opt-in and help keywords. A keyword counts only when it is the whole message, in any
/// case, with surrounding blanks and trailing punctuation ignored ("Stop." counts, "please stop texting me" does not),
/// which is how Twilio and the US carriers read them.
/// </summary>
public static class SmsKeywords
{
    private static readonly HashSet<string> OptOutWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT",
    };

    private static readonly HashSet<string> OptInWords = new(StringComparer.OrdinalIgnoreCase) { "START", "UNSTOP", "YES" };

    private static readonly HashSet<string> HelpWords = new(StringComparer.OrdinalIgnoreCase) { "HELP", "INFO" };

    /// <param name="optOutType">Twilio's <c>OptOutType</c> webhook parameter (Advanced Opt-Out); it wins when present.</param>
    public static (SmsKeywordKind Kind, string Keyword) Classify(string? body, string? optOutType = null)
    {
        var word = (body ?? "").Trim().TrimEnd('.', '!', '?').Trim();
        switch (optOutType?.Trim().ToUpperInvariant())
        {
            case "STOP":
                return (SmsKeywordKind.OptOut, Canonical(word, "STOP"));
            case "START":
                return (SmsKeywordKind.OptIn, Canonical(word, "START"));
            case "HELP":
                return (SmsKeywordKind.Help, Canonical(word, "HELP"));
        }
        if (OptOutWords.Contains(word))
        {
            return (SmsKeywordKind.OptOut, word.ToUpperInvariant());
        }
        if (OptInWords.Contains(word))
        {
            return (SmsKeywordKind.OptIn, word.ToUpperInvariant());
        }
        return HelpWords.Contains(word) ? (SmsKeywordKind.Help, word.ToUpperInvariant()) : (SmsKeywordKind.None, "");
    }

    // With Advanced Opt-Out the account may define its own words; keep the customer's word when it is short enough to show.
    private static string Canonical(string word, string fallback) =>
        word.Length is > 0 and <= 20 && !word.Contains(' ') ? word.ToUpperInvariant() : fallback;
}
