using ContactHub.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.Telegram;

/// <summary>
/// In webhook mode (see <see cref="TelegramReceiveMode"/>) tells Telegram where to deliver, with the secret it must echo
/// and the update kinds the hub handles, retrying until Telegram agrees: updates wait at Telegram meanwhile (24 h).
/// </summary>
public sealed class TelegramWebhookRegistration(
    IServiceProvider services,
    IOptions<TelegramOptions> options,
    IOptions<HubOptions> hubOptions,
    TimeProvider time,
    ILogger<TelegramWebhookRegistration> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var telegram = options.Value;
        var hub = hubOptions.Value;
        if (!TelegramReceiveMode.UsesWebhook(telegram, hub))
        {
            return;
        }
        var url = hub.PublicUrl(TelegramWebhook.Path);
        var wait = TimeSpan.FromSeconds(1);
        try
        {
            while (true)
            {
                var call = await services.GetRequiredService<TelegramBotApi>().SetWebhookAsync(url, telegram.WebhookSecret, stoppingToken);
                if (call.Succeeded)
                {
                    TelegramLog.WebhookSet(logger, url);
                    return;
                }
                wait = call.RetryAfter ?? wait;
                TelegramLog.WebhookSetFailed(logger, call.Outcome, call.Description, wait);
                await Task.Delay(wait, time, stoppingToken);
                wait = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, wait.Ticks * 2));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down before Telegram agreed: the next start tries again.
        }
    }
}
