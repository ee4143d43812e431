using System.Globalization;
using System.Text.Json.Nodes;

namespace ContactHub.StandIns.WhatsApp;

/// <summary>
/// Webhook bodies shaped as Meta sends them (see fixtures/whatsapp): one entry, one change, field "messages". Serialised
/// with non-ASCII escaped as \uXXXX, as Meta does, so a hub that re-serialises before checking the signature fails.
/// </summary>
public static class Notifications
{
    public static string CustomerMessage(WhatsAppStandInOptions options, string waId, string? name, JsonObject message) =>
        Envelope(options, new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = Metadata(options),
            ["contacts"] = new JsonArray { new JsonObject { ["profile"] = new JsonObject { ["name"] = name ?? waId }, ["wa_id"] = waId } },
            ["messages"] = new JsonArray { message },
        });

    public static string Status(WhatsAppStandInOptions options, string messageId, string status, string recipient, DateTimeOffset at, int? errorCode)
    {
        var entry = new JsonObject
        {
            ["id"] = messageId,
            ["status"] = status,
            ["timestamp"] = Seconds(at),
            ["recipient_id"] = recipient,
        };
        if (errorCode is { } code)
        {
            entry["errors"] = new JsonArray
            {
                new JsonObject
                {
                    ["code"] = code,
                    ["title"] = "Message undeliverable",
                    ["message"] = "Message undeliverable",
                    ["error_data"] = new JsonObject { ["details"] = "Message could not be delivered: the recipient is not on WhatsApp or uses an old app version." },
                },
            };
        }
        else
        {
            entry["pricing"] = new JsonObject { ["billable"] = false, ["pricing_model"] = "PMP", ["type"] = "free_customer_service", ["category"] = "service" };
        }
        return Envelope(options, new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = Metadata(options),
            ["statuses"] = new JsonArray { entry },
        });
    }

    public static string Seconds(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static JsonObject Metadata(WhatsAppStandInOptions options) =>
        new() { ["display_phone_number"] = options.DisplayPhoneNumber, ["phone_number_id"] = options.PhoneNumberId };

    private static string Envelope(WhatsAppStandInOptions options, JsonObject value) => new JsonObject
    {
        ["object"] = "whatsapp_business_account",
        ["entry"] = new JsonArray
        {
            new JsonObject
            {
                ["id"] = "1" + options.PhoneNumberId,
                ["changes"] = new JsonArray { new JsonObject { ["value"] = value, ["field"] = "messages" } },
            },
        },
    }.ToJsonString();
}
