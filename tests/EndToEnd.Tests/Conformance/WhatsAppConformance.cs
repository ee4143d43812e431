using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ContactHub.Channels.WhatsApp;
using ContactHub.StandIns;
using ContactHub.StandIns.Twilio;
using ContactHub.StandIns.WhatsApp;
using Microsoft.Extensions.DependencyInjection;

namespace ContactHub.EndToEnd.Tests.Conformance;

public sealed class WhatsAppConformance(WhatsAppChannel channel) : ChannelConformance<WhatsAppChannel>(channel);

/// <summary>
/// WhatsApp through the Cloud API: JSON notifications signed with X-Hub-Signature-256 over the raw bytes; replies through
/// the Graph stand-in, which allows one message per second to each customer (the pair rate limit), so retries are exercised.
/// </summary>
public sealed class WhatsAppChannel : ConformanceChannel
{
    private const string AccessToken = "conformance-whatsapp-token";
    private const string AppSecret = "conformance-whatsapp-app-secret";
    private const string PhoneNumberId = "100200300400500";
    private static int nextCustomer;

    protected override StandInSettings StandInSettings() => new()
    {
        Twilio = new TwilioStandInOptions { AccountSid = HubCluster.AccountSid, AuthToken = HubCluster.AuthToken, PhoneNumbers = [HubCluster.OurNumber] },
        WhatsApp = new WhatsAppStandInOptions
        {
            AccessToken = AccessToken,
            AppSecret = AppSecret,
            PhoneNumberId = PhoneNumberId,
            PairRateLimitInterval = TimeSpan.FromSeconds(1),
        },
    };

    protected override void AddHubSettings(Dictionary<string, string> settings)
    {
        settings["WhatsApp:AccessToken"] = AccessToken;
        settings["WhatsApp:AppSecret"] = AppSecret;
        settings["WhatsApp:VerifyToken"] = "conformance-verify-token";
        settings["WhatsApp:PhoneNumberId"] = PhoneNumberId;
        settings["WhatsApp:ApiBaseUrl"] = StandInBaseUrl;
        settings["WhatsApp:RateLimitRetryDelay"] = "00:00:01";
    }

    public override string NewCustomer() => $"+1555{Environment.ProcessId % 1000:000}{5000 + Interlocked.Increment(ref nextCustomer) % 5000:0000}";

    /// <summary>
    /// The customer writes through WhatsApp, so the Graph stand-in opens their 24-hour window (as Meta's would) before the
    /// notification reaches the hub; a forged or unsigned delivery is not the customer and opens nothing.
    /// </summary>
    public override HttpRequestMessage Delivery(string customer, string messageId, string text, Signing signing = Signing.Valid)
    {
        var waId = customer.TrimStart('+');
        if (signing == Signing.Valid)
        {
            StandIn.Services.GetRequiredService<CustomerWindows>().Wrote(waId, DateTimeOffset.UtcNow);
        }
        var message = new JsonObject
        {
            ["from"] = waId,
            ["id"] = "wamid." + messageId,
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["type"] = "text",
            ["text"] = new JsonObject { ["body"] = text },
        };
        return Signed(Envelope(new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = new JsonObject { ["display_phone_number"] = "15555550100", ["phone_number_id"] = PhoneNumberId },
            ["contacts"] = new JsonArray { new JsonObject { ["profile"] = new JsonObject { ["name"] = "Conformance Customer" }, ["wa_id"] = waId } },
            ["messages"] = new JsonArray { message },
        }), signing);
    }

    public override HttpRequestMessage MalformedDelivery() => Signed(Envelope(new JsonObject
    {
        ["messaging_product"] = "whatsapp",
        ["messages"] = new JsonArray { new JsonObject { ["from"] = NewCustomer().TrimStart('+'), ["type"] = "text", ["text"] = new JsonObject { ["body"] = "no message id" } } },
    }), Signing.Valid);

    public override async Task<IReadOnlyList<string>> SentTextsAsync(string customer)
    {
        using var client = new HttpClient();
        var sent = await client.GetFromJsonAsync<List<SentMessage>>(StandInBaseUrl + "/_standin/whatsapp/messages") ?? [];
        return sent.Where(m => m.To == customer.TrimStart('+')).Select(m => m.Text ?? "").ToList();
    }

    private static string Envelope(JsonObject value) => new JsonObject
    {
        ["object"] = "whatsapp_business_account",
        ["entry"] = new JsonArray { new JsonObject { ["id"] = "1" + PhoneNumberId, ["changes"] = new JsonArray { new JsonObject { ["value"] = value, ["field"] = "messages" } } } },
    }.ToJsonString();

    private static HttpRequestMessage Signed(string json, Signing signing)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var request = new HttpRequestMessage(HttpMethod.Post, WhatsAppWebhook.Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (signing != Signing.Missing)
        {
            request.Headers.Add(WhatsAppSignature.HeaderName, WhatsAppSignature.Sign(signing == Signing.Valid ? AppSecret : "not-" + AppSecret, body));
        }
        return request;
    }

    private sealed record SentMessage([property: JsonPropertyName("to")] string To, [property: JsonPropertyName("text")] string? Text);
}
