namespace ContactHub.Channels.Email.Smtp;

/// <summary>One (possibly multi-line) server reply.</summary>
/// <param name="Code">The three-digit reply code.</param>
/// <param name="Lines">The text of every line without the code and separator.</param>
public sealed record SmtpReply(int Code, IReadOnlyList<string> Lines)
{
    public bool IsPositive => Code is >= 200 and < 400;
    public bool IsTransient => Code is >= 400 and < 500;
    public bool IsPermanent => Code >= 500;

    /// <summary>The RFC 3463 enhanced status code ("5.1.1") at the start of the first line, when the server gave one.</summary>
    public string? EnhancedStatus => ParseEnhancedStatus(Lines.Count > 0 ? Lines[0] : "", Code);

    /// <summary>The lines joined with a space, e.g. "2.0.0 Ok: queued as 4Ab3".</summary>
    public string Text => string.Join(' ', Lines);

    public override string ToString() => $"{Code} {Text}";

    internal static string? ParseEnhancedStatus(string line, int code)
    {
        var end = line.IndexOf(' ');
        var token = end < 0 ? line : line[..end];
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0].Length != 1 || parts[0][0] != (char)('0' + code / 100))
            return null;
        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit))
                return null;
        }
        return token;
    }
}
