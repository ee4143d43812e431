using AngleSharp.Dom;

namespace ContactHub.Channels.Email.Html;

/// <summary>The element allowlist: what survives, what is unwrapped to its text, what goes with its content.</summary>
internal static class ElementPolicy
{
    /// <summary>Formatting and layout tags common in e-mail; none can run script, load a document or submit data.</summary>
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "p", "div", "span", "br", "hr", "b", "strong", "i", "em", "u", "s", "strike", "del", "ins", "sub", "sup",
        "small", "big", "blockquote", "pre", "code", "ul", "ol", "li", "dl", "dt", "dd",
        "h1", "h2", "h3", "h4", "h5", "h6",
        "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup", "col",
        "img", "a", "center",
    };

    /// <summary>
    /// Removed with their content: their content is either code, a nested document, a form control's value, or
    /// raw text whose re-parsing differs between contexts (the root of most mutation-XSS). svg and math go whole
    /// because their foreign-content parsing rules are what namespace-confusion attacks exploit.
    /// </summary>
    private static readonly HashSet<string> RemovedWithContent = new(StringComparer.Ordinal)
    {
        "script", "style", "template", "noscript", "svg", "math", "iframe", "frame", "frameset", "noframes",
        "noembed", "object", "embed", "applet", "param", "title", "head", "textarea", "select", "option",
        "optgroup", "datalist", "input", "button", "link", "meta", "base", "xmp", "plaintext", "listing",
        "audio", "video", "source", "track", "canvas", "map", "area", "dialog", "portal", "slot", "image",
    };

    /// <summary>Elements the output tree may contain, for the tests that re-parse the output.</summary>
    public static IReadOnlySet<string> AllowedNames => Allowed;

    public static ElementAction Decide(IElement element)
    {
        // An element outside the HTML namespace can only come from inside svg or math, which are removed whole;
        // refusing it here keeps that true even if the parser ever places one elsewhere.
        if (element.NamespaceUri != NamespaceNames.HtmlUri)
        {
            return ElementAction.Remove;
        }
        var name = element.LocalName;
        if (Allowed.Contains(name))
        {
            return ElementAction.Keep;
        }
        if (name == "font")
        {
            return ElementAction.ConvertFont;
        }
        return RemovedWithContent.Contains(name) ? ElementAction.Remove : ElementAction.Unwrap;
    }

    /// <summary>Void elements never get children appended, matching how the browser will re-parse them.</summary>
    public static bool IsVoid(string name) => name is "br" or "hr" or "img" or "col";
}
