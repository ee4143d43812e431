using System.Text.RegularExpressions;

namespace ContactHub.Core.Outbound;

/// <summary>
/// A message template the provider approved in advance (WhatsApp): the only kind of message allowed outside the
/// customer-service window. <see cref="Body"/> holds numbered parameters, <c>{{1}}</c>, <c>{{2}}</c>..., the agent fills.
/// </summary>
public sealed partial record MessageTemplate(string Name, string Language, string Body)
{
    /// <summary>The highest parameter number in the body: that many values must be given.</summary>
    public int ParameterCount => Parameter().Matches(Body).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();

    /// <summary>The body with each <c>{{n}}</c> replaced by the n-th value: what the customer will read.</summary>
    public string Render(IReadOnlyList<string> parameters) =>
        Parameter().Replace(Body, m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var n && n >= 1 && n <= parameters.Count ? parameters[n - 1] : m.Value);

    [GeneratedRegex(@"\{\{\s*([1-9][0-9]?)\s*\}\}")]
    private static partial Regex Parameter();
}

/// <summary>A template chosen for one outbound message, with the agent's parameter values in order.</summary>
public sealed record TemplateMessage(string Name, string Language, IReadOnlyList<string> Parameters);

/// <summary>The approved templates of each channel; a channel without templates answers an empty list.</summary>
public interface IMessageTemplates
{
    IReadOnlyList<MessageTemplate> For(Domain.ChannelKind channel);
}

/// <summary>What a hub with no template-using channel configured has.</summary>
public sealed class NoMessageTemplates : IMessageTemplates
{
    public IReadOnlyList<MessageTemplate> For(Domain.ChannelKind channel) => [];
}
