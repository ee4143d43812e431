using System.Net;

namespace ContactHub.Channels.Email.Html;

/// <summary>
/// Wraps a <see cref="SafeHtml"/> fragment in a complete document for an iframe's srcdoc, with a Content-Security-Policy
/// that forbids script, plugins, frames, forms and fonts, and lets images load only from the hub's cid URLs (plus
/// http/https when remote images were allowed). Second line of defence: the sanitiser already removed all of these;
/// the CSP and the iframe sandbox (see docs/email-html-safety.md) hold even if it missed something.
/// </summary>
public static class SanitizedHtmlDocument
{
    /// <summary>Keeps long lines and wide images inside the reading pane; nothing here can load a resource.</summary>
    private const string BaseStyle =
        "body{margin:8px;font-family:sans-serif;overflow-wrap:anywhere}img{max-width:100%;height:auto}";

    /// <summary>The policy for this fragment; the hub's route serving the document sends the same as a header.</summary>
    public static string ContentSecurityPolicy(SafeHtml html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var imageSources = html.InlineImageOrigins.ToList();
        if (html.RemoteImagesAllowed)
        {
            imageSources.Add("https:");
            imageSources.Add("http:");
        }
        var imgSrc = imageSources.Count == 0 ? "'none'" : string.Join(' ', imageSources);
        return $"default-src 'none'; img-src {imgSrc}; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
    }

    /// <summary>
    /// The header for a hub route that serves <see cref="Wrap"/> at a URL instead of through srcdoc: the same policy
    /// plus the header-only directives a meta element cannot carry. <c>sandbox</c> makes the browser sandbox the
    /// response even if it is opened outside the console's iframe (e.g. "open frame in new tab"); links still open,
    /// in an unsandboxed new tab. <c>frame-ancestors</c> stops other sites framing a customer's message.
    /// </summary>
    public static string ContentSecurityPolicyHeader(SafeHtml html) =>
        ContentSecurityPolicy(html) + "; sandbox allow-popups allow-popups-to-escape-sandbox; frame-ancestors 'self'";

    /// <summary>The full document: doctype (standards mode), charset, CSP, no-referrer, then the fragment as the body.</summary>
    public static string Wrap(SafeHtml html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var csp = WebUtility.HtmlEncode(ContentSecurityPolicy(html));
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
            + $"<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">"
            + "<meta name=\"referrer\" content=\"no-referrer\">"
            + $"<style>{BaseStyle}</style></head><body>{html.Html}</body></html>";
    }
}
