using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.WhatsApp;

/// <summary>
/// Marks a stored inbound message read, so the customer sees blue ticks: their message reached us. Best effort: the
/// message is already durable, so a failure here is logged and never fails the webhook.
/// </summary>
public sealed class WhatsAppReadReceipts(HttpClient http, IOptions<WhatsAppOptions> options, ILogger<WhatsAppReadReceipts> logger)
{
    /// <summary>Short, because Meta is waiting for the webhook's answer meanwhile.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    public async Task MarkReadAsync(string messageId, CancellationToken cancellationToken)
    {
        var whatsApp = options.Value;
        if (!whatsApp.MarkInboundRead)
        {
            return;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Budget);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{whatsApp.GraphRoot}/{Uri.EscapeDataString(whatsApp.PhoneNumberId)}/messages")
            {
                Content = JsonContent.Create(new WhatsAppMarkRead("whatsapp", "read", messageId), WhatsAppJsonContext.Default.WhatsAppMarkRead),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", whatsApp.AccessToken);
            using var response = await http.SendAsync(request, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                WhatsAppLog.MarkReadFailed(logger, messageId, $"answered {(int)response.StatusCode}");
            }
        }
        catch (Exception error) when (error is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            WhatsAppLog.MarkReadFailed(logger, messageId, error.Message);
        }
    }
}
