using System.Text;

namespace ContactHub.Channels.Email.Mime;

/// <summary>RFC 3676 format=flowed: joins soft-broken lines back into paragraphs so the text reflows on narrow screens
/// instead of showing the sender's 72-column breaks.</summary>
internal static class FormatFlowed
{
    /// <param name="text">Text with "\n" line breaks.</param>
    /// <param name="deleteSpace">DelSp=yes: the trailing space of a soft break was added by the sender and is removed.</param>
    public static string Unflow(string text, bool deleteSpace)
    {
        var output = new StringBuilder(text.Length);
        var paragraph = new StringBuilder();
        var paragraphDepth = -1;
        foreach (var rawLine in text.Split('\n'))
        {
            var depth = QuoteDepth(rawLine);
            var content = rawLine[depth..];
            // Space-stuffing (RFC 3676 4.4) protects lines starting with a blank, ">" or "From ".
            if (content.StartsWith(' '))
                content = content[1..];
            if (paragraphDepth >= 0 && depth != paragraphDepth)
                EndParagraph(output, paragraph, ref paragraphDepth);
            paragraphDepth = depth;
            var isSoftBreak = content.EndsWith(' ') && content != "-- ";
            paragraph.Append(isSoftBreak && deleteSpace ? content[..^1] : content);
            if (!isSoftBreak)
                EndParagraph(output, paragraph, ref paragraphDepth);
        }
        if (paragraphDepth >= 0)
            EndParagraph(output, paragraph, ref paragraphDepth);
        // Split gave one more line than there were breaks; drop the break added after the last one.
        return output.Length > 0 ? output.ToString(0, output.Length - 1) : "";
    }

    private static void EndParagraph(StringBuilder output, StringBuilder paragraph, ref int depth)
    {
        if (depth > 0)
            output.Append('>', depth).Append(paragraph.Length > 0 ? " " : "");
        output.Append(paragraph).Append('\n');
        paragraph.Clear();
        depth = -1;
    }

    private static int QuoteDepth(string line)
    {
        var depth = 0;
        while (depth < line.Length && line[depth] == '>')
            depth++;
        return depth;
    }
}
