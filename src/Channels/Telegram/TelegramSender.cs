using System.Globalization;
using ContactHub.Core.Domain;
using ContactHub.Core.Files;
using ContactHub.Core.Outbound;
using ContactHub.Core.Store;
using Microsoft.Extensions.Logging;

namespace ContactHub.Channels.Telegram;

/// <summary>
/// Sends a reply to a Telegram chat: the text with sendMessage (in several messages past 4096 characters), then each
/// attached file with sendPhoto (JPEG/PNG up to 10 MB) or sendDocument. A reply that is several Bot API messages is
/// never restarted once one of them was delivered: a later part that fails makes the reply uncertain, not retried.
/// </summary>
public sealed class TelegramSender(TelegramBotApi api, InteractionFiles files, TimeProvider time, ILogger<TelegramSender> logger) : IChannelSender
{
    /// <summary>How long a later part may wait for Telegram's rate limit inside one send before the reply is called uncertain.</summary>
    public static readonly TimeSpan MaxInlineWait = TimeSpan.FromSeconds(30);

    public ChannelKind Channel => ChannelKind.Telegram;

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var parts = await PartsAsync(message, cancellationToken);
        SendResult? result = parts.Count == 0 ? new SendRejected("empty", "The reply has neither text nor files.") : null;
        string? firstId = null;
        for (var i = 0; i < parts.Count && result is null; i++)
        {
            var call = await parts[i](cancellationToken);
            if (i > 0)
            {
                call = await WaitOutRateLimitAsync(parts[i], call, cancellationToken);
            }
            if (call.Succeeded)
            {
                firstId ??= TelegramMapper.ExternalId(ChatId(message.ToAddress), call.Result.MessageId);
                continue;
            }
            result = i == 0
                ? Interpret(call)
                : new SendUncertain($"Part {i + 1} of {parts.Count} failed after the earlier parts were delivered, so the reply is not sent again: {call.Description}");
        }
        result ??= new SendAccepted(firstId!, "sent");
        Log(message.InteractionId, result);
        return result;
    }

    private async Task<List<Func<CancellationToken, Task<TelegramCall<TelegramSentMessage>>>>> PartsAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var chat = message.ToAddress;
        var parts = TelegramText.Split(message.Text)
            .Select(text => (Func<CancellationToken, Task<TelegramCall<TelegramSentMessage>>>)(ct => api.SendMessageAsync(chat, text, ct)))
            .ToList();
        foreach (var stored in await files.AttachmentsAsync(message.InteractionId, cancellationToken))
        {
            var file = new FileContent(stored.Info.FileName, stored.Info.ContentType, stored.Content);
            var method = ReplyFilePolicy.IsTelegramPhoto(file.ContentType, file.Size) ? TelegramFileMethod.Photo : TelegramFileMethod.Document;
            parts.Add(ct => api.SendFileAsync(method, chat, file, caption: null, ct));
        }
        return parts;
    }

    private async Task<TelegramCall<TelegramSentMessage>> WaitOutRateLimitAsync(
        Func<CancellationToken, Task<TelegramCall<TelegramSentMessage>>> part, TelegramCall<TelegramSentMessage> call, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        while (call.Outcome == TelegramCallOutcome.RateLimited && waited < MaxInlineWait)
        {
            var wait = call.RetryAfter ?? TimeSpan.FromSeconds(1);
            await Task.Delay(wait, time, cancellationToken);
            waited += wait;
            call = await part(cancellationToken);
        }
        return call;
    }

    private static SendResult Interpret(TelegramCall<TelegramSentMessage> call) => call.Outcome switch
    {
        TelegramCallOutcome.RateLimited => new SendDeferred($"Telegram answered 429: {call.Description}", call.RetryAfter),
        TelegramCallOutcome.ServerError or TelegramCallOutcome.Unreachable => new SendDeferred(call.Description, null),
        TelegramCallOutcome.Interrupted => new SendUncertain(call.Description),
        _ when call.BotBlocked => new SendRejected("403", call.Description) { RecipientOptedOut = true, OptOutKeyword = OptOuts.BlockedTheBot },
        _ => new SendRejected((call.ErrorCode ?? 0).ToString(CultureInfo.InvariantCulture), call.Description),
    };

    private static long ChatId(string address) => long.TryParse(address, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id : 0;

    private void Log(long interactionId, SendResult result)
    {
        switch (result)
        {
            case SendAccepted accepted:
                TelegramLog.SendAccepted(logger, interactionId, accepted.ProviderId);
                break;
            case SendDeferred deferred:
                TelegramLog.SendDeferred(logger, interactionId, deferred.Reason);
                break;
            case SendUncertain uncertain:
                TelegramLog.SendDeferred(logger, interactionId, uncertain.Reason);
                break;
            case SendRejected rejected:
                TelegramLog.SendRejected(logger, interactionId, rejected.ErrorCode, rejected.Reason);
                break;
        }
    }
}
