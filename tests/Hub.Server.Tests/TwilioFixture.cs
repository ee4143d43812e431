using System.Text.Json;
using ContactHub.Channels.Twilio;

namespace ContactHub.Server.Tests;

/// <summary>A recorded Twilio webhook request from ../shared/fixtures, re-signed for the hub's public URL.</summary>
public sealed class TwilioFixture
{
    private TwilioFixture(Dictionary<string, string> parameters) => Parameters = parameters;

    public Dictionary<string, string> Parameters { get; }

    public static TwilioFixture Load(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "twilio", name + ".json")));
        var parameters = document.RootElement.GetProperty("params").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
        return new TwilioFixture(parameters);
    }

    public TwilioFixture With(string name, string value)
    {
        var copy = new Dictionary<string, string>(Parameters) { [name] = value };
        return new TwilioFixture(copy);
    }

    public HttpRequestMessage SignedRequest(string path, string? signatureOverride = null, string authToken = HubFactory.AuthToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(Parameters) };
        var signature = signatureOverride ?? TwilioSignature.Sign(authToken, HubFactory.PublicBaseUrl + path, Parameters);
        if (signature.Length > 0)
        {
            request.Headers.Add(TwilioSignature.HeaderName, signature);
        }
        return request;
    }
}
