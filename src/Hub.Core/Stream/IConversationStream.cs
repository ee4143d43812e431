namespace ContactHub.Core.Stream;

/// <summary>Appends inbound interactions durably: when the task completes the interaction is committed.</summary>
public interface IConversationStream
{
    Task<AppendResult> AppendAsync(InboundInteraction interaction, CancellationToken cancellationToken);
}
