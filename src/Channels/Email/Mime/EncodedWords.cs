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

    private static bool TryParse(string text, int start, out Word word)
    {
        word = default;
        var charsetEnd = text.IndexOf('?', start + 2);
        if (charsetEnd < 0 || charsetEnd + 2 >= text.Length || text[charsetEnd + 2] != '?')
            return false;
        var charset = text[(start + 2)..charsetEnd];
        var languageMark = charset.IndexOf('*');
        if (languageMark >= 0)
            charset = charset[..languageMark];
        if (charset.Length == 0 || charset.Any(c => c <= ' ' || c > '~'))
            return false;
        var encoding = char.ToUpperInvariant(text[charsetEnd + 1]);
        var textStart = charsetEnd + 3;
        var textEnd = text.IndexOf("?=", textStart, StringComparison.Ordinal);
        if (textEnd < 0)
            return false;
        var encoded = text[textStart..textEnd];
        if (encoded.Any(c => c <= ' ' || c > '~'))
            return false;
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
