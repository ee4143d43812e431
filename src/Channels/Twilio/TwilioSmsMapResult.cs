using System.Diagnostics.CodeAnalysis;
using ContactHub.Core.Stream;

namespace ContactHub.Channels.Twilio;

/// <summary>Either the canonical interaction or a reason fit to return to the caller as a 400.</summary>
public sealed record TwilioSmsMapResult(InboundInteraction? Interaction, string? Error)
{
    [MemberNotNullWhen(true, nameof(Interaction))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Interaction is not null;

    public static TwilioSmsMapResult Success(InboundInteraction interaction) => new(interaction, null);

    public static TwilioSmsMapResult Failure(string error) => new(null, error);
}
