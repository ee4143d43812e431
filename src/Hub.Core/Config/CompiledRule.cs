using System.Text.RegularExpressions;
using ContactHub.Core.Stream;

namespace ContactHub.Core.Config;

/// <summary>A rule ready to match: the keyword becomes a whole-word pattern once, not on every message.</summary>
internal sealed class CompiledRule(RoutingRule rule)
{
    private readonly Regex? _keyword = string.IsNullOrWhiteSpace(rule.Keyword)
        ? null
        // Letters and digits on either side would make it part of a longer word ("refunded").
        : new Regex(
            $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(rule.Keyword.Trim())}(?![\p{{L}}\p{{N}}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromMilliseconds(50));

    public RoutingRule Rule { get; } = rule;

    public bool Matches(InboundInteraction interaction, IReadOnlyDictionary<string, string> attributes, string channel)
    {
        if (Rule.Channel is { } wantedChannel && !string.Equals(wantedChannel, channel, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (_keyword is not null && (interaction.Text is null || !MatchesKeyword(interaction.Text)))
        {
            return false;
        }
        if (Rule.AttributeKey is { } key)
        {
            if (!attributes.TryGetValue(key, out var value))
            {
                return false;
            }
            if (Rule.AttributeValue is { } wanted && !string.Equals(value, wanted, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }
        return true;
    }

    private bool MatchesKeyword(string text)
    {
        try
        {
            return _keyword!.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            // An escaped literal cannot backtrack badly, but a huge message must not stall the stream's writer.
            return false;
        }
    }
}
