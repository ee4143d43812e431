using System.Net;
using System.Text;

namespace ContactHub.Channels.Email.Smtp;

/// <summary>
/// The HTML part of an agent's reply, made from the text the agent typed: every character encoded (the agent's text
/// may quote the customer's), blank lines as paragraphs, single line breaks kept. Mail clients that prefer HTML show
/// the same words with the same breaks.
/// </summary>
public static class ReplyHtml
{
    public static string FromText(string text)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><body>");
        var paragraphs = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var paragraph in paragraphs)
        {
            html.Append("<p>").AppendJoin("<br>", paragraph.Split('\n').Select(WebUtility.HtmlEncode)).Append("</p>");
        }
        return html.Append("</body></html>").ToString();
    }
}
