using System.Net;
using System.Text.RegularExpressions;

namespace ContactHub.Channels.Email.Mime;

/// <summary>A plain rendering of an HTML body for mails without text/plain. A tag strip, not a sanitizer:
/// the output is text to be shown as text, never to be inserted as HTML. The patterns run without backtracking, so a hostile
/// body (thousands of unclosed tags) costs linear time.</summary>
internal static partial class HtmlToText
{
    [GeneratedRegex(@"<script\b[^>]*>.*?</script\s*>|<style\b[^>]*>.*?</style\s*>|<head\b[^>]*>.*?</head\s*>|<title\b[^>]*>.*?</title\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex InvisibleBlocks();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex Comments();

    [GeneratedRegex(@"<\s*(br|/p|/div|/li|/tr|/h[1-6]|/blockquote|/table)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex LineBreakingTags();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.NonBacktracking)]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"[ \t\u00A0]+")]
    private static partial Regex Blanks();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();

    public static string Convert(string html)
    {
        var text = InvisibleBlocks().Replace(html, "");
        text = Comments().Replace(text, "");
        text = text.ReplaceLineEndings(" ");
        text = LineBreakingTags().Replace(text, "\n");
        text = AnyTag().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        text = Blanks().Replace(text, " ");
        text = string.Join('\n', text.Split('\n').Select(line => line.Trim()));
        return BlankLines().Replace(text, "\n\n").Trim();
    }
}
