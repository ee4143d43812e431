namespace ContactHub.Agents.Blazor.Offers;

/// <summary>One line of a customer's message, short enough for a banner.</summary>
public static class TextPreview
{
    public const int DefaultLength = 140;

    public static string Of(string? text, int maxLength = DefaultLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        // Collapse line breaks and runs of spaces: a banner has one line to give.
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (oneLine.Length <= maxLength)
        {
            return oneLine;
        }
        var cut = oneLine[..maxLength];
        // Never split a surrogate pair (emoji are common in chat).
        if (char.IsHighSurrogate(cut[^1]))
        {
            cut = cut[..^1];
        }
        return cut.TrimEnd() + "…";
    }
}
