using System.Net.Http.Headers;
using ContactHub.Channels.Twilio;

namespace ContactHub.Channels.Tests.Support;

/// <summary>Posts a form the way Twilio does: urlencoded, signed over the public URL.</summary>
public static class SignedForm
{
    public static async Task<HttpResponseMessage> PostAsync(
        WebhookHost host, string pathAndQuery, IReadOnlyList<KeyValuePair<string, string>> form, string? signature = null, bool sign = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, host.BaseUrl + pathAndQuery) { Content = new FormUrlEncodedContent(form) };
        if (sign)
        {
            request.Headers.Add(TwilioSignature.HeaderName, signature ?? TwilioSignature.Sign(TestAccount.AuthToken, host.PublicBaseUrl + pathAndQuery, form));
        }
        return await host.Client.SendAsync(request).WaitAsync(Timeouts.Await);
    }

    public static async Task<HttpResponseMessage> PostRawAsync(WebhookHost host, string path, HttpContent content, string contentType)
    {
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, host.BaseUrl + path) { Content = content };
        request.Headers.Add(TwilioSignature.HeaderName, "bm90LWNoZWNrZWQtYmVmb3JlLXRoZS1ib2R5");
        return await host.Client.SendAsync(request).WaitAsync(Timeouts.Await);
    }

    public static List<KeyValuePair<string, string>> With(IEnumerable<KeyValuePair<string, string>> form, string name, string? value)
    {
        var result = form.Where(p => p.Key != name).ToList();
        if (value is not null)
        {
            result.Add(new(name, value));
        }
        return result;
    }
}
