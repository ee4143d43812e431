using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContactHub.StandIns;

namespace ContactHub.EndToEnd.Tests.Conformance;

public sealed class WebChatConformance(WebChatChannel channel) : ChannelConformance<WebChatChannel>(channel);

/// <summary>
/// The web chat is its own provider: a "customer" is a visitor session (the pre-chat form without a first message), a
/// delivery is the widget's message post signed by the visitor token, and what was sent is what a visitor reconnecting
/// with that token reads back. Replies to one visitor are paced at one per second, so the outbox's retries are exercised
/// as a provider's rate limit would.
/// </summary>
public sealed class WebChatChannel : ConformanceChannel
{
    private const string ChannelKey = "conformance-webchat-key";
    private static int nextCustomer;
    private readonly ConcurrentDictionary<string, string> _names = new();

    // The web chat has no provider to stand in for; the suite's stand-in host still starts (with Twilio's required
    // settings) but the hub is not pointed at it.
    protected override StandInSettings StandInSettings() => new()
    {
        Twilio = new ContactHub.StandIns.Twilio.TwilioStandInOptions { AccountSid = HubCluster.AccountSid, AuthToken = HubCluster.AuthToken, PhoneNumbers = [HubCluster.OurNumber] },
    };

    protected override void AddHubSettings(Dictionary<string, string> settings)
    {
        settings["WebChat:ChannelKey"] = ChannelKey;
        settings["WebChat:RepliesPerSecond"] = "1";
        // Every conformance visitor comes from 127.0.0.1.
        settings["WebChat:SessionsPerHour"] = "1000";
    }

    public override string NewCustomer()
    {
        var name = $"Conformance Visitor {Environment.ProcessId}x{Interlocked.Increment(ref nextCustomer)}";
        using var client = new HttpClient { BaseAddress = new Uri(Hub.BaseUrl), Timeout = TimeSpan.FromSeconds(20) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webchat/api/sessions")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { channelKey = ChannelKey, name }), Encoding.UTF8, "application/json"),
        };
        using var response = client.Send(request);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(response.Content.ReadAsStream());
        var token = body.RootElement.GetProperty("token").GetString()!;
        _names[token] = name;
        return token;
    }

    public override string SearchTermFor(string customer) => _names[customer];

    public override HttpRequestMessage Delivery(string customer, string messageId, string text, Signing signing = Signing.Valid)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webchat/api/messages")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { messageId, text }), Encoding.UTF8, "application/json"),
        };
        if (signing != Signing.Missing)
        {
            request.Headers.Add("X-Visitor-Token", signing == Signing.Valid ? customer : Forge(customer));
        }
        return request;
    }

    public override HttpRequestMessage MalformedDelivery()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webchat/api/messages")
        {
            Content = new StringContent("""{"text":"a message without its id"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Visitor-Token", NewCustomer());
        return request;
    }

    public override async Task<IReadOnlyList<string>> SentTextsAsync(string customer)
    {
        using var client = new HttpClient { BaseAddress = new Uri(Hub.BaseUrl), Timeout = TimeSpan.FromSeconds(20) };
        client.DefaultRequestHeaders.Add("X-Visitor-Token", customer);
        var transcript = await client.GetFromJsonAsync<List<ChatLine>>("/webchat/api/messages", JsonSerializerOptions.Web) ?? [];
        return [.. transcript.Where(line => line.From == "agent").Select(line => line.Text ?? "")];
    }

    /// <summary>The same token with its last characters changed: the authenticated encryption must refuse it.</summary>
    private static string Forge(string token) => token[..^8] + (token[^8] == 'A' ? "BBBBBBBB" : "AAAAAAAA");

    private sealed record ChatLine(long Id, string From, string? Text);
}
