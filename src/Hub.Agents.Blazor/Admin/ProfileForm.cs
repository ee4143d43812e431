using ContactHub.Core.Config;
using ContactHub.Core.Domain;
using ContactHub.Core.Routing;

namespace ContactHub.Agents.Blazor.Admin;

/// <summary>An agent's routing profile in the editor: capacity boxes per channel, empty meaning the router's default.</summary>
public sealed class ProfileForm
{
    public string Team { get; set; } = "";

    public string Skills { get; set; } = "";

    /// <summary>Channel wire name -> typed capacity ("" = default for the channel).</summary>
    public Dictionary<string, string> Capacity { get; } = Enum.GetValues<ChannelKind>().ToDictionary(c => c.ToWire(), _ => "");

    public static string DefaultCapacity(string channel) =>
        AgentRoutingProfile.DefaultCapacity(ChannelNames.Parse(channel)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static ProfileForm From(AgentProfileInput profile)
    {
        var form = new ProfileForm { Team = profile.Team ?? "", Skills = SkillText.Format(profile.Skills) };
        foreach (var (channel, capacity) in profile.Capacity)
        {
            form.Capacity[channel] = capacity.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return form;
    }

    public (AgentProfileInput? Profile, string? Error) ToInput()
    {
        if (SkillText.TryParse(Skills, out var skills) is { } skillError)
        {
            return (null, skillError);
        }
        var capacity = new Dictionary<string, int>();
        foreach (var (channel, text) in Capacity.Where(c => !string.IsNullOrWhiteSpace(c.Value)))
        {
            if (!int.TryParse(text, out var value))
            {
                return (null, $"Capacity for {channel} must be a number (or empty for the default).");
            }
            capacity[channel] = value;
        }
        return (new AgentProfileInput(Team, skills, capacity), null);
    }
}
