using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace ContactHub.Channels.Twilio;

public static class TwilioWebhookEndpoints
{
    /// <summary>Twilio's inbound SMS and status callback URLs. Anonymous by design: the signature is the authentication.</summary>
    public static IEndpointRouteBuilder MapTwilioWebhooks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(TwilioSmsWebhook.Path, TwilioSmsWebhook.HandleAsync).DisableAntiforgery();
        endpoints.MapPost(TwilioStatusWebhook.Path, TwilioStatusWebhook.HandleAsync).DisableAntiforgery();
        return endpoints;
    }
}
