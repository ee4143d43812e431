using ContactHub.Core;
using ContactHub.Core.Domain;
using ContactHub.Core.Services;
using ContactHub.Core.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.Twilio.Voice;

/// <summary>
/// Sends callers to voicemail: out of hours, when nobody who could answer is logged in, or after the queue's maximum
/// wait. The call's conversation stays routed, so the message becomes an agent's task to call back.
/// </summary>
public sealed class VoicemailOffers(
    CallLog calls,
    QueueStaffing staffing,
    IOptions<TwilioVoiceOptions> voiceOptions,
    IOptions<HubOptions> hubOptions,
    ILogger<VoicemailOffers> logger)
{
    /// <param name="reason">Said to the caller before the prompt.</param>
    /// <param name="why">For the log: out of hours, nobody logged in, waited too long.</param>
    public async Task<IResult> OfferAsync(string callSid, string reason, string why, CancellationToken cancellationToken)
    {
        await calls.OfferVoicemailAsync(callSid, cancellationToken);
        TwilioLog.VoicemailOffered(logger, callSid, why);
        return IncomingCallWebhook.Answer(VoicemailTwiml.Offer(reason, voiceOptions.Value, hubOptions.Value));
    }

    /// <summary>The unavailable message, then voicemail.</summary>
    public Task<IResult> OfferUnavailableAsync(string callSid, string why, CancellationToken cancellationToken) =>
        OfferAsync(callSid, voiceOptions.Value.UnavailableMessage, why, cancellationToken);

    /// <summary>
    /// True when nobody who could take the queue's calls is logged in. When the router cannot say, the caller is
    /// queued as before: a wait is better than voicemail when someone may be there.
    /// </summary>
    public async Task<bool> NobodyLoggedInAsync(string queue, string callSid)
    {
        try
        {
            return !await staffing.AnyAgentLoggedInForAsync(queue, ChannelKind.Voice);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            TwilioLog.StaffingUnknown(logger, queue, callSid, error);
            return false;
        }
    }
}
