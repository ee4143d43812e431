using System.Net.Http.Json;
using System.Text.Json;
using ContactHub.Channels.Twilio;
using ContactHub.StandIns;
using ContactHub.StandIns.Twilio;

namespace ContactHub.EndToEnd.Tests.Conformance;

public sealed class TwilioSmsConformance(TwilioSmsChannel channel) : ChannelConformance<TwilioSmsChannel>(channel);

/// <summary>SMS through Twilio: form posts signed with X-Twilio-Signature over the public URL; sends through the Messages API.</summary>
public sealed class TwilioSmsChannel : ConformanceChannel
{
    private const string Path = "/webhooks/twilio/sms";
    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private static int nextCustomer;

    protected override StandInSettings StandInSettings() => new()
    {
        Twilio = new TwilioStandInOptions
        {
            AccountSid = HubCluster.AccountSid,
            AuthToken = HubCluster.AuthToken,
            PhoneNumbers = [HubCluster.OurNumber],
            MessagesPerSecond = 1,
        },
    };

    protected override void AddHubSettings(Dictionary<string, string> settings)
    {
        settings["Twilio:AccountSid"] = HubCluster.AccountSid;
        settings["Twilio:AuthToken"] = HubCluster.AuthToken;
        settings["Twilio:PhoneNumber"] = HubCluster.OurNumber;
        settings["Twilio:ApiBaseUrl"] = StandInBaseUrl;
    }

    public override string NewCustomer() => $"+1555{Environment.ProcessId % 1000:000}{Interlocked.Increment(ref nextCustomer) % 10000:0000}";

    public override HttpRequestMessage Delivery(string customer, string messageId, string text, Signing signing = Signing.Valid) =>
        Signed(new Dictionary<string, string>
        {
            ["MessageSid"] = "SM" + messageId,
            ["AccountSid"] = HubCluster.AccountSid,
            ["From"] = customer,
            ["To"] = HubCluster.OurNumber,
            ["Body"] = text,
            ["NumMedia"] = "0",
        }, signing);

    public override HttpRequestMessage MalformedDelivery() =>
        Signed(new Dictionary<string, string> { ["AccountSid"] = HubCluster.AccountSid, ["From"] = NewCustomer(), ["Body"] = "no message sid" }, Signing.Valid);

    public override async Task<IReadOnlyList<string>> SentTextsAsync(string customer)
    {
        using var client = new HttpClient();
        var messages = await client.GetFromJsonAsync<List<SentMessage>>(StandInBaseUrl + "/_standin/messages", SnakeCase) ?? [];
        return messages.Where(m => m.To == customer).Select(m => m.Body ?? "").ToList();
    }

    private HttpRequestMessage Signed(Dictionary<string, string> form, Signing signing)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new FormUrlEncodedContent(form) };
        if (signing != Signing.Missing)
        {
            var token = signing == Signing.Valid ? HubCluster.AuthToken : "not-" + HubCluster.AuthToken;
            request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Sign(token, Hub.BaseUrl + Path, form));
        }
        return request;
    }

    private sealed record SentMessage(string Sid, string To, string? Body);
}
