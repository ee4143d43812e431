using System.Text;
using ContactHub.Channels.Telegram;
using Microsoft.Extensions.Options;

namespace ContactHub.StandIns.Telegram;

/// <summary>
/// While a webhook is set, posts each update to it in order with the secret header, as Telegram does; an update leaves
/// the queue only on a 2xx answer, anything else (or no answer) is retried after a pause.
/// </summary>
public sealed partial class WebhookDeliveryWorker(
    BotUpdates updates,
    IHttpClientFactory httpClients,
    IOptions<TelegramStandInOptions> options,
    TimeProvider time,
    ILogger<WebhookDeliveryWorker> logger) : BackgroundService
{
    public const string HttpClientName = "telegram-webhook";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var (next, webhook, changed) = updates.NextForWebhook();
                if (next is null || webhook is null)
                {
                    await changed.WaitAsync(stoppingToken);
                    continue;
                }
                if (await DeliverAsync(next, webhook, stoppingToken))
                {
                    updates.Delivered(next.UpdateId);
                }
                else
                {
                    await Task.Delay(options.Value.WebhookRetryDelay, time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: undelivered updates are dropped with the process, as a stopped fake Telegram would.
        }
    }

    private async Task<bool> DeliverAsync(PendingUpdate update, BotWebhook webhook, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
        {
            Content = new StringContent(update.Update.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (webhook.SecretToken is { } secret)
        {
            request.Headers.Add(TelegramSecretToken.HeaderName, secret);
        }
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            LogDelivered(update.UpdateId, (int)response.StatusCode);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException error)
        {
            LogFailed(update.UpdateId, error.Message);
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(update.UpdateId, "timed out");
            return false;
        }
    }

    [LoggerMessage(EventId = 9401, Level = LogLevel.Debug, Message = "Webhook delivery of update {UpdateId} answered {StatusCode}")]
    private partial void LogDelivered(long updateId, int statusCode);

    [LoggerMessage(EventId = 9402, Level = LogLevel.Warning, Message = "Webhook delivery of update {UpdateId} failed: {Reason}; retrying")]
    private partial void LogFailed(long updateId, string reason);
}
