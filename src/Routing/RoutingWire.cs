using System.Globalization;
using System.Text;
using ContactHub.Core.Domain;
using ContactHub.Core.Routing;

namespace ContactHub.Routing;

/// <summary>How maps and overflow steps are spelled for the scripts: one "name=value" or tab-separated record per line.</summary>
internal static class RoutingWire
{
    public static string Skills(IReadOnlyDictionary<string, int>? skills)
    {
        if (skills is null || skills.Count == 0)
        {
            return "";
        }
        var text = new StringBuilder();
        foreach (var (name, level) in skills)
        {
            text.Append(Name(name)).Append('=').Append(level.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Every channel, so a profile's missing channels get <see cref="AgentRoutingProfile.DefaultCapacity"/>.</summary>
    public static string Capacity(AgentRoutingProfile profile)
    {
        var text = new StringBuilder();
        foreach (var channel in Enum.GetValues<ChannelKind>())
        {
            var capacity = profile.Capacity.TryGetValue(channel, out var set) ? set : AgentRoutingProfile.DefaultCapacity(channel);
            text.Append(channel.ToWire()).Append('=').Append(Math.Max(0, capacity).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Steps sorted by wait, "after-ms TAB team TAB queue" each.</summary>
    public static string Overflow(IReadOnlyList<OverflowStep> steps)
    {
        var text = new StringBuilder();
        foreach (var step in steps.OrderBy(step => step.AfterSeconds))
        {
            text.Append((Math.Max(0, step.AfterSeconds) * 1000L).ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(Name(step.Team ?? "")).Append('\t').Append(Name(step.Queue ?? "")).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Names travel in line- and tab-separated records, so those characters cannot be part of one.</summary>
    public static string Name(string name) =>
        name.AsSpan().IndexOfAny('\n', '\t', '=') < 0 ? name : throw new ArgumentException($"Routing name '{name}' contains a newline, tab or '='.", nameof(name));
}
