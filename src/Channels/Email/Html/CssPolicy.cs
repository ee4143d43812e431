namespace ContactHub.Channels.Email.Html;

/// <summary>
/// Filters a style attribute down to allowlisted properties with plainly typed values. The output is rebuilt from
/// validated tokens (<c>property: value; ...</c>), so nothing of the original syntax (comments, escapes, quotes,
/// nested blocks) survives for the browser's CSS parser to read differently from this one.
/// </summary>
internal static class CssPolicy
{
    /// <summary>Returns the filtered declarations, or an empty string when none survive.</summary>
    public static string Filter(string style, SanitizeTally tally)
    {
        var kept = new List<string>();
        // Splitting on ';' without honouring quotes or parentheses is deliberate: any declaration this cuts
        // in two contains a quote or an unbalanced parenthesis, and both are refused below.
        foreach (var declaration in style.Split(';'))
        {
            if (string.IsNullOrWhiteSpace(declaration))
            {
                continue;
            }
            var colon = declaration.IndexOf(':');
            var safe = colon <= 0
                ? null
                : Declaration(declaration[..colon].Trim().ToLowerInvariant(), declaration[(colon + 1)..]);
            if (safe is null)
            {
                tally.StyleDeclarationsRemoved++;
            }
            else
            {
                kept.Add(safe);
            }
        }
        return string.Join("; ", kept);
    }

    /// <summary>One <c>property: value</c> pair, or null when the property or its value is not allowed.</summary>
    public static string? Declaration(string property, string value)
    {
        if (!CssValueRules.Properties.TryGetValue(property, out var rule))
        {
            return null;
        }
        var tokens = CssValueRules.Tokens(value);
        return tokens is not null && tokens.Count > 0 && rule(tokens) ? $"{property}: {string.Join(' ', tokens)}" : null;
    }
}
