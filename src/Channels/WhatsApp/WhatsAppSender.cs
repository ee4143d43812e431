using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContactHub.Channels.Http;
using ContactHub.Core.Domain;
using ContactHub.Core.Outbound;
using ContactHub.Core.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.WhatsApp;

/// <summary>
/// Sends replies through the Cloud API's <c>/{phone-number-id}/messages</c>: text, one picture or document (uploaded
/// first, then sent by media id), or an approved template. Rate limits and Meta's 5xx are retried later; refusals
/// (outside the 24-hour window, undeliverable, bad parameter, bad token) are final, with the reason in words.
/// </summary>
public sealed class WhatsAppSender(
    HttpClient http,
    IOptions<WhatsAppOptions> options,
    InteractionFiles files,
    TimeProvider time,
    ILogger<WhatsAppSender> logger) : IChannelSender
{
    /// <summary>Our own code for a reply the Cloud API cannot express (several files in one message).</summary>
    public const string UnsendableCode = "whatsapp-unsendable";

    public ChannelKind Channel => ChannelKind.WhatsApp;

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        SendResult result;
        try
        {
            result = await SendOnceAsync(message, cancellationToken);
        }
        catch (HttpRequestException error) when (error.HttpRequestError == HttpRequestError.ConnectionError)
        {
            // The connection was never made, so Meta cannot have the message: safe to try again.
            result = new SendDeferred($"WhatsApp could not be reached: {error.Message}", null);
        }
        catch (HttpRequestException error)
        {
            result = new SendUncertain($"The connection to WhatsApp failed mid-request: {error.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Meta may have taken the message before the timeout: resending could write to the customer twice.
            result = new SendUncertain("WhatsApp did not answer in time.");
        }
        Log(message.InteractionId, result);
        return result;
    }

    private async Task<SendResult> SendOnceAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var to = message.ToAddress.TrimStart('+');
        if (to.Length == 0)
        {
            return new SendRejected(UnsendableCode, "The contact has no phone number to send a WhatsApp message to.");
        }
        JsonObject payload;
        if (message.Template is { } template)
        {
            payload = TemplatePayload(to, template);
        }
        else if (message.Attachments.Count > 0)
        {
            if (message.Attachments.Count > 1)
            {
                return new SendRejected(UnsendableCode, "A WhatsApp message carries one file; send each file as its own reply.");
            }
            var stored = await files.AttachmentsAsync(message.InteractionId, cancellationToken);
            if (stored.Count != 1)
            {
                return new SendRejected(UnsendableCode, "The reply's file is no longer in the store.");
            }
            var upload = await UploadAsync(stored[0], cancellationToken);
            if (upload.Failure is not null)
            {
                return upload.Failure;
            }
            payload = MediaPayload(to, stored[0].Info, upload.MediaId!, message.Text);
        }
        else
        {
            payload = new JsonObject
            {
                ["messaging_product"] = "whatsapp",
                ["recipient_type"] = "individual",
                ["to"] = to,
                ["type"] = "text",
                ["text"] = new JsonObject { ["preview_url"] = false, ["body"] = message.Text ?? "" },
            };
        }
        using var request = Authorized(HttpMethod.Post, $"{options.Value.GraphRoot}/{Uri.EscapeDataString(options.Value.PhoneNumberId)}/messages");
        request.Content = new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return MessageId(body) is { } id
                ? new SendAccepted(id, "accepted")
                : new SendUncertain($"WhatsApp answered {(int)response.StatusCode} without a message id.");
        }
        return Refusal(response, body);
    }

    private static JsonObject TemplatePayload(string to, TemplateMessage template)
    {
        var content = new JsonObject { ["name"] = template.Name, ["language"] = new JsonObject { ["code"] = template.Language } };
        if (template.Parameters.Count > 0)
        {
            var parameters = new JsonArray();
            foreach (var value in template.Parameters)
            {
                parameters.Add(new JsonObject { ["type"] = "text", ["text"] = value });
            }
            content["components"] = new JsonArray { new JsonObject { ["type"] = "body", ["parameters"] = parameters } };
        }
        return new JsonObject { ["messaging_product"] = "whatsapp", ["to"] = to, ["type"] = "template", ["template"] = content };
    }

    /// <summary>JPEG and PNG go as pictures (what WhatsApp shows inline); everything else as a document with its name.</summary>
    private static JsonObject MediaPayload(string to, StoredFileInfo file, string mediaId, string? caption)
    {
        var isImage = file.ContentType is "image/jpeg" or "image/png";
        var media = new JsonObject { ["id"] = mediaId };
        if (!string.IsNullOrWhiteSpace(caption))
        {
            media["caption"] = caption;
        }
        if (!isImage)
        {
            media["filename"] = file.FileName;
        }
        var type = isImage ? "image" : "document";
        return new JsonObject { ["messaging_product"] = "whatsapp", ["recipient_type"] = "individual", ["to"] = to, ["type"] = type, [type] = media };
    }

    /// <summary>POST /{phone-number-id}/media as multipart; uploading reaches no customer, so any failure is safe to retry.</summary>
    private async Task<(string? MediaId, SendResult? Failure)> UploadAsync(StoredFile file, CancellationToken cancellationToken)
    {
        using var request = Authorized(HttpMethod.Post, $"{options.Value.GraphRoot}/{Uri.EscapeDataString(options.Value.PhoneNumberId)}/media");
        var bytes = new ByteArrayContent(file.Content);
        bytes.Headers.ContentType = new MediaTypeHeaderValue(file.Info.ContentType);
        request.Content = new MultipartFormDataContent
        {
            { new StringContent("whatsapp"), "messaging_product" },
            { new StringContent(file.Info.ContentType), "type" },
            { bytes, "file", file.Info.FileName },
        };
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException error)
        {
            // An upload reaches no customer: whatever happened to it, trying again cannot write to them twice.
            return (null, new SendDeferred($"Uploading the file to WhatsApp failed: {error.Message}", null));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, new SendDeferred("WhatsApp did not take the file in time.", null));
        }
        using var _ = response;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.IsSuccessStatusCode && Id(body) is { } id)
        {
            return (id, null);
        }
        return (null, response.IsSuccessStatusCode ? new SendDeferred("WhatsApp answered the upload without a media id.", null) : Refusal(response, body));
    }

    private SendResult Refusal(HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        var error = WhatsAppGraphError.TryParse(body);
        if (error is { IsRateLimit: true } || response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return new SendDeferred($"WhatsApp rate limit ({error?.CodeText ?? "429"}): {error?.Message ?? "too many requests"}", RetryAfterHeader.Wait(response, time.GetUtcNow()) ?? options.Value.RateLimitRetryDelay);
        }
        if (status >= 500)
        {
            return new SendDeferred($"WhatsApp answered {status}: {error?.Message ?? response.ReasonPhrase ?? "server error"}", RetryAfterHeader.Wait(response, time.GetUtcNow()));
        }
        return error is null
            ? new SendRejected(status.ToString(System.Globalization.CultureInfo.InvariantCulture), $"WhatsApp answered {status} {response.ReasonPhrase}.")
            : new SendRejected(error.CodeText, error.Reason);
    }

    private HttpRequestMessage Authorized(HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.AccessToken);
        return request;
    }

    /// <summary><c>{"messages":[{"id":"wamid..."}]}</c>.</summary>
    private static string? MessageId(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array && messages.GetArrayLength() > 0
                && messages[0].ValueKind == JsonValueKind.Object && messages[0].TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary><c>{"id":"..."}</c> of an uploaded media item.</summary>
    private static string? Id(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void Log(long interactionId, SendResult result)
    {
        switch (result)
        {
            case SendAccepted accepted:
                WhatsAppLog.SendAccepted(logger, interactionId, accepted.ProviderId);
                break;
            case SendDeferred deferred:
                WhatsAppLog.SendDeferred(logger, interactionId, deferred.Reason);
                break;
            case SendRejected rejected:
                WhatsAppLog.SendRejected(logger, interactionId, rejected.ErrorCode, rejected.Reason);
                break;
            case SendUncertain uncertain:
                WhatsAppLog.SendDeferred(logger, interactionId, uncertain.Reason);
                break;
        }
    }
}
