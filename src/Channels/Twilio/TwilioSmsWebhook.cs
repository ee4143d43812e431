using ContactHub.Core.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ContactHub.Channels.Twilio;

/// <summary>Inbound SMS/MMS: verify, append durably, act on STOP/START/HELP, then answer empty TwiML (replies go through the outbox).</summary>
public static class TwilioSmsWebhook
{
    public const string Path = "/webhooks/twilio/sms";

    private const string EmptyTwiml = """<?xml version="1.0" encoding="UTF-8"?><Response/>""";

    public static async Task<IResult> HandleAsync(
        HttpRequest request,
        TwilioWebhookGuard guard,
        InboundPipeline pipeline,
        SmsKeywordResponder keywords,
        TimeProvider time,
        ILogger<TwilioWebhookGuard> logger,
        CancellationToken cancellationToken)
    {
        var (form, rejection) = await guard.ReadVerifiedFormAsync(request, cancellationToken);
        if (form is null)
        {
            return rejection!;
        }
        var mapped = TwilioSmsMapper.Map(form.Fields, time.GetUtcNow());
        if (!mapped.Succeeded)
        {
            return guard.Reject(request, StatusCodes.Status400BadRequest, mapped.Error);
        }
        // Answer only once the append is durable: a Twilio retry of the same MessageSid is deduplicated by the store.
        var appended = await pipeline.AcceptAsync(mapped.Interaction, cancellationToken);
        TwilioLog.InboundAccepted(logger, mapped.Interaction.ExternalId, appended.InteractionId, appended.IsDuplicate);
        await keywords.RespondAsync(mapped.Interaction, appended, form.Fields.GetValueOrDefault("OptOutType"), appended.IsDuplicate, cancellationToken);
        return TypedResults.Text(EmptyTwiml, "text/xml");
    }
}
