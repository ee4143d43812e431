using System.Text;

namespace ContactHub.Channels.Email.Mime;

/// <summary>RFC 2047 encoded words (=?charset?B|Q?text?=). A word that does not parse is left exactly as written.</summary>
internal static class EncodedWords
{
    private readonly record struct Word(int Start, int End, string Charset, byte[] Bytes);

    public static string Decode(string text, WarningCollector warnings)
    {
        if (!text.Contains("=?", StringComparison.Ordinal))
            return text;
        var output = new StringBuilder(text.Length);
        var pendingWords = new List<Word>();
        var position = 0;
        while (position < text.Length)
        {
            var start = text.IndexOf("=?", position, StringComparison.Ordinal);
            if (start < 0)
                break;
            if (!TryParse(text, start, out var word))
            {
                Flush(pendingWords, output, warnings);
                output.Append(text, position, start + 2 - position);
                position = start + 2;
                continue;
            }
            var between = text.AsSpan(position, start - position);
            // Whitespace between two adjacent encoded words is folding, not content (RFC 2047 section 6.2).
            if (pendingWords.Count == 0 || !between.IsWhiteSpace())
            {
                Flush(pendingWords, output, warnings);
                output.Append(between);
            }
            pendingWords.Add(word);
            position = word.End;
        }
        Flush(pendingWords, output, warnings);
        output.Append(text, position, text.Length - position);
        return output.ToString();
    }

    /// <summary>Adjacent words in one charset are decoded together, because senders split multi-byte characters across words.</summary>
    private static void Flush(List<Word> words, StringBuilder output, WarningCollector warnings)
    {
        var i = 0;
        while (i < words.Count)
        {
            var charset = words[i].Charset;
            var bytes = new List<byte>();
            while (i < words.Count && string.Equals(words[i].Charset, charset, StringComparison.OrdinalIgnoreCase))
                bytes.AddRange(words[i++].Bytes);
            output.Append(Charsets.Decode(bytes.ToArray(), charset, warnings, "encoded word"));
        }
        words.Clear();
    }

    /// <summary>RFC 2047 caps a word at 75 characters; real senders exceed that, so the caps here are looser. They exist
    /// because without them every "=?" in a hostile header would scan to the end of it (quadratic time).</summary>
    private const int MaxCharsetLength = 64;
    private const int MaxEncodedTextLength = 1024;

    private static bool TryParse(string text, int start, out Word word)
    {
        word = default;
        var charsetEnd = ScanTo(text, start + 2, '?', MaxCharsetLength);
        if (charsetEnd < 0 || charsetEnd + 2 >= text.Length || text[charsetEnd + 2] != '?')
            return false;
        var charset = text[(start + 2)..charsetEnd];
        var languageMark = charset.IndexOf('*');
        if (languageMark >= 0)
            charset = charset[..languageMark];
        if (charset.Length == 0)
            return false;
        var encoding = char.ToUpperInvariant(text[charsetEnd + 1]);
        var textStart = charsetEnd + 3;
        var textEnd = ScanToWordEnd(text, textStart);
        if (textEnd < 0)
            return false;
        var encoded = text[textStart..textEnd];
        byte[]? bytes = encoding switch
        {
            'B' => DecodeB(encoded),
            'Q' => DecodeQ(encoded),
            _ => null,
        };
        if (bytes is null)
            return false;
        word = new Word(start, textEnd + 2, charset, bytes);
        return true;
    }

    /// <summary>Index of stop within maxLength printable ASCII characters, else -1.</summary>
    private static int ScanTo(string text, int from, char stop, int maxLength)
    {
        for (var i = from; i < text.Length && i - from <= maxLength; i++)
        {
            if (text[i] == stop)
                return i;
            if (text[i] <= ' ' || text[i] > '~')
                return -1;
        }
        return -1;
    }

    /// <summary>Index of the closing "?=", which must come before any blank or non-ASCII character.</summary>
    private static int ScanToWordEnd(string text, int from)
    {
        for (var i = from; i < text.Length && i - from <= MaxEncodedTextLength; i++)
        {
            if (text[i] == '?' && i + 1 < text.Length && text[i + 1] == '=')
                return i;
            if (text[i] <= ' ' || text[i] > '~')
                return -1;
        }
        return -1;
    }

    private static byte[]? DecodeB(string encoded)
    {
        var result = Base64.Decode(Encoding.ASCII.GetBytes(encoded));
        return result.Damaged ? null : result.Bytes;
    }

    private static byte[] DecodeQ(string encoded)
    {
        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c == '_')
                bytes.Add((byte)' ');
            else if (c == '=' && i + 2 < encoded.Length && Hex.TryPair((byte)encoded[i + 1], (byte)encoded[i + 2], out var value))
            {
                bytes.Add(value);
                i += 2;
            }
            else
                bytes.Add((byte)c);
        }
        return bytes.ToArray();
    }
}
