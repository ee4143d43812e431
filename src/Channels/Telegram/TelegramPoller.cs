using System.Globalization;
using ContactHub.Core;
using ContactHub.Core.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.Telegram;

/// <summary>
/// Long-polls getUpdates when the hub has no webhook (see <see cref="TelegramReceiveMode"/>). The offset that confirms
/// updates to Telegram is stored in <see cref="ChannelCursors"/> only after an update is durably appended, so a restart
/// neither loses an update (it was not confirmed, Telegram sends it again) nor repeats one (it was confirmed).
/// </summary>
public sealed class TelegramPoller(
    IServiceProvider services,
    ChannelCursors cursors,
    IOptions<TelegramOptions> options,
    IOptions<HubOptions> hubOptions,
    TimeProvider time,
    ILogger<TelegramPoller> logger) : BackgroundService
{
    /// <summary>getUpdates' own maximum.</summary>
    public const int BatchSize = 100;

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan WrongTokenPause = TimeSpan.FromMinutes(1);

    /// <summary>Named by the bot's public id, so a second bot on the same store keeps its own place and the token is never stored.</summary>
    public static string CursorKey(TelegramOptions telegram) => $"telegram:{telegram.BotId}:offset";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (TelegramReceiveMode.UsesWebhook(options.Value, hubOptions.Value))
        {
            return;
        }
        TelegramLog.Polling(logger);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan? pause;
            try
            {
                pause = await PollOnceAsync(failures, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // The store was unavailable, say: nothing was confirmed, so nothing is lost by trying again later.
                pause = Backoff(failures + 1);
                TelegramLog.PollFailed(logger, TelegramCallOutcome.ServerError, error.Message, pause.Value);
            }
            failures = pause is null ? 0 : failures + 1;
            if (pause is { } wait)
            {
                try
                {
                    await Task.Delay(wait, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One getUpdates round: each update handled, then confirmed. Returns how long to pause, or null to poll again at once.</summary>
    private async Task<TimeSpan?> PollOnceAsync(int failures, CancellationToken cancellationToken)
    {
        // Fresh each round: a typed HttpClient kept for the service's lifetime would never see its handler renewed (DNS).
        var api = services.GetRequiredService<TelegramBotApi>();
        var handler = services.GetRequiredService<TelegramUpdateHandler>();
        var telegram = options.Value;
        var key = CursorKey(telegram);
        var offset = await cursors.GetAsync(key, cancellationToken) is { } stored ? long.Parse(stored, CultureInfo.InvariantCulture) : (long?)null;
        var call = await api.GetUpdatesAsync(offset, BatchSize, Math.Max(0, telegram.PollTimeoutSeconds), cancellationToken);
        if (!call.Succeeded)
        {
            return await FailedAsync(api, call, failures + 1, cancellationToken);
        }
        foreach (var update in call.Result.Where(u => u.UpdateId is not null).OrderBy(u => u.UpdateId))
        {
            var updateId = update.UpdateId!.Value;
            if (updateId < offset)
            {
                continue;
            }
            if (TelegramUpdateReader.Check(update) is { } problem)
            {
                // Retrying cannot fix a malformed update, and holding it back would block every update after it.
                TelegramLog.UpdateSkipped(logger, updateId, problem);
            }
            else
            {
                try
                {
                    await handler.HandleAsync(update, cancellationToken);
                }
                catch (TelegramUnavailableException unavailable)
                {
                    // Not confirmed: the next getUpdates returns this update again, in order.
                    TelegramLog.UpdateDeferred(logger, updateId, unavailable.Message);
                    return Backoff(failures + 1);
                }
            }
            offset = updateId + 1;
            await cursors.SetAsync(key, offset.Value.ToString(CultureInfo.InvariantCulture), cancellationToken);
        }
        return null;
    }

    private async Task<TimeSpan?> FailedAsync(TelegramBotApi api, TelegramCall<IReadOnlyList<TelegramUpdate>> call, int failures, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        if (call.ErrorCode == 409)
        {
            // A webhook from an earlier configuration blocks getUpdates; this hub is configured to poll, so it owns the bot.
            TelegramLog.RemovingWebhook(logger);
            var removed = await api.DeleteWebhookAsync(cancellationToken);
            if (removed.Succeeded)
            {
                return null;
            }
            wait = Backoff(failures);
        }
        else
        {
            wait = call.Outcome switch
            {
                TelegramCallOutcome.RateLimited => call.RetryAfter ?? Backoff(failures),
                TelegramCallOutcome.Refused when call.ErrorCode == 401 => WrongTokenPause,
                _ => Backoff(failures),
            };
        }
        TelegramLog.PollFailed(logger, call.Outcome, call.Description, wait);
        return wait;
    }

    private static TimeSpan Backoff(int failures) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(failures, 10) - 1)));
}
