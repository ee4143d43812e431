using ContactHub.Channels.Twilio.Voice;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace ContactHub.Channels.Twilio;

/// <summary>Twilio's webhook URLs. Anonymous by design: the signature is the authentication.</summary>
public static class TwilioWebhookEndpoints
{
    public static IEndpointRouteBuilder MapTwilioWebhooks(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapTwilioSmsWebhooks().MapTwilioVoiceWebhooks();

    /// <summary>Inbound SMS and the delivery status callback.</summary>
    public static IEndpointRouteBuilder MapTwilioSmsWebhooks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(TwilioSmsWebhook.Path, TwilioSmsWebhook.HandleAsync).DisableAntiforgery();
        endpoints.MapPost(TwilioStatusWebhook.Path, TwilioStatusWebhook.HandleAsync).DisableAntiforgery();
        return endpoints;
    }

    /// <summary>The incoming call, the hold queue's wait and action URLs, call progress callbacks, and voicemail and recording callbacks.</summary>
    public static IEndpointRouteBuilder MapTwilioVoiceWebhooks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(VoiceWebhookPaths.Incoming, IncomingCallWebhook.HandleAsync).DisableAntiforgery();
        endpoints.MapPost(VoiceWebhookPaths.Wait, WaitWebhook.HandleAsync).DisableAntiforgery();
        endpoints.MapPost(VoiceWebhookPaths.EnqueueAction, EnqueueActionWebhook.HandleAsync).DisableAntiforgery();
        endpoints.MapPost(VoiceWebhookPaths.Status, CallStatusWebhook.HandleAsync).DisableAntiforgery();
        endpoints.MapPost(VoiceWebhookPaths.DialAction, DialActionWebhook.HandleAsync).DisableAntiforgery();
        endpoints.MapPost(VoiceWebhookPaths.AgentLegStatus, AgentLegStatusWebhook.HandleAsync).DisableAntiforgery();
        endpoints.MapPost(VoiceWebhookPaths.OutboundStatus, OutboundCallStatusWebhook.HandleAsync).DisableAntiforgery();
        endpoints.MapPost(VoiceWebhookPaths.RecordAction, RecordActionWebhook.HandleAsync).DisableAntiforgery();
        endpoints.MapPost(VoiceWebhookPaths.RecordingStatus, RecordingStatusWebhook.HandleAsync).DisableAntiforgery();
        endpoints.MapPost(VoiceWebhookPaths.Transcription, TranscriptionWebhook.HandleAsync).DisableAntiforgery();
        return endpoints;
    }
}
