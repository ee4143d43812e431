using System.Text.RegularExpressions;
using ContactHub.Channels.Email.Mime;
using ContactHub.Core.Domain;
using ContactHub.Core.Files;

namespace ContactHub.Channels.Email;

/// <summary>
/// An e-mail's attachments as the files the append path stores. A raster image the HTML body shows through
/// <c>cid:</c> is inline: the formatted view displays it, so the attachment list does not repeat it.
/// </summary>
public static partial class EmailFiles
{
    public static IReadOnlyList<FileContent> From(MimeMessage message)
    {
        if (message.Attachments.Count == 0)
        {
            return [];
        }
        var referenced = ContentIdsReferenced(message.UnsafeHtmlBody);
        return message.Attachments
            .Select(a => new FileContent(a.FileName, a.ContentType, a.Content)
            {
                ContentId = a.ContentId,
                IsInline = a.ContentId is not null && referenced.Contains(a.ContentId) && MediaTypes.IsInlineImage(a.ContentType),
                OmittedSize = a.OmittedSize,
            })
            .ToList();
    }

    /// <summary>Every cid: target in the HTML, percent-decoded as the sanitiser decodes it when it resolves them.</summary>
    private static HashSet<string> ContentIdsReferenced(string? html)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (html is null)
        {
            return ids;
        }
        foreach (Match match in CidUrl().Matches(html))
        {
            ids.Add(Uri.UnescapeDataString(match.Groups[1].Value));
        }
        return ids;
    }

    [GeneratedRegex("""cid:([^"'\s>)]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CidUrl();
}
