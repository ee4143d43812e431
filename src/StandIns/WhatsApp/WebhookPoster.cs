using System.Text;
using ContactHub.Channels.WhatsApp;
using Microsoft.Extensions.Options;

namespace ContactHub.StandIns.WhatsApp;

/// <summary>Posts a webhook body to the hub, signed with the app secret over exactly the bytes sent.</summary>
public sealed partial class WebhookPoster(IHttpClientFactory httpClients, IOptions<WhatsAppStandInOptions> options, ILogger<WebhookPoster> logger)
{
    public const string HttpClientName = "whatsapp-webhooks";

    /// <returns>The hub's status code, or null when no hub is configured or it could not be reached.</returns>
    public async Task<int?> PostAsync(string json, CancellationToken cancellationToken)
    {
        var url = options.Value.HubWebhookUrl;
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }
        var body = Encoding.UTF8.GetBytes(json);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(WhatsAppSignature.HeaderName, WhatsAppSignature.Sign(options.Value.AppSecret, body));
        request.Headers.UserAgent.ParseAdd("facebookexternalua");
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            LogPosted((int)response.StatusCode);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException error)
        {
            LogFailed(error.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed("timed out");
        }
        return null;
    }

    [LoggerMessage(EventId = 9301, Level = LogLevel.Debug, Message = "WhatsApp webhook answered {StatusCode}")]
    private partial void LogPosted(int statusCode);

    [LoggerMessage(EventId = 9302, Level = LogLevel.Warning, Message = "WhatsApp webhook did not reach the hub: {Reason}")]
    private partial void LogFailed(string reason);
}
