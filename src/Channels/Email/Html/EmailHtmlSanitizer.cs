using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ContactHub.Channels.Email.Html;

/// <summary>
/// Turns customer-supplied e-mail HTML into a body fragment an agent can view. Allowlist-based: the input is
/// parsed with AngleSharp (an HTML5-conformant parser, so it sees the tree a browser would), then a new tree is
/// built holding only allowlisted elements, attributes, URLs and CSS. The output has no raw-text elements
/// (script, style, textarea, title...), no foreign content (svg, math) and no comments, so re-parsing it cannot
/// turn text into markup: the usual mutation-XSS routes are closed by construction. Thread-safe; stateless.
/// </summary>
public sealed class EmailHtmlSanitizer
{
    /// <summary>
    /// Deeper source nesting is flattened into the element at this depth (text kept), so neither the serialiser
    /// nor the browser has to handle a pathological tree.
    /// </summary>
    public const int MaxDepth = 100;

    /// <summary>
    /// Sanitises a whole e-mail HTML part (a full document or a fragment; the head is discarded) and returns the
    /// body content with what was removed. Never throws on malformed markup: the parser recovers as browsers do.
    /// </summary>
    public SafeHtml Sanitize(string html, SanitizeOptions options)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(options);
        // REVIEW: AngleSharp's tree builder is quadratic in nesting depth (50,000 nested divs, ~250 KB, parse in
        // ~10 s on the CI machine); run this off the request path, e.g. when the message is ingested, not per view.
        var parser = new HtmlParser();
        var source = parser.ParseDocument(html);
        var output = parser.ParseDocument(string.Empty);
        var root = output.Body!;
        var tally = new SanitizeTally();
        tally.CommentsRemoved += source.ChildNodes.Count(n => n is IComment)
            + (source.DocumentElement?.ChildNodes.Count(n => n is IComment) ?? 0);
        if (source.Body is { } body)
        {
            Rebuild(body, root, new ElementCopier(output, options, tally), tally);
        }
        return new SafeHtml
        {
            Html = FragmentSerializer.Children(root),
            RemoteImagesAllowed = options.AllowRemoteImages,
            InlineImageOrigins = tally.InlineImageOrigins.ToArray(),
            Removed = tally.ToCounts(),
        };
    }

    /// <summary>Iterative, so a hostile nesting depth cannot overflow the stack.</summary>
    private static void Rebuild(IElement sourceBody, IElement root, ElementCopier copier, SanitizeTally tally)
    {
        var pending = new Stack<(INode Node, INode Parent, int Depth)>();
        PushChildren(pending, sourceBody, root, 0);
        while (pending.TryPop(out var item))
        {
            var (node, parent, depth) = item;
            switch (node)
            {
                case IText text:
                    parent.AppendChild(parent.Owner!.CreateTextNode(text.Data));
                    break;
                case IElement element:
                    Place(element, parent, depth, copier, tally, pending);
                    break;
                case IComment:
                    tally.CommentsRemoved++;
                    break;
            }
        }
    }

    private static void Place(
        IElement element, INode parent, int depth, ElementCopier copier, SanitizeTally tally,
        Stack<(INode, INode, int)> pending)
    {
        var action = ElementPolicy.Decide(element);
        if (action == ElementAction.Remove)
        {
            tally.ElementsRemoved++;
            return;
        }
        var copy = action switch
        {
            ElementAction.Keep => copier.Copy(element),
            ElementAction.ConvertFont => copier.ConvertFont(element),
            _ => null,
        };
        if (copy is null || depth >= MaxDepth)
        {
            if (ElementPolicy.IsVoid(element.LocalName))
            {
                tally.ElementsRemoved++;
                return;
            }
            tally.ElementsUnwrapped++;
            PushChildren(pending, element, parent, depth);
            return;
        }
        parent.AppendChild(copy);
        if (!ElementPolicy.IsVoid(copy.LocalName))
        {
            PushChildren(pending, element, copy, depth + 1);
        }
    }

    private static void PushChildren(Stack<(INode, INode, int)> pending, INode source, INode parent, int depth)
    {
        for (var i = source.ChildNodes.Length - 1; i >= 0; i--)
        {
            pending.Push((source.ChildNodes[i], parent, depth));
        }
    }
}
