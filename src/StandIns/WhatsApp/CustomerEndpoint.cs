using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace ContactHub.StandIns.WhatsApp;

/// <summary>What a simulated customer writes: text by default; "image" sends a small picture with <see cref="Text"/> as caption.</summary>
/// <param name="HoursAgo">Back-dates the message (and so the 24-hour window), for tests of a lapsed window.</param>
public sealed record CustomerMessage(
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("hours_ago")] double? HoursAgo);

/// <summary>
/// <c>POST /_standin/whatsapp/customers/{wa_id}/messages</c>: a customer writes to our number. The stand-in opens their
/// window, builds the webhook Meta would send and posts it, signed, to the hub; the answer names the wamid and the hub's status.
/// </summary>
public static class CustomerEndpoint
{
    public const string Route = "/_standin/whatsapp/customers/{waId}/messages";

    /// <summary>A 1x1 PNG: enough for the hub to fetch, store and show as a picture.</summary>
    public static readonly byte[] TinyPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public static async Task<IResult> HandleAsync(
        string waId,
        CustomerMessage message,
        IOptions<WhatsAppStandInOptions> options,
        CustomerWindows windows,
        MediaVault media,
        WebhookPoster poster,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        waId = waId.TrimStart('+');
        if (waId.Length is < 8 or > 15 || !waId.All(char.IsAsciiDigit))
        {
            return TypedResults.BadRequest("wa_id must be the customer's phone number in digits.");
        }
        if (message.HoursAgo is < 0 or > 24 * 30)
        {
            return TypedResults.BadRequest("hours_ago must be between 0 and 720.");
        }
        var at = time.GetUtcNow() - TimeSpan.FromHours(message.HoursAgo ?? 0);
        var id = WamIds.New();
        var payload = new JsonObject
        {
            ["from"] = waId,
            ["id"] = id,
            ["timestamp"] = Notifications.Seconds(at),
        };
        switch (message.Type ?? "text")
        {
            case "text":
                payload["type"] = "text";
                payload["text"] = new JsonObject { ["body"] = message.Text ?? "" };
                break;
            case "image":
                var picture = media.Add("image/png", TinyPng, null);
                payload["type"] = "image";
                payload["image"] = new JsonObject { ["caption"] = message.Text, ["mime_type"] = "image/png", ["sha256"] = picture.Sha256, ["id"] = picture.Id };
                break;
            case "location":
                payload["type"] = "location";
                payload["location"] = new JsonObject { ["latitude"] = 37.7749, ["longitude"] = -122.4194, ["name"] = message.Text ?? "Ferry Building", ["address"] = "1 Ferry Building, San Francisco, CA" };
                break;
            default:
                return TypedResults.BadRequest("type must be text, image or location.");
        }
        windows.Wrote(waId, at);
        var hubStatus = await poster.PostAsync(Notifications.CustomerMessage(options.Value, waId, message.Name, payload), cancellationToken);
        return TypedResults.Json(new JsonObject { ["id"] = id, ["hub_status"] = hubStatus });
    }
}
