using System.Text.Json.Nodes;
using ContactHub.Channels.WhatsApp;
using ContactHub.StandIns;
using ContactHub.StandIns.WhatsApp;

namespace ContactHub.Channels.Tests.Support;

/// <summary>One WhatsApp business account shared by the hub side and the Graph stand-in in these tests (fixture secrets).</summary>
public static class WhatsAppTestAccount
{
    public const string AppSecret = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    public const string AccessToken = "EAAFakeSystemUserAccessTokenForFixturesOnly";
    public const string VerifyToken = "acme-wa-verify-7Qk2";
    public const string PhoneNumberId = "555000111222333";
    public const string Customer = "15555550123";

    public static readonly WhatsAppTemplate TicketUpdate = new() { Name = "ticket_update", Language = "es", Body = "Tu ticket {{1}} tiene novedades." };

    /// <summary>The stand-ins with this account; Twilio's part is only there because every stand-in host runs it.</summary>
    public static StandInSettings StandIn(string hubWebhookUrl = "", TimeSpan? pairInterval = null, params string[] undeliverable) => new()
    {
        Twilio = TestAccount.StandIn().Twilio,
        WhatsApp = new WhatsAppStandInOptions
        {
            AccessToken = AccessToken,
            AppSecret = AppSecret,
            PhoneNumberId = PhoneNumberId,
            HubWebhookUrl = hubWebhookUrl,
            PairRateLimitInterval = pairInterval ?? TimeSpan.Zero,
            StatusDelay = TimeSpan.FromMilliseconds(50),
            Templates = [TicketUpdate],
            UndeliverableNumbers = [.. undeliverable],
        },
    };

    /// <summary>The hub's WhatsApp configuration pointing at <paramref name="apiBaseUrl"/>.</summary>
    public static Dictionary<string, string?> HubSettings(string apiBaseUrl, string accessToken = AccessToken) => new()
    {
        ["WhatsApp:AccessToken"] = accessToken,
        ["WhatsApp:AppSecret"] = AppSecret,
        ["WhatsApp:VerifyToken"] = VerifyToken,
        ["WhatsApp:PhoneNumberId"] = PhoneNumberId,
        ["WhatsApp:ApiBaseUrl"] = apiBaseUrl,
        ["WhatsApp:ApiVersion"] = "v23.0",
        ["WhatsApp:RateLimitRetryDelay"] = "00:00:01",
        ["WhatsApp:MarkInboundRead"] = "false",
        ["WhatsApp:Templates:0:Name"] = TicketUpdate.Name,
        ["WhatsApp:Templates:0:Language"] = TicketUpdate.Language,
        ["WhatsApp:Templates:0:Body"] = TicketUpdate.Body,
    };

    /// <summary>A notification carrying <paramref name="messages"/> and <paramref name="statuses"/>, in the envelope of the fixtures.</summary>
    public static string Notification(IEnumerable<JsonNode>? messages = null, IEnumerable<JsonNode>? statuses = null, string? name = "Zoë Martín")
    {
        var value = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = new JsonObject { ["display_phone_number"] = "15555550100", ["phone_number_id"] = PhoneNumberId },
        };
        if (messages is not null)
        {
            value["contacts"] = new JsonArray { new JsonObject { ["profile"] = new JsonObject { ["name"] = name }, ["wa_id"] = Customer } };
            value["messages"] = new JsonArray([.. messages.Select(m => m.DeepClone())]);
        }
        if (statuses is not null)
        {
            value["statuses"] = new JsonArray([.. statuses.Select(s => s.DeepClone())]);
        }
        return new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray { new JsonObject { ["id"] = "555000444333222", ["changes"] = new JsonArray { new JsonObject { ["value"] = value, ["field"] = "messages" } } } },
        }.ToJsonString();
    }

    public static JsonObject Text(string id, string body, string from = Customer) => new()
    {
        ["from"] = from,
        ["id"] = id,
        ["timestamp"] = "1773152585",
        ["type"] = "text",
        ["text"] = new JsonObject { ["body"] = body },
    };

    public static JsonObject Status(string id, string status, int? errorCode = null)
    {
        var entry = new JsonObject { ["id"] = id, ["status"] = status, ["timestamp"] = "1773152710", ["recipient_id"] = Customer };
        if (errorCode is { } code)
        {
            entry["errors"] = new JsonArray
            {
                new JsonObject { ["code"] = code, ["title"] = "Re-engagement message", ["message"] = "Re-engagement message", ["error_data"] = new JsonObject { ["details"] = "More than 24 hours have passed." } },
            };
        }
        return entry;
    }

    /// <summary>A POST of <paramref name="body"/> signed as Meta signs it, with the wrong secret, or not at all.</summary>
    public static HttpRequestMessage Signed(string url, byte[] body, string? secret = AppSecret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (secret is not null)
        {
            request.Headers.Add(WhatsAppSignature.HeaderName, WhatsAppSignature.Sign(secret, body));
        }
        return request;
    }
}
