namespace ContactHub.Channels.Telegram;

/// <summary>sendMessage takes 1-4096 characters: longer replies go as several messages, cut where a reader would pause.</summary>
public static class TelegramText
{
    public const int MaxMessageLength = 4096;

    public static IReadOnlyList<string> Split(string? text, int maxLength = MaxMessageLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var parts = new List<string>();
        var rest = text.AsSpan();
        while (rest.Length > maxLength)
        {
            var cut = CutPoint(rest[..maxLength]);
            parts.Add(rest[..cut].TrimEnd().ToString());
            rest = rest[cut..].TrimStart();
        }
        if (!rest.IsWhiteSpace())
        {
            parts.Add(rest.ToString());
        }
        return parts;
    }

    /// <summary>After the last line break, else the last space, in the second half of the window; never inside a surrogate pair.</summary>
    private static int CutPoint(ReadOnlySpan<char> window)
    {
        var half = window.Length / 2;
        var newline = window.LastIndexOf('\n');
        if (newline >= half)
        {
            return newline + 1;
        }
        var space = window.LastIndexOf(' ');
        if (space >= half)
        {
            return space + 1;
        }
        return char.IsHighSurrogate(window[^1]) ? window.Length - 1 : window.Length;
    }
}
