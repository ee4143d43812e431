using System.Text.RegularExpressions;

namespace ContactHub.Channels.Email.Html;

/// <summary>
/// The CSS property allowlist and the value grammar each property accepts. Values are limited to a character set
/// with no quote, backslash, slash, at-sign, brace or angle bracket, and the only functions are the colour
/// functions, so url(), expression(), image-set(), var(), escapes, comments and @import cannot be expressed.
/// </summary>
internal static partial class CssValueRules
{
    private const int MaxValueLength = 200;

    /// <summary>Belt and braces: words that must never appear in a kept value, whatever the grammar allows.</summary>
    private static readonly string[] Forbidden =
        ["url(", "expression", "javascript", "vbscript", "import", "behavior", "binding", "image(", "image-set(", "var(", "attr(", "env("];

    public static readonly IReadOnlyDictionary<string, Func<IReadOnlyList<string>, bool>> Properties = Build();

    /// <summary>Splits a value on whitespace outside parentheses; null when it holds anything not allowed.</summary>
    public static IReadOnlyList<string>? Tokens(string value)
    {
        var trimmed = ImportantSuffix().Replace(value, "").Trim();
        if (trimmed.Length > MaxValueLength || !SafeCharacters().IsMatch(trimmed))
        {
            return null;
        }
        var lowered = trimmed.ToLowerInvariant();
        if (Forbidden.Any(word => lowered.Contains(word, StringComparison.Ordinal)))
        {
            return null;
        }
        var tokens = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= trimmed.Length; i++)
        {
            var c = i < trimmed.Length ? trimmed[i] : ' ';
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth is < 0 or > 1)
            {
                return null;
            }
            if (depth == 0 && (c == ' ' || c == '\t'))
            {
                if (i > start)
                {
                    tokens.Add(trimmed[start..i]);
                }
                start = i + 1;
            }
        }
        return depth == 0 ? tokens : null;
    }

    private static bool Length(string t) => t == "0" || LengthPattern().IsMatch(t);

    private static bool Color(string t) => HexColor().IsMatch(t) || ColorFunction().IsMatch(t) || NamedColor().IsMatch(t);

    private static bool BorderStyle(string t) => t.ToLowerInvariant() is
        "none" or "hidden" or "solid" or "dashed" or "dotted" or "double" or "groove" or "ridge" or "inset" or "outset";

    private static bool BorderWidth(string t) => Length(t) || t.ToLowerInvariant() is "thin" or "medium" or "thick";

    private static Func<IReadOnlyList<string>, bool> OneOf(params string[] keywords) =>
        tokens => tokens.Count == 1 && keywords.Contains(tokens[0].ToLowerInvariant());

    private static Func<IReadOnlyList<string>, bool> Each(int max, Func<string, bool> token) =>
        tokens => tokens.Count <= max && tokens.All(token);

    private static Dictionary<string, Func<IReadOnlyList<string>, bool>> Build()
    {
        var lengthOrAuto = Each(1, t => Length(t) || t.Equals("auto", StringComparison.OrdinalIgnoreCase));
        var box = Each(4, t => Length(t) || t.Equals("auto", StringComparison.OrdinalIgnoreCase));
        var border = Each(3, t => BorderWidth(t) || BorderStyle(t) || Color(t));
        var rules = new Dictionary<string, Func<IReadOnlyList<string>, bool>>(StringComparer.Ordinal)
        {
            ["color"] = Each(1, Color),
            ["background-color"] = Each(1, Color),
            // Only the colour form of the shorthand: its image form would load a remote resource.
            ["background"] = Each(1, Color),
            ["font-weight"] = OneOf("normal", "bold", "bolder", "lighter", "100", "200", "300", "400", "500", "600", "700", "800", "900"),
            ["font-style"] = OneOf("normal", "italic", "oblique"),
            ["font-size"] = Each(1, t => Length(t) || t.ToLowerInvariant() is
                "xx-small" or "x-small" or "small" or "medium" or "large" or "x-large" or "xx-large" or "smaller" or "larger"),
            // Unquoted local family names only: quoted names would need the quote characters refused above.
            ["font-family"] = tokens => FontFamily().IsMatch(string.Join(' ', tokens)),
            ["text-decoration"] = Each(3, t => Color(t) || t.ToLowerInvariant() is
                "none" or "underline" or "overline" or "line-through" or "solid" or "double" or "dotted" or "dashed" or "wavy"),
            ["text-align"] = OneOf("left", "right", "center", "justify", "start", "end"),
            ["vertical-align"] = Each(1, t => Length(t) || t.ToLowerInvariant() is
                "top" or "middle" or "bottom" or "baseline" or "text-top" or "text-bottom" or "sub" or "super"),
            ["line-height"] = Each(1, t => Length(t) || PlainNumber().IsMatch(t) || t.Equals("normal", StringComparison.OrdinalIgnoreCase)),
            ["white-space"] = OneOf("normal", "nowrap", "pre", "pre-wrap", "pre-line"),
            ["margin"] = box,
            ["padding"] = box,
            ["width"] = lengthOrAuto,
            ["height"] = lengthOrAuto,
            ["max-width"] = lengthOrAuto,
            ["min-width"] = lengthOrAuto,
            ["max-height"] = lengthOrAuto,
            ["min-height"] = lengthOrAuto,
            ["border"] = border,
            ["border-width"] = Each(4, BorderWidth),
            ["border-style"] = Each(4, BorderStyle),
            ["border-color"] = Each(4, Color),
            ["border-radius"] = Each(4, Length),
            ["border-collapse"] = OneOf("collapse", "separate"),
            ["border-spacing"] = Each(2, Length),
        };
        foreach (var side in new[] { "top", "right", "bottom", "left" })
        {
            rules[$"margin-{side}"] = lengthOrAuto;
            rules[$"padding-{side}"] = lengthOrAuto;
            rules[$"border-{side}"] = border;
            rules[$"border-{side}-width"] = Each(1, BorderWidth);
            rules[$"border-{side}-style"] = Each(1, BorderStyle);
            rules[$"border-{side}-color"] = Each(1, Color);
        }
        return rules;
    }

    [GeneratedRegex(@"\s*!\s*important\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ImportantSuffix();

    [GeneratedRegex(@"^[a-zA-Z0-9#%., ()+\t-]*$")]
    private static partial Regex SafeCharacters();

    // Non-negative only: negative offsets are how a message lays fake text over its own content.
    [GeneratedRegex(@"^(\d{1,5}(\.\d{1,4})?|\.\d{1,4})(px|%|em|rem|pt)$", RegexOptions.IgnoreCase)]
    private static partial Regex LengthPattern();

    [GeneratedRegex(@"^(\d{1,3}(\.\d{1,4})?|\.\d{1,4})$")]
    private static partial Regex PlainNumber();

    [GeneratedRegex(@"^#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")]
    private static partial Regex HexColor();

    [GeneratedRegex(@"^(rgb|rgba|hsl|hsla)\([0-9., %]{1,40}\)$", RegexOptions.IgnoreCase)]
    private static partial Regex ColorFunction();

    [GeneratedRegex(@"^[a-zA-Z]{3,24}$")]
    private static partial Regex NamedColor();

    [GeneratedRegex(@"^[a-zA-Z0-9-]{1,40}( [a-zA-Z0-9-]{1,40})*(, ?[a-zA-Z0-9-]{1,40}( [a-zA-Z0-9-]{1,40})*){0,9}$")]
    private static partial Regex FontFamily();
}
