using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ContactHub.StandIns.WhatsApp;

/// <summary>What became of a customer's message: its wamid and the hub's answer, or why it could not be written.</summary>
public sealed record CustomerWritten(string? MessageId, int? HubStatus, string? Problem);

/// <summary>
/// Customers writing to our number, for the customer surface and the demo simulator alike: the stand-in opens their
/// window, builds the webhook Meta would send and posts it, signed, to the hub.
/// </summary>
public sealed class WhatsAppCustomers(IOptions<WhatsAppStandInOptions> options, CustomerWindows windows, MediaVault media, WebhookPoster poster, TimeProvider time)
{
    /// <summary>A 1x1 PNG: enough for the hub to fetch, store and show as a picture.</summary>
    public static readonly byte[] TinyPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public async Task<CustomerWritten> WriteAsync(string waId, CustomerMessage message, CancellationToken cancellationToken)
    {
        waId = waId.TrimStart('+');
        if (waId.Length is < 8 or > 15 || !waId.All(char.IsAsciiDigit))
        {
            return new CustomerWritten(null, null, "wa_id must be the customer's phone number in digits.");
        }
        if (message.HoursAgo is < 0 or > 24 * 30)
        {
            return new CustomerWritten(null, null, "hours_ago must be between 0 and 720.");
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
                return new CustomerWritten(null, null, "type must be text, image or location.");
        }
        windows.Wrote(waId, at);
        var hubStatus = await poster.PostAsync(Notifications.CustomerMessage(options.Value, waId, message.Name, payload), cancellationToken);
        return new CustomerWritten(id, hubStatus, null);
    }
}
