using ContactHub.Core.Domain;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.Twilio.Voice;

/// <summary>
/// Where an agent takes calls: a phone number when one is configured for them (<c>Twilio:Voice:AgentNumbers:{agentId}</c>),
/// otherwise the browser phone registered as client identity <c>agent-{agentId}</c>.
/// </summary>
/// <remarks>REVIEW: configured per agent in the hub's settings; an admin page field would let agents change it themselves.</remarks>
public sealed class AgentDialTarget(IOptions<TwilioVoiceOptions> options)
{
    public (bool IsNumber, string Address) For(long agentId) =>
        options.Value.AgentNumbers.TryGetValue(agentId.ToString(System.Globalization.CultureInfo.InvariantCulture), out var number) && PhoneNumber.IsE164(number)
            ? (true, number)
            : (false, ClientIdentity(agentId));

    public static string ClientIdentity(long agentId) => FormattableString.Invariant($"agent-{agentId}");
}
