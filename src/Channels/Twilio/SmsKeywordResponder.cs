using ContactHub.Core.Domain;
using ContactHub.Core.Events;
using ContactHub.Core.Services;
using ContactHub.Core.Store;
using ContactHub.Core.Stream;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.Twilio;

/// <summary>
/// Acts on opt-out, opt-in and help keywords after the customer's message is stored (it stays on the timeline like
/// any other). Twilio itself confirms STOP and START to the handset, so the hub sends nothing then; HELP gets the
/// configured help text through the outbox, logged like any reply.
/// </summary>
public sealed class SmsKeywordResponder(
    OptOuts optOuts,
    ConversationEventLog log,
    Outbox outbox,
    OutboxSignal signal,
    IHubEventBus events,
    IOptions<TwilioOptions> options)
{
    /// <param name="isRetry">A provider retry of a message already stored: the opt-out state is re-applied (it is
    /// idempotent, and the first attempt may have failed before it), but nothing is logged or sent twice.</param>
    public async Task RespondAsync(InboundInteraction message, AppendResult stored, string? optOutType, bool isRetry, CancellationToken cancellationToken)
    {
        var (kind, keyword) = SmsKeywords.Classify(message.Text, optOutType);
        switch (kind)
        {
            case SmsKeywordKind.OptOut:
                await optOuts.RecordOptOutAsync(ChannelKind.Sms, message.SenderAddress, keyword, message.SentAt, cancellationToken);
                if (!isRetry)
                {
                    await LogAsync(stored, ConversationEventKinds.OptedOut, keyword, cancellationToken);
                    await events.PublishAsync(new ContactOptOutChanged(stored.ContactId));
                }
                break;
            case SmsKeywordKind.OptIn:
                var wasOut = await optOuts.RecordOptInAsync(ChannelKind.Sms, message.SenderAddress, cancellationToken);
                if (wasOut && !isRetry)
                {
                    await LogAsync(stored, ConversationEventKinds.OptedIn, keyword, cancellationToken);
                    await events.PublishAsync(new ContactOptOutChanged(stored.ContactId));
                }
                break;
            case SmsKeywordKind.Help when !isRetry && !string.IsNullOrWhiteSpace(options.Value.HelpReply)
                && await optOuts.FindAsync(ChannelKind.Sms, message.SenderAddress, cancellationToken) is null:
                var reply = await outbox.QueueReplyAsync(stored.ConversationId, ChannelKind.Sms, options.Value.HelpReply, [], authorAgentId: null, cancellationToken);
                signal.Wake();
                await events.PublishAsync(new InteractionAppended(reply.ContactId, stored.ConversationId, reply.Id, AssigneeId: null));
                break;
        }
    }

    private async Task LogAsync(AppendResult stored, string kind, string keyword, CancellationToken cancellationToken)
    {
        await log.AppendAsync(stored.ConversationId, kind, agentId: null, new { keyword }, cancellationToken);
        await events.PublishAsync(new ConversationStateChanged(stored.ConversationId, stored.ContactId, kind));
    }
}
