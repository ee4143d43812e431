using System.Security.Cryptography;
using System.Text;

namespace ContactHub.Channels.Email.Smtp;

/// <summary>The encodings a message writer needs: RFC 2047 encoded words, quoted-printable, base64 lines, RFC 2231 parameters.</summary>
internal static class MimeWriting
{
    // RFC 2047 section 5 (3): the characters a Q-encoded word may carry literally in any position, phrases included.
    private static bool QSafe(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z'
        or >= (byte)'0' and <= (byte)'9' or (byte)'!' or (byte)'*' or (byte)'+' or (byte)'-' or (byte)'/';

    /// <summary>Encoded words of at most 75 characters, never splitting a UTF-8 sequence or a surrogate pair.
    /// Q is chosen for mostly-ASCII text, B otherwise.</summary>
    public static IReadOnlyList<string> EncodedWords(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var qLength = bytes.Sum(b => QSafe(b) || b == ' ' ? 1 : 3);
        var useQ = qLength <= bytes.Length * 4 / 3 + 3;
        const string prefixQ = "=?UTF-8?Q?", prefixB = "=?UTF-8?B?";
        const int budget = 75 - 12; // "=?UTF-8?X?" + "?="
        var words = new List<string>();
        var current = new List<byte>();
        var i = 0;
        while (i < text.Length)
        {
            var step = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
            var chunk = Encoding.UTF8.GetBytes(text.Substring(i, step));
            var candidate = current.Concat(chunk).ToArray();
            var length = useQ ? candidate.Sum(b => QSafe(b) || b == ' ' ? 1 : 3) : (candidate.Length + 2) / 3 * 4;
            if (length > budget && current.Count > 0)
            {
                words.Add(Word(current.ToArray()));
                current.Clear();
            }
            current.AddRange(chunk);
            i += step;
        }
        if (current.Count > 0 || words.Count == 0)
            words.Add(Word(current.ToArray()));
        return words;

        string Word(byte[] data)
        {
            if (!useQ)
                return prefixB + Convert.ToBase64String(data) + "?=";
            var sb = new StringBuilder(prefixQ);
            foreach (var b in data)
            {
                if (b == ' ')
                    sb.Append('_');
                else if (QSafe(b))
                    sb.Append((char)b);
                else
                    sb.Append('=').Append(b.ToString("X2"));
            }
            return sb.Append("?=").ToString();
        }
    }

    /// <summary>Quoted-printable (RFC 2045 6.7) of UTF-8 text: hard line breaks become CRLF, lines are at most 76 characters.</summary>
    public static string QuotedPrintable(string text)
    {
        var normalized = text.Replace("\r\n", "\n").Replace('\r', '\n');
        var sb = new StringBuilder(normalized.Length + normalized.Length / 8);
        var lines = normalized.Split('\n');
        for (var l = 0; l < lines.Length; l++)
        {
            var bytes = Encoding.UTF8.GetBytes(lines[l]);
            var column = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                var b = bytes[i];
                var last = i == bytes.Length - 1;
                // Trailing space or tab would be stripped in transit, so it is encoded; "=" always is.
                var literal = b is >= 33 and <= 126 && b != (byte)'=' || (b is (byte)' ' or (byte)'\t' && !last);
                var token = literal ? ((char)b).ToString() : "=" + b.ToString("X2");
                // Keep room for the soft break "=" (76 with it); the last token of a line may use the full 76.
                var limit = last ? 76 : 75;
                if (column + token.Length > limit)
                {
                    sb.Append("=\r\n");
                    column = 0;
                }
                sb.Append(token);
                column += token.Length;
            }
            if (l < lines.Length - 1)
                sb.Append("\r\n");
        }
        return sb.ToString();
    }

    public static string Base64Lines(ReadOnlySpan<byte> content)
    {
        var encoded = Convert.ToBase64String(content);
        var sb = new StringBuilder(encoded.Length + encoded.Length / 38);
        for (var i = 0; i < encoded.Length; i += 76)
            sb.Append(encoded, i, Math.Min(76, encoded.Length - i)).Append("\r\n");
        return sb.ToString();
    }

    /// <summary>A parameter as "name=value" (quoted when needed) or RFC 2231 "name*0*=utf-8''..." sections for non-ASCII or long values.</summary>
    public static IReadOnlyList<string> Parameter(string name, string value)
    {
        if (Ascii.IsValid(value) && value.Length <= 60 && !value.Any(char.IsControl))
            return [$"{name}=\"{value.Replace("\\", "\\\\").Replace("\"", "\\\"")}\""];
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            // RFC 2231 attribute-char: token characters except "*", "'", "%".
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
                or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~' or (byte)'!' or (byte)'#' or (byte)'$' or (byte)'&' or (byte)'+' or (byte)'^' or (byte)'`' or (byte)'|')
                sb.Append((char)b);
            else
                sb.Append('%').Append(b.ToString("X2"));
        }
        var encoded = sb.ToString();
        var sections = new List<string>();
        var pos = 0;
        for (var n = 0; pos < encoded.Length || n == 0; n++)
        {
            var take = Math.Min(60, encoded.Length - pos);
            // Never cut a %XX escape in half.
            if (take < encoded.Length - pos)
            {
                var percent = encoded.LastIndexOf('%', pos + take - 1, Math.Min(take, 2));
                if (percent >= 0)
                    take = percent - pos;
            }
            var prefix = n == 0 ? "utf-8''" : "";
            sections.Add($"{name}*{n}*={prefix}{encoded.Substring(pos, take)}");
            pos += take;
        }
        return sections.Count == 1 ? [$"{name}*=utf-8''{encoded}"] : sections;
    }

    public static string RandomToken(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
