using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ContactHub.Channels.Email.Html;

namespace ContactHub.Channels.Tests.Email;

/// <summary>
/// Re-parses sanitiser output the way the console's iframe will (the full srcdoc document) and checks it holds no
/// script-capable construct. Kept independent of the sanitiser's own tables so a hole in them cannot hide here.
/// </summary>
internal static class SanitizedOutput
{
    private static readonly HashSet<string> AllowedElements = new(StringComparer.Ordinal)
    {
        "p", "div", "span", "br", "hr", "b", "strong", "i", "em", "u", "s", "strike", "del", "ins", "sub", "sup",
        "small", "big", "blockquote", "pre", "code", "ul", "ol", "li", "dl", "dt", "dd",
        "h1", "h2", "h3", "h4", "h5", "h6",
        "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup", "col",
        "img", "a", "center",
    };

    /// <summary>Every attribute any browser has treated as a URL.</summary>
    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "action", "formaction", "background", "poster", "data", "srcset", "lowsrc", "dynsrc",
        "longdesc", "cite", "codebase", "classid", "profile", "usemap", "manifest", "ping", "xlink:href", "srcdoc",
    };

    private static readonly string[] SafeUrlPrefixes = ["http://", "https://", "mailto:"];

    private static readonly string[] ForbiddenInStyle =
        ["url(", "expression", "javascript", "vbscript", "\\", "@import", "behavior", "-moz-binding", "/*"];

    public static void AssertSafe(SafeHtml result)
    {
        Assert.DoesNotContain("<script", result.Html, StringComparison.OrdinalIgnoreCase);
        var document = new HtmlParser().ParseDocument(SanitizedHtmlDocument.Wrap(result));
        // The wrapper's own head: charset, CSP, referrer, base style. Anything more leaked out of the body.
        Assert.Equal(["meta", "meta", "meta", "style"], document.Head!.Children.Select(e => e.LocalName));
        var body = document.Body!;
        Assert.Empty(body.Descendants<IComment>());
        foreach (var element in body.Descendants<IElement>())
        {
            Assert.Equal(NamespaceNames.HtmlUri, element.NamespaceUri);
            Assert.Contains(element.LocalName, AllowedElements);
            foreach (var attribute in element.Attributes)
            {
                AssertSafe(element, attribute);
            }
        }
    }

    private static void AssertSafe(IElement element, IAttr attribute)
    {
        var name = attribute.Name.ToLowerInvariant();
        Assert.False(name.StartsWith("on", StringComparison.Ordinal), $"event handler {name} on <{element.LocalName}>");
        Assert.Null(attribute.NamespaceUri);
        if (UrlAttributes.Contains(name))
        {
            Assert.True(
                SafeUrlPrefixes.Any(p => attribute.Value.StartsWith(p, StringComparison.Ordinal)),
                $"{name}=\"{attribute.Value}\" on <{element.LocalName}>");
            Assert.True(Uri.TryCreate(attribute.Value, UriKind.Absolute, out _), attribute.Value);
        }
        if (name == "style")
        {
            var style = attribute.Value.ToLowerInvariant();
            Assert.DoesNotContain(ForbiddenInStyle, style.Contains);
        }
    }
}
