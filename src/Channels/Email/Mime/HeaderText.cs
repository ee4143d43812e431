using System.Text;

namespace ContactHub.Channels.Email.Mime;

/// <summary>Makes decoded header text safe to show and store on one line.</summary>
internal static class HeaderText
{
    /// <summary>Control characters become spaces: a decoded CR/LF must never be able to act as a new header line
    /// downstream (header injection into replies), and NUL is rejected by PostgreSQL text columns.</summary>
    public static string SingleLine(string text)
    {
        if (!text.Any(char.IsControl))
            return text.Trim();
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            builder.Append(char.IsControl(c) ? ' ' : c);
        return builder.ToString().Trim();
    }

    /// <summary>Decodes encoded words, then flattens to one safe line.</summary>
    public static string Decode(string raw, WarningCollector warnings) =>
        SingleLine(EncodedWords.Decode(raw, warnings));
}
