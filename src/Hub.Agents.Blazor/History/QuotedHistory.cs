using System.Text.RegularExpressions;

namespace ContactHub.Agents.Blazor.History;

/// <summary>An e-mail's text split for display.</summary>
/// <param name="NewText">What the customer wrote this time (the whole text when nothing was split off).</param>
/// <param name="Quoted">The quoted history and signature that followed it; null when nothing was split off.</param>
public sealed record QuotedSplit(string NewText, string? Quoted)
{
    public bool HasQuoted => Quoted is not null;
}

/// <summary>
/// Separates the new text of a customer's e-mail from the history their mail client quoted below it, so an agent reads
/// the answer, not the fifth copy of the thread. Conservative by design: it cuts only at a recognised marker (a
/// trailing block of "&gt;" lines, an "On ... wrote:" line, Outlook's "Original Message" line or From/Sent/Subject
/// header block, a "-- " signature line), never between answers interleaved with quotes, and never leaves nothing.
/// </summary>
public static partial class QuotedHistory
{
    // Attribution and header lines are short; longer lines are never tested, which also bounds the regex work.
    private const int MaxMarkerLine = 300;
    private const int HeaderBlockLines = 8;

    // "On <date>, <name> wrote:" and its German, French and Spanish forms (Gmail, Apple Mail, Thunderbird, Outlook mobile).
    [GeneratedRegex(@"^(On\s.+\swrote|Am\s.+\sschrieb\s.*|.+\sschrieb\sam\s.+|Le\s.+\sa\s+écrit|El\s.+\sescribió)\s*:$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Attribution();

    // "Dana wrote:" without a date: only trusted right above a block of quoted lines.
    [GeneratedRegex(@"^.{1,200}\s(wrote|schrieb|a\s+écrit|escribió)\s*:$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShortAttribution();

    [GeneratedRegex(@"^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Originalnachricht|Message d'origine|Mensaje original)\s*-{2,}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OriginalMessage();

    // Outlook's header block; clients that render bold as text write "*From:*".
    [GeneratedRegex(@"^\*?(From|Von|De|Van)\s*:\*?\s*\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderFrom();

    [GeneratedRegex(@"^\*?(Sent|Date|Gesendet|Datum|Envoyé|Enviado|Enviado el|Fecha)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderSent();

    [GeneratedRegex(@"^\*?(Subject|Betreff|Objet|Asunto)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderSubject();

    // Only a line that starts like an attribution may continue on the next line (Gmail wraps long ones).
    [GeneratedRegex(@"^(On|Am|Le|El)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AttributionStart();

    // Outlook's rule above the header block.
    [GeneratedRegex(@"^_{10,}$")]
    private static partial Regex UnderscoreRule();

    public static QuotedSplit Split(string? text)
    {
        text ??= "";
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (FindCut(lines) is not { } cut)
        {
            return new QuotedSplit(text, null);
        }
        var fresh = string.Join('\n', lines[..cut]).TrimEnd();
        var quoted = string.Join('\n', lines[cut..]).Trim();
        // Never hide everything: a forward with no word of its own stays whole.
        return fresh.Trim().Length == 0 || quoted.Length == 0 ? new QuotedSplit(text, null) : new QuotedSplit(fresh, quoted);
    }

    private static int? FindCut(string[] lines)
    {
        var trailing = TrailingQuoteBlock(lines);
        for (var i = 0; i < (trailing ?? lines.Length); i++)
        {
            var line = lines[i].Trim();
            if (line.Length > MaxMarkerLine || IsQuoted(lines[i]))
            {
                continue;
            }
            if (lines[i] is "-- " or "--" || OriginalMessage().IsMatch(line))
            {
                return i;
            }
            if (HeaderFrom().IsMatch(line) && IsHeaderBlock(lines, i))
            {
                return i > 0 && UnderscoreRule().IsMatch(lines[i - 1].Trim()) ? i - 1 : i;
            }
            if (DatedAttributionAt(lines, i) is { } length && OnlyHistoryFollows(lines, i + length))
            {
                return i;
            }
        }
        return trailing;
    }

    /// <summary>The first line of the run of quoted (and blank) lines that ends the text, moved up to its attribution line.</summary>
    private static int? TrailingQuoteBlock(string[] lines)
    {
        var start = -1;
        for (var i = lines.Length - 1; i >= 0 && (IsQuoted(lines[i]) || lines[i].Trim().Length == 0); i--)
        {
            if (IsQuoted(lines[i]))
            {
                start = i;
            }
        }
        if (start < 0)
        {
            return null;
        }
        var above = start - 1;
        while (above >= 0 && lines[above].Trim().Length == 0)
        {
            above--;
        }
        if (above >= 0 && IsAttribution(lines[above].Trim(), ShortAttribution()))
        {
            return above;
        }
        // Gmail wraps a long attribution over two lines.
        if (above >= 1 && AttributionStart().IsMatch(lines[above - 1].TrimStart())
            && IsAttribution(lines[above - 1].Trim() + " " + lines[above].Trim(), Attribution()))
        {
            return above - 1;
        }
        return start;
    }

    /// <summary>How many lines (1, or 2 when wrapped) an attribution with a date starting at <paramref name="i"/> takes; null if none.</summary>
    private static int? DatedAttributionAt(string[] lines, int i)
    {
        var line = lines[i].Trim();
        if (IsDated(line) && IsAttribution(line, Attribution()))
        {
            return 1;
        }
        if (i + 1 < lines.Length && !IsQuoted(lines[i + 1]) && AttributionStart().IsMatch(line))
        {
            var joined = line + " " + lines[i + 1].Trim();
            if (IsDated(joined) && IsAttribution(joined, Attribution()))
            {
                return 2;
            }
        }
        return null;
    }

    /// <summary>
    /// After an attribution: history if something follows and no unquoted line follows a quoted one (an unquoted line
    /// after a quote is an inline answer). Quote-free text after it is history rendered from HTML, which loses the "&gt;".
    /// </summary>
    private static bool OnlyHistoryFollows(string[] lines, int from)
    {
        var sawQuote = false;
        var sawAny = false;
        for (var i = from; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }
            sawAny = true;
            if (IsQuoted(lines[i]))
            {
                sawQuote = true;
            }
            else if (sawQuote)
            {
                return false;
            }
        }
        return sawAny;
    }

    private static bool IsHeaderBlock(string[] lines, int from)
    {
        var end = Math.Min(lines.Length, from + HeaderBlockLines);
        var sent = false;
        for (var i = from + 1; i < end; i++)
        {
            var line = lines[i].Trim();
            sent |= HeaderSent().IsMatch(line);
            if (HeaderSubject().IsMatch(line))
            {
                return sent;
            }
        }
        return false;
    }

    private static bool IsAttribution(string line, Regex pattern) => line.Length <= MaxMarkerLine && pattern.IsMatch(line);

    // Prose like "On Monday you wrote:" has no digit; a client's attribution always carries the date or time.
    private static bool IsDated(string line) => line.Any(char.IsAsciiDigit);

    private static bool IsQuoted(string line) => line.TrimStart().StartsWith('>');
}
