using AngleSharp.Dom;

namespace ContactHub.Channels.Email.Html;

/// <summary>
/// Builds the clean counterpart of an allowed source element in the output document: a fresh element carrying
/// only the attributes the policies accept. Nothing is copied by reference, so unknown attributes cannot leak.
/// </summary>
internal sealed class ElementCopier(IDocument output, SanitizeOptions options, SanitizeTally tally)
{
    /// <summary>The rel every kept link gets: no window.opener, no Referer with the conversation URL, no SEO credit.</summary>
    public const string LinkRel = "noopener noreferrer nofollow";

    /// <summary>The clean copy, or null when the element is useless without a rejected URL (the caller unwraps it).</summary>
    public IElement? Copy(IElement source)
    {
        var name = source.LocalName;
        var copy = output.CreateElement(name);
        foreach (var attribute in source.Attributes)
        {
            if (!CopyAttribute(name, attribute, copy))
            {
                tally.AttributesRemoved++;
            }
        }
        return name switch
        {
            "a" => WithLink(source, copy),
            "img" => WithImageSource(source, copy),
            _ => copy,
        };
    }

    /// <summary>A legacy font element as a span: colour and size become CSS, face is dropped (it could name a web font).</summary>
    public IElement ConvertFont(IElement font)
    {
        var span = output.CreateElement("span");
        var declarations = new List<string>();
        foreach (var attribute in font.Attributes)
        {
            var declaration = attribute.Name switch
            {
                "color" => CssPolicy.Declaration("color", attribute.Value),
                "size" => FontSize(attribute.Value) is { } size ? $"font-size: {size}" : null,
                "style" => NullIfEmpty(CssPolicy.Filter(attribute.Value, tally)),
                _ => null,
            };
            if (declaration is null)
            {
                tally.AttributesRemoved++;
            }
            else
            {
                declarations.Add(declaration);
            }
        }
        if (declarations.Count > 0)
        {
            span.SetAttribute("style", string.Join("; ", declarations));
        }
        return span;
    }

    private bool CopyAttribute(string element, IAttr attribute, IElement copy)
    {
        var name = attribute.Name;
        // URLs are handled after the loop; namespaced attributes (xlink:href, xml:base) never belong to HTML.
        if (attribute.NamespaceUri is not null || (element == "a" && name == "href") || (element == "img" && name == "src"))
        {
            return attribute.NamespaceUri is null;
        }
        if (name == "style")
        {
            var style = CssPolicy.Filter(attribute.Value, tally);
            if (style.Length > 0)
            {
                copy.SetAttribute("style", style);
            }
            return style.Length > 0;
        }
        // Event handlers (on*) are never in the allowlist, so they fall through to null here.
        var value = AttributeRules.Accept(element, name, attribute.Value);
        if (value is null)
        {
            return false;
        }
        copy.SetAttribute(name, value);
        return true;
    }

    private IElement? WithLink(IElement source, IElement copy)
    {
        var raw = source.GetAttribute("href");
        var href = raw is null ? null : UrlPolicy.Link(raw);
        if (href is null)
        {
            if (raw is not null)
            {
                tally.UrlsRemoved++;
            }
            return null;
        }
        copy.SetAttribute("href", href);
        copy.SetAttribute("target", "_blank");
        copy.SetAttribute("rel", LinkRel);
        return copy;
    }

    private IElement? WithImageSource(IElement source, IElement copy)
    {
        var raw = source.GetAttribute("src");
        if (raw is null)
        {
            // Same shape as a blocked remote image, so sanitising the output again leaves it as it is.
            return copy;
        }
        if (UrlPolicy.ContentId(raw) is { } contentId)
        {
            return WithInlineImage(contentId, copy);
        }
        var remote = UrlPolicy.Web(raw);
        if (remote is null)
        {
            tally.UrlsRemoved++;
            return null;
        }
        if (options.AllowRemoteImages)
        {
            copy.SetAttribute("src", remote.AbsoluteUri);
        }
        else
        {
            // The placeholder keeps its size and alt text so the layout holds; the URL itself is not kept
            // (re-sanitise with AllowRemoteImages to show it), so no later script or style can revive it.
            tally.RemoteImagesBlocked++;
        }
        return copy;
    }

    private IElement? WithInlineImage(string contentId, IElement copy)
    {
        var resolved = options.ResolveContentId?.Invoke(contentId);
        var url = resolved is null ? null : UrlPolicy.Web(resolved);
        if (url is null)
        {
            tally.UrlsRemoved++;
            return null;
        }
        var origin = url.GetLeftPart(UriPartial.Authority);
        if (!tally.InlineImageOrigins.Contains(origin))
        {
            tally.InlineImageOrigins.Add(origin);
        }
        copy.SetAttribute("src", url.AbsoluteUri);
        return copy;
    }

    /// <summary>HTML font sizes 1-7 as their CSS keywords; relative sizes (+1, -2) are dropped.</summary>
    private static string? FontSize(string value) => value.Trim() switch
    {
        "1" => "x-small",
        "2" => "small",
        "3" => "medium",
        "4" => "large",
        "5" => "x-large",
        "6" or "7" => "xx-large",
        _ => null,
    };

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
