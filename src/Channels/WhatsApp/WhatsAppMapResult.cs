using System.Diagnostics.CodeAnalysis;
using ContactHub.Core.Stream;

namespace ContactHub.Channels.WhatsApp;

/// <summary>One customer message, mapped; <see cref="Media"/> still has to be fetched and added as the interaction's file.</summary>
public sealed record WhatsAppInbound(InboundInteraction Interaction, WhatsAppMediaRef? Media, string? MediaKind);

/// <summary>A status notification about a message we sent; <see cref="ErrorCode"/> and <see cref="ErrorReason"/> only for "failed".</summary>
public sealed record WhatsAppStatusUpdate(string MessageId, string Status, string? ErrorCode, string? ErrorReason);

/// <summary>Everything one webhook carries, or a reason fit to return as a 400 (nothing is stored then).</summary>
public sealed record WhatsAppMapResult(IReadOnlyList<WhatsAppInbound> Messages, IReadOnlyList<WhatsAppStatusUpdate> Statuses, string? Error)
{
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public static WhatsAppMapResult Failure(string error) => new([], [], error);
}
