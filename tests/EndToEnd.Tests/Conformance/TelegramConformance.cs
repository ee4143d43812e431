using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContactHub.Channels.Telegram;
using ContactHub.StandIns;
using ContactHub.StandIns.Telegram;
using ContactHub.StandIns.Twilio;
using Microsoft.Extensions.DependencyInjection;

namespace ContactHub.EndToEnd.Tests.Conformance;

public sealed class TelegramConformance(TelegramChannel channel) : ChannelConformance<TelegramChannel>(channel);

/// <summary>
/// Telegram in webhook mode: the hub has an https public URL and a secret, so it registers its webhook with the Bot API
/// stand-in; deliveries are Update JSON carrying X-Telegram-Bot-Api-Secret-Token; replies go through sendMessage,
/// limited to one message per second per chat.
/// </summary>
public sealed class TelegramChannel : ConformanceChannel
{
    private const string BotToken = "5550000002:ConformanceBotTokenNotARealOne0123456";
    private const string Secret = "conformance_Secret-0123456789";
    private static readonly JsonSerializerOptions SnakeCase = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private static int nextCustomer;

    protected override StandInSettings StandInSettings() => new()
    {
        // The Twilio stand-in always runs beside it and needs an account; nothing here sends SMS.
        Twilio = new TwilioStandInOptions { AccountSid = HubCluster.AccountSid, AuthToken = HubCluster.AuthToken, PhoneNumbers = [HubCluster.OurNumber] },
        Telegram = new TelegramStandInOptions { BotToken = BotToken, MessagesPerSecondPerChat = 1 },
    };

    protected override void AddHubSettings(Dictionary<string, string> settings)
    {
        settings["Telegram:BotToken"] = BotToken;
        settings["Telegram:WebhookSecret"] = Secret;
        settings["Telegram:ApiBaseUrl"] = StandInBaseUrl;
        // An https public URL with a secret puts the hub in webhook mode (Telegram only calls https URLs).
        settings["Hub:PublicBaseUrl"] = "https://hub.conformance.example";
    }

    /// <summary>A private chat id (equal to the user's id), unique per test process.</summary>
    public override string NewCustomer()
    {
        var id = 7_000_000_000L + (Environment.ProcessId % 1000) * 100_000L + Interlocked.Increment(ref nextCustomer);
        // Telegram lets a bot message only users who started it; these customers did, by writing.
        StandIn.Services.GetRequiredService<BotChats>().Started(new BotCustomer(id, "Conformance", "Customer"));
        return id.ToString(CultureInfo.InvariantCulture);
    }

    public override HttpRequestMessage Delivery(string customer, string messageId, string text, Signing signing = Signing.Valid)
    {
        // Telegram's ids are numbers: the suite's message id maps to one, the same every time, as a redelivery's is.
        var number = BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(messageId))) & 0x3FFFFFFF;
        var chatId = long.Parse(customer, CultureInfo.InvariantCulture);
        var user = new JsonObject { ["id"] = chatId, ["is_bot"] = false, ["first_name"] = "Conformance", ["last_name"] = "Customer" };
        var update = new JsonObject
        {
            ["update_id"] = number,
            ["message"] = new JsonObject
            {
                ["message_id"] = number,
                ["from"] = user,
                ["chat"] = new JsonObject { ["id"] = chatId, ["first_name"] = "Conformance", ["last_name"] = "Customer", ["type"] = "private" },
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["text"] = text,
            },
        };
        return Signed(update.ToJsonString(), signing);
    }

    public override HttpRequestMessage MalformedDelivery() =>
        Signed("""{"update_id":12,"message":{"chat":{"id":7000000001,"type":"private"},"date":1773152585,"text":"no message id"}}""", Signing.Valid);

    public override async Task<IReadOnlyList<string>> SentTextsAsync(string customer)
    {
        using var client = new HttpClient();
        var sent = await client.GetFromJsonAsync<List<SentMessage>>(StandInBaseUrl + StandInSurface.Prefix + "/sent", SnakeCase) ?? [];
        var chatId = long.Parse(customer, CultureInfo.InvariantCulture);
        return sent.Where(m => m.ChatId == chatId).Select(m => m.Text ?? "").ToList();
    }

    private static HttpRequestMessage Signed(string json, Signing signing)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, TelegramWebhook.Path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (signing != Signing.Missing)
        {
            request.Headers.Add(TelegramSecretToken.HeaderName, signing == Signing.Valid ? Secret : "not-" + Secret);
        }
        return request;
    }
}
