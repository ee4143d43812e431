using ContactHub.Core.Domain;
using ContactHub.Core.Events;
using ContactHub.Core.Services;
using ContactHub.Core.Store;
using ContactHub.Core.Stream;
using Microsoft.Extensions.Logging;

namespace ContactHub.Channels.Telegram;

/// <summary>What became of one update.</summary>
public sealed record TelegramHandled(TelegramUpdateKind Kind, long? InteractionId, bool IsDuplicate);

/// <summary>
/// One update, however it arrived (webhook or getUpdates): mapped, its file fetched, then appended through the
/// <see cref="InboundPipeline"/> or applied as an edit. When this returns, the update is durable.
/// </summary>
public sealed class TelegramUpdateHandler(
    InboundPipeline pipeline,
    TelegramFileFetcher files,
    InteractionEdits edits,
    OptOuts optOuts,
    ConversationEventLog log,
    IHubEventBus events,
    TimeProvider time,
    ILogger<TelegramUpdateHandler> logger)
{
    /// <exception cref="TelegramUnavailableException">A file could not be fetched now; handle the update again later.</exception>
    public async Task<TelegramHandled> HandleAsync(TelegramUpdate update, CancellationToken cancellationToken)
    {
        var mapped = TelegramMapper.Map(update, time.GetUtcNow());
        switch (mapped.Kind)
        {
            case TelegramUpdateKind.Message:
                var (stored, _) = await AppendAsync(mapped, cancellationToken);
                return new TelegramHandled(mapped.Kind, stored.InteractionId, stored.IsDuplicate);
            case TelegramUpdateKind.Edit:
                return await EditAsync(mapped, cancellationToken);
            default:
                TelegramLog.UpdateIgnored(logger, update.UpdateId ?? 0, mapped.IgnoredBecause ?? "");
                return new TelegramHandled(mapped.Kind, null, false);
        }
    }

    private async Task<(AppendResult Stored, InboundInteraction Interaction)> AppendAsync(TelegramMapped mapped, CancellationToken cancellationToken)
    {
        var interaction = await WithFileAsync(mapped, cancellationToken);
        var stored = await pipeline.AcceptAsync(interaction, cancellationToken);
        TelegramLog.InboundAccepted(logger, interaction.ExternalId, stored.InteractionId, stored.IsDuplicate);
        // Writing to the bot again means the customer unblocked it; re-applied on a repeat (idempotent), logged once.
        var wasBlocked = await optOuts.RecordOptInAsync(ChannelKind.Telegram, interaction.SenderAddress, cancellationToken);
        if (!stored.IsDuplicate)
        {
            if (wasBlocked)
            {
                await log.AppendAsync(stored.ConversationId, ConversationEventKinds.Unblocked, agentId: null, data: null, cancellationToken);
                await events.PublishAsync(new ConversationStateChanged(stored.ConversationId, stored.ContactId, ConversationEventKinds.Unblocked));
                await events.PublishAsync(new ContactOptOutChanged(stored.ContactId));
            }
            if (mapped.StartPayload is { } payload)
            {
                await log.AppendAsync(stored.ConversationId, ConversationEventKinds.StartPayload, agentId: null, new { payload }, cancellationToken);
            }
        }
        return (stored, interaction);
    }

    private async Task<TelegramHandled> EditAsync(TelegramMapped mapped, CancellationToken cancellationToken)
    {
        var interaction = mapped.Interaction!;
        var editedAt = mapped.EditedAt ?? time.GetUtcNow();
        var edited = await edits.ApplyAsync(ChannelKind.Telegram, interaction.ExternalId, interaction.Text, editedAt, cancellationToken);
        var isDuplicate = false;
        if (edited is null)
        {
            // The original never reached the hub (sent before the bot was connected): the edited message stands in for it.
            var (stored, appended) = await AppendAsync(mapped, cancellationToken);
            isDuplicate = stored.IsDuplicate;
            edited = await edits.ApplyAsync(ChannelKind.Telegram, interaction.ExternalId, appended.Text, editedAt, cancellationToken);
        }
        if (edited is { Applied: true })
        {
            await events.PublishAsync(new InteractionStatusChanged(edited.ContactId, edited.ConversationId, edited.InteractionId, "received"));
        }
        TelegramLog.EditApplied(logger, interaction.ExternalId, edited?.InteractionId ?? 0, edited?.Applied ?? false);
        return new TelegramHandled(TelegramUpdateKind.Edit, edited?.InteractionId, isDuplicate || edited is { Applied: false });
    }

    private async Task<InboundInteraction> WithFileAsync(TelegramMapped mapped, CancellationToken cancellationToken)
    {
        var interaction = mapped.Interaction!;
        if (mapped.File is not { } reference)
        {
            return interaction;
        }
        var fetched = await files.FetchAsync(reference, cancellationToken);
        if (fetched.File is { } file)
        {
            return interaction with { Files = [file] };
        }
        // The message is kept without its file, and the agent is told why rather than shown a silent gap.
        var text = string.IsNullOrEmpty(interaction.Text) ? fetched.Problem : $"{interaction.Text}\n{fetched.Problem}";
        return interaction with { Text = text };
    }
}
