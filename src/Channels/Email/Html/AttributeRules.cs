using System.Text.RegularExpressions;

namespace ContactHub.Channels.Email.Html;

/// <summary>
/// Which plain (non-URL, non-style) attributes each element keeps, and the value each accepts. Values are
/// validated and re-emitted trimmed; anything else is dropped, so an attribute can only carry layout data.
/// </summary>
internal static partial class AttributeRules
{
    private const int MaxTextLength = 1024;

    private static readonly Func<string, string?> Text = v => v.Length <= MaxTextLength ? v : v[..MaxTextLength];
    private static readonly Func<string, string?> Integer = v => Matches(IntegerPattern(), v);
    private static readonly Func<string, string?> Dimension = v => Matches(DimensionPattern(), v);
    private static readonly Func<string, string?> Colour = v => CssValueRules.Tokens(v) is [var t] && CssPolicy.Declaration("color", t) is not null ? t : null;
    private static readonly Func<string, string?> BlockAlign = OneOf("left", "right", "center", "justify");
    private static readonly Func<string, string?> VerticalAlign = OneOf("top", "middle", "bottom", "baseline");

    private static readonly Dictionary<string, Func<string, string?>> Global = new(StringComparer.Ordinal)
    {
        ["title"] = Text,
        ["dir"] = OneOf("ltr", "rtl", "auto"),
        ["lang"] = v => Matches(LanguagePattern(), v),
    };

    private static readonly Dictionary<string, Dictionary<string, Func<string, string?>>> PerElement = BuildPerElement();

    /// <summary>The accepted, normalised value, or null when the attribute or its value is not allowed here.</summary>
    public static string? Accept(string element, string attribute, string value)
    {
        if (Global.TryGetValue(attribute, out var rule)
            || (PerElement.TryGetValue(element, out var rules) && rules.TryGetValue(attribute, out rule)))
        {
            return rule(value);
        }
        return null;
    }

    private static Dictionary<string, Dictionary<string, Func<string, string?>>> BuildPerElement()
    {
        var cell = new Dictionary<string, Func<string, string?>>(StringComparer.Ordinal)
        {
            ["colspan"] = Integer, ["rowspan"] = Integer, ["align"] = BlockAlign, ["valign"] = VerticalAlign,
            ["width"] = Dimension, ["height"] = Dimension, ["bgcolor"] = Colour, ["nowrap"] = _ => "",
        };
        var rowGroup = new Dictionary<string, Func<string, string?>>(StringComparer.Ordinal)
        {
            ["align"] = BlockAlign, ["valign"] = VerticalAlign, ["bgcolor"] = Colour, ["height"] = Dimension,
        };
        var column = new Dictionary<string, Func<string, string?>>(StringComparer.Ordinal)
        {
            ["span"] = Integer, ["width"] = Dimension, ["align"] = BlockAlign, ["valign"] = VerticalAlign,
        };
        var aligned = new Dictionary<string, Func<string, string?>>(StringComparer.Ordinal) { ["align"] = BlockAlign };
        var map = new Dictionary<string, Dictionary<string, Func<string, string?>>>(StringComparer.Ordinal)
        {
            ["table"] = new(StringComparer.Ordinal)
            {
                ["width"] = Dimension, ["height"] = Dimension, ["align"] = BlockAlign, ["bgcolor"] = Colour,
                ["border"] = Integer, ["cellpadding"] = Integer, ["cellspacing"] = Integer,
            },
            ["td"] = cell,
            ["th"] = cell,
            ["tr"] = rowGroup,
            ["thead"] = rowGroup,
            ["tbody"] = rowGroup,
            ["tfoot"] = rowGroup,
            ["col"] = column,
            ["colgroup"] = column,
            ["caption"] = aligned,
            ["p"] = aligned,
            ["div"] = aligned,
            ["h1"] = aligned, ["h2"] = aligned, ["h3"] = aligned, ["h4"] = aligned, ["h5"] = aligned, ["h6"] = aligned,
            ["hr"] = new(StringComparer.Ordinal) { ["align"] = BlockAlign, ["width"] = Dimension, ["size"] = Integer, ["noshade"] = _ => "" },
            ["img"] = new(StringComparer.Ordinal)
            {
                ["alt"] = Text, ["width"] = Dimension, ["height"] = Dimension, ["border"] = Integer,
                ["align"] = OneOf("left", "right", "top", "middle", "bottom", "baseline"),
            },
            ["ol"] = new(StringComparer.Ordinal) { ["start"] = Integer, ["type"] = v => v is "1" or "a" or "A" or "i" or "I" ? v : null },
            ["ul"] = new(StringComparer.Ordinal) { ["type"] = OneOf("disc", "circle", "square") },
            ["li"] = new(StringComparer.Ordinal) { ["value"] = Integer },
        };
        return map;
    }

    private static Func<string, string?> OneOf(params string[] values) => v =>
    {
        var lowered = v.Trim().ToLowerInvariant();
        return values.Contains(lowered) ? lowered : null;
    };

    private static string? Matches(Regex pattern, string value)
    {
        var trimmed = value.Trim();
        return pattern.IsMatch(trimmed) ? trimmed : null;
    }

    [GeneratedRegex(@"^\d{1,4}$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^\d{1,5}(\.\d{1,3})?(%|px)?$")]
    private static partial Regex DimensionPattern();

    [GeneratedRegex(@"^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8}){0,4}$")]
    private static partial Regex LanguagePattern();
}
