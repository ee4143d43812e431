using ContactHub.Channels.Twilio;

namespace ContactHub.EndToEnd.Tests;

/// <summary>Posts a customer SMS to a hub's webhook exactly as Twilio would: form body, signature over the public URL.</summary>
public static class SignedSms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string hubBaseUrl, string authToken, string accountSid, string from, string to, string body, string? messageSid = null)
    {
        var url = hubBaseUrl + "/webhooks/twilio/sms";
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = messageSid ?? "SM" + Guid.NewGuid().ToString("N"),
            ["AccountSid"] = accountSid,
            ["From"] = from,
            ["To"] = to,
            ["Body"] = body,
            ["NumMedia"] = "0",
            ["NumSegments"] = "1",
            ["SmsStatus"] = "received",
            ["ApiVersion"] = "2010-04-01",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Sign(authToken, url, form));
        return await client.SendAsync(request);
    }
}
