using System.Text.Json;
using ContactHub.Core.Domain;
using ContactHub.Core.Events;
using ContactHub.Core.Services;
using ContactHub.Core.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.WhatsApp;

/// <summary>
/// <c>POST /webhooks/whatsapp</c>: prove Meta signed the raw bytes, read every message and status the notification
/// carries, make all of them durable, and only then answer 200. A redelivery is deduplicated by the store on the wamid.
/// </summary>
public static class WhatsAppWebhook
{
    public const string Path = "/webhooks/whatsapp";

    /// <summary>The logger category of both webhook handlers.</summary>
    public const string LogCategory = "ContactHub.Channels.WhatsApp.Webhook";

    public static async Task<IResult> HandleAsync(
        HttpRequest request,
        IOptions<WhatsAppOptions> options,
        InboundPipeline pipeline,
        WhatsAppMediaClient media,
        WhatsAppReadReceipts readReceipts,
        Outbox outbox,
        IHubEventBus events,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(LogCategory);
        var (body, statusCode, reason) = await WhatsAppBodyReader.ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return Reject(logger, statusCode, reason!);
        }
        if (!WhatsAppSignature.IsValid(options.Value.AppSecret, body, request.Headers[WhatsAppSignature.HeaderName].ToString()))
        {
            WhatsAppLog.SignatureRejected(logger);
            return TypedResults.Text("The X-Hub-Signature-256 header is missing or does not match the body.", "text/plain", statusCode: StatusCodes.Status403Forbidden);
        }
        WhatsAppNotification? notification;
        try
        {
            notification = JsonSerializer.Deserialize(body, WhatsAppJsonContext.Default.WhatsAppNotification);
        }
        catch (JsonException error)
        {
            return Reject(logger, StatusCodes.Status400BadRequest, $"The body is not the JSON of a WhatsApp notification: {error.Message}");
        }
        if (notification is null)
        {
            return Reject(logger, StatusCodes.Status400BadRequest, "The body is JSON null.");
        }
        var mapped = WhatsAppMapper.Map(notification, time.GetUtcNow());
        if (!mapped.Succeeded)
        {
            return Reject(logger, StatusCodes.Status400BadRequest, mapped.Error);
        }

        var mediaProblem = false;
        foreach (var message in mapped.Messages)
        {
            var interaction = message.Interaction;
            // REVIEW: media is fetched inline so the file is durable with its message before Meta gets its 200; Meta
            // allows several seconds per delivery. At high media volume a queue of fetches would answer sooner.
            if (message.Media is not null)
            {
                var fetched = await media.FetchAsync(message.Media, message.MediaKind!, cancellationToken);
                if (fetched.Problem is not null)
                {
                    WhatsAppLog.MediaFailed(logger, interaction.ExternalId, fetched.Problem);
                    if (fetched.IsTransient)
                    {
                        // Not stored yet: Meta redelivers the notification, and the messages already stored are deduplicated.
                        mediaProblem = true;
                        continue;
                    }
                    interaction = interaction with { Text = Join(interaction.Text, $"[{fetched.Problem}]") };
                }
                else
                {
                    interaction = interaction with { Files = [fetched.File!] };
                }
            }
            var appended = await pipeline.AcceptAsync(interaction, cancellationToken);
            WhatsAppLog.InboundAccepted(logger, interaction.ExternalId, appended.InteractionId, appended.IsDuplicate);
            if (!appended.IsDuplicate)
            {
                await readReceipts.MarkReadAsync(interaction.ExternalId, cancellationToken);
            }
        }
        foreach (var status in mapped.Statuses)
        {
            await ApplyStatusAsync(status, outbox, events, logger, cancellationToken);
        }
        if (mediaProblem)
        {
            request.HttpContext.Response.Headers.RetryAfter = "30";
            return TypedResults.Text("A media file could not be fetched from WhatsApp yet; deliver this notification again.", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        return TypedResults.Ok();
    }

    /// <summary>Moves the sent message forward only (a late "sent" after "read" changes nothing); a failure keeps its code and reason.</summary>
    private static async Task ApplyStatusAsync(WhatsAppStatusUpdate status, Outbox outbox, IHubEventBus events, ILogger logger, CancellationToken cancellationToken)
    {
        if (status.Status is not ("sent" or "delivered" or "read" or "failed"))
        {
            // "played" (voice), "deleted" and future statuses: acknowledged so Meta does not retry, nothing to show.
            WhatsAppLog.StatusIgnored(logger, status.MessageId, status.Status);
            return;
        }
        var applied = await outbox.ApplyStatusAsync(ChannelKind.WhatsApp, status.MessageId, status.Status, status.ErrorCode, status.ErrorReason, cancellationToken);
        if (applied is not null)
        {
            await events.PublishAsync(new InteractionStatusChanged(applied.ContactId, applied.ConversationId, applied.InteractionId, applied.Status));
        }
        WhatsAppLog.StatusApplied(logger, status.MessageId, status.Status, applied is not null);
    }

    private static string Join(string? text, string note) => string.IsNullOrEmpty(text) ? note : $"{text}\n{note}";

    private static IResult Reject(ILogger logger, int statusCode, string reason)
    {
        WhatsAppLog.WebhookRejected(logger, statusCode, reason);
        return TypedResults.Text(reason, "text/plain", statusCode: statusCode);
    }
}
