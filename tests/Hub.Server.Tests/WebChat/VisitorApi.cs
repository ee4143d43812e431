using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ContactHub.Server.Tests.WebChat;

/// <summary>A web chat visitor's HTTP calls, as the widget makes them.</summary>
public sealed class VisitorApi(HttpClient http, string channelKey = VisitorApi.ChannelKey)
{
    public const string ChannelKey = "test-webchat-key";

    public static Dictionary<string, string> Settings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string> { ["WebChat:ChannelKey"] = ChannelKey, ["WebChat:CompanyName"] = "Test Support" };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }
        return settings;
    }

    public static string NewMessageId() => Guid.NewGuid().ToString("N");

    public async Task<(HttpStatusCode Status, JsonElement Body)> StartAsync(string name, string? email = null, string? message = "Hello!", string? messageId = null)
    {
        using var response = await http.PostAsJsonAsync("/webchat/api/sessions", new { channelKey, name, email, message, messageId = messageId ?? NewMessageId() }).WaitAsync(TestServers.Timeout);
        return (response.StatusCode, await BodyAsync(response));
    }

    public async Task<string> StartTokenAsync(string name, string? email = null, string? message = "Hello!")
    {
        var (status, body) = await StartAsync(name, email, message);
        Assert.True(status == HttpStatusCode.Created, $"session answered {(int)status}: {body}");
        return body.GetProperty("token").GetString()!;
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string? token, string messageId, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webchat/api/messages") { Content = JsonContent.Create(new { messageId, text }) };
        if (token is not null)
        {
            request.Headers.Add("X-Visitor-Token", token);
        }
        using var response = await http.SendAsync(request).WaitAsync(TestServers.Timeout);
        return (response.StatusCode, await BodyAsync(response));
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> TranscriptAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/webchat/api/messages");
        request.Headers.Add("X-Visitor-Token", token);
        using var response = await http.SendAsync(request).WaitAsync(TestServers.Timeout);
        return (response.StatusCode, await BodyAsync(response));
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(string token, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent { { new StringContent(NewMessageId()), "messageId" }, { new ByteArrayContent(content), "file", fileName } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webchat/api/files") { Content = form };
        request.Headers.Add("X-Visitor-Token", token);
        using var response = await http.SendAsync(request).WaitAsync(TestServers.Timeout);
        return (response.StatusCode, await BodyAsync(response));
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> LeaveMessageAsync(string name, string? email, string message)
    {
        using var response = await http.PostAsJsonAsync("/webchat/api/leave-message", new { channelKey, name, email, message, messageId = NewMessageId() }).WaitAsync(TestServers.Timeout);
        return (response.StatusCode, await BodyAsync(response));
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
